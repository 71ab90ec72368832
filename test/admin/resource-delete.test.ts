import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ResourceKind } from '../../mock-server/scenario-engine/vocabulary.js';
import { SURFACES } from '../../mock-server/surfaces/index.js';
import { adminApi } from '../helpers/admin-client.js';
import { call, DEMO, fetchToken, gatewayHeaders, type Reply } from '../helpers/api-client.js';
import { newAssureBackend, type AssureApi } from '../helpers/assure-client.js';
import { startMock, useMockServer, type TestMock } from '../helpers/mock-server.js';
import { backend, reprocessBody, type Backend } from '../helpers/regula-flow.js';
import { scanningApi, type ScanningApi } from '../helpers/scanning-client.js';

/** One resource as a test made it: its id, the scenario kind it is bound as, and what its owner asks of the gateway about an id. */
interface Made {
  id: string;
  scenario?: ResourceKind;
  probes: Array<[string, (id: string) => Promise<Reply>]>;
}

/** Per-request fields aside (trace ids, a page's nonce, the id asked for), two answers must be the same bytes. */
const comparable = (reply: Reply, id: string) => ({
  status: reply.status,
  text: reply.text
    .replaceAll(id, 'ID')
    .replace(/"traceId":"[^"]*"/g, '"traceId":"x"')
    .replace(/nonce="[^"]*"/g, 'nonce="x"'),
});

const deleteResource = (mock: TestMock, kind: string, id: string, headers: Record<string, string> = {}) =>
  call(`${mock.baseUrl}/__admin/resources/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`, { method: 'DELETE', headers });

async function gatewayClient(mock: TestMock): Promise<Backend> {
  const client = await adminApi(mock.baseUrl).newClient();
  return backend(mock, client, await fetchToken(mock.realmUrl, client));
}

/** The phone's half for a new session of the client (both transactions under a scenario), bound and processed by its backend. */
async function regulaRun(mock: TestMock, api: Backend) {
  const sessionId = (await api.createSession()).body.id as string;
  const device = await call(`${mock.baseUrl}/__admin/device`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId, scenario: 'rejected' }),
  });
  const { livenessTransactionId: livenessId, documentTransactionId: documentId } = device.body as {
    livenessTransactionId: string;
    documentTransactionId: string;
  };
  expect((await api.bindLiveness(sessionId, livenessId)).status).toBe(204);
  expect((await api.bindDocument(sessionId, documentId)).status).toBe(204);
  expect((await api.reprocess(documentId, reprocessBody(livenessId))).status).toBe(200);
  return { sessionId, livenessId, documentId };
}

const session = async (api: Backend): Promise<Made> => ({
  id: (await api.createSession('rejected')).body.id,
  scenario: 'session',
  probes: [['bind a new transaction to it', async (id) => api.bindDocument(id, await api.startTransaction('document'))]],
});

const documentTransaction = async (mock: TestMock, api: Backend): Promise<Made> => {
  const run = await regulaRun(mock, api);
  return {
    id: run.documentId,
    scenario: 'transaction',
    probes: [
      ['read it', (id) => api.transaction(id)],
      ['read its results', (id) => api.results(id)],
      ['bind it to its session', (id) => api.bindDocument(run.sessionId, id)],
    ],
  };
};

const livenessTransaction = async (mock: TestMock, api: Backend): Promise<Made> => {
  const run = await regulaRun(mock, api);
  return {
    id: run.livenessId,
    scenario: 'transaction',
    probes: [
      ['read it', (id) => api.liveness(id)],
      ['bind it to its session', (id) => api.bindLiveness(run.sessionId, id)],
      ['reprocess its session’s document with it', (id) => api.reprocess(run.documentId, reprocessBody(id))],
    ],
  };
};

const scan = async (api: ScanningApi): Promise<Made> => {
  const created = await api.create({ relay_state: 'delete-me' }, 'rejected');
  const otp = new URL(created.body.redirect_url as string).searchParams.get('otp')!;
  return {
    id: created.body.id,
    scenario: 'scan',
    probes: [
      ['read its result', (id) => api.result(id)],
      ['open its page with its link', (id) => api.get(`/v3/scan/ui/${id}?otp=${otp}`)],
    ],
  };
};

