import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-client.js';
import { fetchToken } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';
import { backend, DOCREADER, FACEAPI, reprocessBody, zeroTrustFlow, type Backend, type Flow } from '../helpers/regula-flow.js';

/**
 * Every route that takes a transaction or session id, tried by another client and by nobody: the
 * answer is the one an id that never existed gets, and no byte of the owner's data comes back.
 */
interface Ids {
  session: string;
  liveness: string;
  document: string;
}

/** The caller's own session, and a document transaction of its own (a random id for nobody). */
interface Own {
  session: string;
  document: string;
}

type Attempt = (api: Backend, ids: Ids, mine: Own) => Promise<{ status: number; text: string }>;

const upload = { 'content-type': 'application/octet-stream' };

const routes: Array<[string, Attempt]> = [
  [
    'bind the liveness transaction to its own session',
    (api, ids, mine) => api.raw(`/mobilesdk/sessions/${mine.session}/liveness/transactions/${ids.liveness}`, { method: 'POST' }).then(asReply),
  ],
  [
    'bind the document transaction to its own session',
    (api, ids, mine) => api.raw(`/mobilesdk/sessions/${mine.session}/transactions/${ids.document}`, { method: 'POST' }).then(asReply),
  ],
  [
    "bind its own transaction to the owner's session",
    (api, ids, mine) => api.raw(`/mobilesdk/sessions/${ids.session}/transactions/${mine.document}`, { method: 'POST' }).then(asReply),
  ],
  [
    'upload a document package',
    (api, ids) => api.raw(`${DOCREADER}/api/v2/transaction/${ids.document}`, { method: 'POST', headers: upload, body: new Uint8Array(64) }).then(asReply),
  ],
  ['reprocess', (api, ids) => api.reprocess(ids.document, reprocessBody(ids.liveness))],
  ['reprocess with useCache', (api, ids) => api.reprocess(ids.document, reprocessBody(undefined), '?useCache=true')],
  ['read the transaction', (api, ids) => api.transaction(ids.document)],
  ['read the results', (api, ids) => api.results(ids.document, true)],
  ['read a result file', (api, ids) => api.get(`${DOCREADER}/api/v2/transaction/${ids.document}/file?name=Portrait.png`)],
  [
    'upload a liveness package',
    (api, ids) =>
      api.raw(`${FACEAPI}/api/v2/liveness?transactionId=${ids.liveness}`, { method: 'POST', headers: upload, body: new Uint8Array(64) }).then(asReply),
  ],
  ['read the liveness transaction', (api, ids) => api.liveness(ids.liveness)],
  ['delete the liveness transaction', (api, ids) => api.raw(`${FACEAPI}/api/v2/liveness?transactionId=${ids.liveness}`, { method: 'DELETE' }).then(asReply)],
];

async function asReply(res: Response): Promise<{ status: number; text: string }> {
  return { status: res.status, text: await res.text() };
}

/** Per-request fields (trace ids) aside, the answers must be the same bytes. */
const comparable = (text: string) =>
  text.replace(/"traceId":"[^"]*"/g, '"traceId":"x"').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'ID');

describe('ownership of sessions and transactions', () => {
  const mock = useMockServer();
  let owner: Flow;
  let stranger: Backend;
  let strangerOwn: Own;
  let nobody: Backend;

  beforeAll(async () => {
    owner = await zeroTrustFlow(mock);
    expect((await owner.reprocess()).status).toBe(200);
    const client = await adminApi(mock.baseUrl).newClient();
    stranger = backend(mock, client, await fetchToken(mock.realmUrl, client));
    strangerOwn = { session: (await stranger.createSession()).body.id, document: await stranger.startTransaction('document') };
    nobody = backend(mock, { ...client, productKeys: [''] }, '');
  });

  const ownerIds = (): Ids => ({ session: owner.sessionId, liveness: owner.livenessId, document: owner.documentId });
  const neverIds = (): Ids => ({ session: `${owner.sessionId.slice(0, 22)}${'x'.repeat(14)}`, liveness: randomUUID(), document: randomUUID() });

  it.each(routes)('when another client tries to %s, then it gets the answer of an id that never existed', async (_name, attempt) => {
    const foreign = await attempt(stranger, ownerIds(), strangerOwn);
    const missing = await attempt(stranger, neverIds(), strangerOwn);

    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.status).toBe(missing.status);
    expect(comparable(foreign.text)).toBe(comparable(missing.text));
    // Ids the caller sent may come back; nothing the owner holds beyond them may.
    for (const secret of [owner.sessionId, owner.client.clientId, owner.client.guid]) expect(foreign.text).not.toContain(secret);
  });

  it.each(routes)('when nobody tries to %s, then it gets the answer of an id that never existed', async (_name, attempt) => {
    const foreign = await attempt(nobody, ownerIds(), { session: strangerOwn.session, document: randomUUID() });
    const missing = await attempt(nobody, neverIds(), { session: strangerOwn.session, document: randomUUID() });

    expect(foreign.status).toBe(401);
    expect(comparable(foreign.text)).toBe(comparable(missing.text));
  });

  it('when the stranger has tried everything, then the owner still reads, reprocesses and binds what is its own', async () => {
    for (const [, attempt] of routes) await attempt(stranger, ownerIds(), strangerOwn);

    expect((await owner.api.liveness(owner.livenessId)).status).toBe(200);
    expect((await owner.reprocess()).status).toBe(200);
    expect((await owner.api.results(owner.documentId)).body.ContainerList).toBeDefined();
    expect((await owner.api.bindLiveness(owner.sessionId, owner.livenessId)).status).toBe(204);
    expect((await owner.api.bindDocument(owner.sessionId, owner.documentId)).status).toBe(204);
  });

  it("when another client lists or deletes the owner's tag, then it sees the answer of an unknown tag and removes nothing", async () => {
    const tag = owner.sessionId;
    const foreign = await stranger.get(`${DOCREADER}/api/v2/tag/${tag}/transactions`);
    const unknown = await stranger.get(`${DOCREADER}/api/v2/tag/never-${randomUUID()}/transactions`);
    expect(foreign.status).toBe(unknown.status);
    expect(foreign.body).toEqual(unknown.body);
    expect((await stranger.raw(`${DOCREADER}/api/v2/tag/${tag}`, { method: 'DELETE' })).status).toBe(204);
    expect((await stranger.raw(`${FACEAPI}/api/v2/liveness?tag=${tag}`, { method: 'DELETE' })).status).toBe(204);
    expect((await owner.api.get(`${DOCREADER}/api/v2/tag/${tag}/transactions`)).body.items).toHaveLength(1);
    expect((await owner.api.liveness(owner.livenessId)).status).toBe(200);
  });
});