const dossier = async (api: AssureApi): Promise<Made> => {
  const id = (await api.createDossier()).body.dossierId as string;
  const processId = (await api.createProcess(id, { provider: 'eid' }, 'rejected')).body.processId as string;
  return {
    id,
    probes: [
      ['read it', (d) => api.dossier(d)],
      ['read its process', (d) => api.process(d, processId)],
    ],
  };
};

const assureProcess = async (api: AssureApi, dossierId: string): Promise<Made> => ({
  id: (await api.createProcess(dossierId, { provider: 'eid' }, 'rejected')).body.processId,
  scenario: 'process',
  probes: [['read it', (id) => api.process(dossierId, id)]],
});

interface Case {
  surface: string;
  /** Two resources of one client (the one deleted and another) and one of another client. */
  make(mock: TestMock): Promise<{ target: Made; sibling: Made; foreign: Made }>;
  /** An id of the same shape that never existed. */
  never(target: Made): string;
}

const CASES: Array<[string, Case]> = [
  [
    'session',
    {
      surface: 'sessions',
      make: async (mock) => {
        const [a, b] = [await gatewayClient(mock), await gatewayClient(mock)];
        return { target: await session(a), sibling: await session(a), foreign: await session(b) };
      },
      never: (t) => `${t.id.slice(0, 22)}${'x'.repeat(14)}`,
    },
  ],
  [
    'document-transaction',
    {
      surface: 'docreader',
      make: async (mock) => {
        const [a, b] = [await gatewayClient(mock), await gatewayClient(mock)];
        return { target: await documentTransaction(mock, a), sibling: await documentTransaction(mock, a), foreign: await documentTransaction(mock, b) };
      },
      never: () => randomUUID(),
    },
  ],
  [
    'liveness-transaction',
    {
      surface: 'faceapi',
      make: async (mock) => {
        const [a, b] = [await gatewayClient(mock), await gatewayClient(mock)];
        return { target: await livenessTransaction(mock, a), sibling: await livenessTransaction(mock, a), foreign: await livenessTransaction(mock, b) };
      },
      never: () => randomUUID(),
    },
  ],
  [
    'scan',
    {
      surface: 'scanning',
      make: async (mock) => {
        const admin = adminApi(mock.baseUrl);
        const a = scanningApi(mock.baseUrl, (await admin.newClient()).apiKeys[0]);
        const b = scanningApi(mock.baseUrl, (await admin.newClient()).apiKeys[0]);
        return { target: await scan(a), sibling: await scan(a), foreign: await scan(b) };
      },
      never: () => randomUUID(),
    },
  ],
  [
    'dossier',
    {
      surface: 'assure',
      make: async (mock) => {
        const [a, b] = [await newAssureBackend(mock.baseUrl), await newAssureBackend(mock.baseUrl)];
        return { target: await dossier(a.api), sibling: await dossier(a.api), foreign: await dossier(b.api) };
      },
      never: () => randomUUID(),
    },
  ],
  [
    'process',
    {
      surface: 'assure',
      make: async (mock) => {
        const [a, b] = [await newAssureBackend(mock.baseUrl), await newAssureBackend(mock.baseUrl)];
        const shared = (await a.api.createDossier()).body.dossierId as string;
        const elsewhere = (await b.api.createDossier()).body.dossierId as string;
        // The other process is in the same dossier: the dossier and it stay.
        return { target: await assureProcess(a.api, shared), sibling: await assureProcess(a.api, shared), foreign: await assureProcess(b.api, elsewhere) };
      },
      never: () => randomUUID(),
    },
  ],
];

it('when a surface lists resources for the control plane, then it can delete them', () => {
  const listing = SURFACES.filter((s) => s.resources !== undefined);
  expect(listing.length).toBeGreaterThanOrEqual(5);
  expect(listing.filter((s) => s.deleteResource === undefined).map((s) => s.name)).toEqual([]);
});

describe('deleting one resource through the control plane', () => {
  const mock = useMockServer();
  const admin = () => adminApi(mock.baseUrl);
  const listed = async (surface: string): Promise<string[]> =>
    ((await call(`${mock.baseUrl}/__admin/resources?limit=1000`)).body.surfaces[surface] as Array<{ id: string }>).map((r) => r.id);

  it.each(CASES)(
    'when a %s is deleted, then the gateway answers for it as for an id that never existed, and the other resources are untouched',
    async (kind, c) => {
      const { target, sibling, foreign } = await c.make(mock);
      for (const made of [target, sibling, foreign]) if (made.scenario) expect((await admin().resource(made.scenario, made.id)).status).toBe(200);

      const deleted = await deleteResource(mock, kind, target.id);

      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      const never = c.never(target);
      for (const [name, probe] of target.probes) {
        const gone = comparable(await probe(target.id), target.id);
        expect(gone.status, name).toBeGreaterThanOrEqual(400);
        expect(gone, name).toEqual(comparable(await probe(never), never));
      }
      for (const made of [sibling, foreign]) {
        for (const [name, probe] of made.probes) expect((await probe(made.id)).status, `${name} (another's)`).toBeLessThan(300);
        if (made.scenario) expect((await admin().resource(made.scenario, made.id)).status).toBe(200);
      }
      if (target.scenario) expect((await admin().resource(target.scenario, target.id)).status).toBe(404);
      const ids = await listed(c.surface);
      expect(ids).not.toContain(target.id);
      expect(ids).toEqual(expect.arrayContaining([sibling.id, foreign.id]));
    },
  );

  it.each(CASES)('when a %s that was deleted is deleted again, then 404 in problem form, the answer an unknown kind gets', async (kind, c) => {
    const { target } = await c.make(mock);
    expect((await deleteResource(mock, kind, target.id)).status).toBe(204);

    const again = await deleteResource(mock, kind, target.id);
    const unknownKind = await deleteResource(mock, 'no-such-kind', target.id);

    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect({ ...again.body, traceId: undefined }).toEqual({ ...unknownKind.body, traceId: undefined });
    expect(unknownKind.status).toBe(404);
  });

  it('when a kind is named with another surface’s id, then 404 and that resource stays', async () => {
    const s = await session(await gatewayClient(mock));
    expect((await deleteResource(mock, 'scan', s.id)).status).toBe(404);
    expect((await deleteResource(mock, 'document-transaction', s.id)).status).toBe(404);
    expect(await listed('sessions')).toContain(s.id);
  });

  it('when a session is deleted, then the transactions bound to it stay, unbound: reading one answers as for a transaction never bound', async () => {
    const api = await gatewayClient(mock);
    const run = await regulaRun(mock, api);
    const neverBound = await api.startTransaction('document');

    expect((await deleteResource(mock, 'session', run.sessionId)).status).toBe(204);

    const read = await api.transaction(run.documentId);
    expect(read.status).toBe(403);
    expect(comparable(read, run.documentId)).toEqual(comparable(await api.transaction(neverBound), neverBound));
    expect(await listed('docreader')).toContain(run.documentId);
    expect((await call(`${mock.baseUrl}/__admin/sessions/${run.sessionId}`)).status).toBe(404);
  });

  it('when a transaction is deleted, then its session no longer lists it bound, and keeps the other', async () => {
    const api = await gatewayClient(mock);
    const run = await regulaRun(mock, api);

    expect((await deleteResource(mock, 'liveness-transaction', run.livenessId)).status).toBe(204);

    const sessions = (await call(`${mock.baseUrl}/__admin/resources?limit=1000`)).body.surfaces.sessions as Array<{ id: string; bound: unknown[] }>;
    expect(sessions.find((s) => s.id === run.sessionId)?.bound).toEqual([{ kind: 'document', transactionId: run.documentId }]);
  });

  it('when one of two transactions sharing an id is deleted, then the scenario they share stays for the other', async () => {
    const api = await gatewayClient(mock);
    const sessionId = (await api.createSession()).body.id as string;
    const transactionId = randomUUID();
    const device = await call(`${mock.baseUrl}/__admin/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, scenario: 'rejected', transactionId }),
    });
    expect(device.status).toBe(201);

    expect((await deleteResource(mock, 'document-transaction', transactionId)).status).toBe(204);
    expect((await admin().resource('transaction', transactionId)).status).toBe(200);
    expect((await deleteResource(mock, 'liveness-transaction', transactionId)).status).toBe(204);
    expect((await admin().resource('transaction', transactionId)).status).toBe(404);
  });

  it('when a dossier is deleted, then its processes go with it, with their scenarios', async () => {
    const { api } = await newAssureBackend(mock.baseUrl);
    const made = await dossier(api);
    const processId = (await api.dossier(made.id)).body.processes[0].processId as string;
    expect((await admin().resource('process', processId)).status).toBe(200);

    expect((await deleteResource(mock, 'dossier', made.id)).status).toBe(204);

    expect(await listed('assure')).not.toContain(processId);
    expect((await admin().resource('process', processId)).status).toBe(404);
    expect((await deleteResource(mock, 'process', processId)).status).toBe(404);
  });

  it('when a process is deleted, then its dossier stays and no longer lists it', async () => {
    const { api } = await newAssureBackend(mock.baseUrl);
    const dossierId = (await api.createDossier()).body.dossierId as string;
    const [gone, kept] = [await assureProcess(api, dossierId), await assureProcess(api, dossierId)];

    expect((await deleteResource(mock, 'process', gone.id)).status).toBe(204);

    const read = await api.dossier(dossierId);
    expect(read.status).toBe(200);
    expect((read.body.processes as Array<{ processId: string }>).map((p) => p.processId)).toEqual([kept.id]);
  });

  it('when a scan is deleted, then its one-time links and flow tokens leave the store', async () => {
    const api = scanningApi(mock.baseUrl, (await admin().newClient()).apiKeys[0]);
    const made = await scan(api);
    const linksOf = async (id: string) => {
      let n = 0;
      for (const c of mock.deps.stores.collections().filter((c) => c.name === 'scan-links' || c.name === 'scan-flows'))
        n += (await c.find((l) => (l as { resourceId: string }).resourceId === id)).length;
      return n;
    };
    expect(await linksOf(made.id)).toBeGreaterThan(0);

    expect((await deleteResource(mock, 'scan', made.id)).status).toBe(204);

    expect(await linksOf(made.id)).toBe(0);
  });
});

describe('deleting a resource beyond loopback', () => {
  it('when the mock listens beyond loopback, then a delete without the admin token is refused and removes nothing; with it, the resource goes', async () => {
    const mock = await startMock({ host: '0.0.0.0', admin: { token: 'a-long-admin-token' } });
    try {
      const headers = gatewayHeaders(await fetchToken(mock.realmUrl, DEMO), DEMO.keys[0]);
      const id = (await call(`${mock.baseUrl}/mobilesdk/sessions`, { method: 'POST', headers })).body.id as string;
      const withToken = { authorization: 'Bearer a-long-admin-token' };
      const exists = async () => (await call(`${mock.baseUrl}/__admin/sessions/${id}`, { headers: withToken })).status;

      for (const refused of [{}, { authorization: 'Bearer not-the-token' }, { authorization: `Bearer ${headers.authorization!.slice(7)}` }]) {
        const res = await deleteResource(mock, 'session', id, refused);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer realm="mock-admin"');
      }
      expect(await exists()).toBe(200);

      expect((await deleteResource(mock, 'session', id, withToken)).status).toBe(204);
      expect(await exists()).toBe(404);
    } finally {
      await mock.close();
    }
  });

  it('when the mock listens beyond loopback without an admin token, then deletes are shut as the rest of the admin API', async () => {
    const mock = await startMock({ host: '0.0.0.0' });
    try {
      const id = (
        await call(`${mock.baseUrl}/mobilesdk/sessions`, { method: 'POST', headers: gatewayHeaders(await fetchToken(mock.realmUrl, DEMO), DEMO.keys[0]) })
      ).body.id as string;
      const res = await deleteResource(mock, 'session', id);
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/no admin\.token is configured/);
      expect(await mock.deps.sessions.find(id)).toBeDefined();
    } finally {
      await mock.close();
    }
  });
});
