import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMockServer, type TestMock } from '../helpers/mock-server.js';
import { adminApi } from '../helpers/admin-client.js';
import { fetchToken } from '../helpers/api-client.js';
import { backend, DOCREADER, reprocessBody, zeroTrustFlow, type Flow } from '../helpers/regula-flow.js';

const DENIED = 'Access denied: the transaction is not bound to a session of this client.';
const LIVENESS_DENIED = 'Access denied: the liveness transaction is not bound to the same session as the document transaction.';

interface Violation {
  name: string;
  act: (mock: TestMock, flow: Flow) => Promise<{ status: number; body: unknown }>;
  status: number;
  body: unknown;
}

const strangerOf = async (mock: TestMock) => {
  const client = await adminApi(mock.baseUrl).newClient();
  return backend(mock, client, await fetchToken(mock.realmUrl, client));
};

const violations: Violation[] = [
  {
    name: 'the document transaction was never bound',
    act: async (_m, flow) => flow.api.reprocess(flow.documentId, reprocessBody(undefined)),
    status: 403,
    body: { statusCode: 403, message: DENIED },
  },
  {
    name: 'another client reprocesses a bound transaction',
    act: async (mock, flow) => {
      await flow.api.bindDocument(flow.sessionId, flow.documentId);
      return (await strangerOf(mock)).reprocess(flow.documentId, reprocessBody(undefined));
    },
    status: 403,
    body: { statusCode: 403, message: DENIED },
  },
  {
    name: 'another client reads the results',
    act: async (mock, flow) => {
      await flow.api.bindDocument(flow.sessionId, flow.documentId);
      await flow.api.reprocess(flow.documentId, reprocessBody(undefined));
      return (await strangerOf(mock)).results(flow.documentId);
    },
    status: 403,
    body: { statusCode: 403, message: DENIED },
  },
  {
    name: 'the livePortrait liveness transaction is not bound',
    act: async (_m, flow) => {
      await flow.api.bindDocument(flow.sessionId, flow.documentId);
      return flow.api.reprocess(flow.documentId, reprocessBody(flow.livenessId));
    },
    status: 403,
    body: { statusCode: 403, message: LIVENESS_DENIED },
  },
  {
    name: 'the livePortrait is bound to another session of the same client',
    act: async (_m, flow) => {
      await flow.api.bindDocument(flow.sessionId, flow.documentId);
      const other = await flow.api.createSession();
      await flow.api.bindLiveness(other.body.id, flow.livenessId);
      return flow.api.reprocess(flow.documentId, reprocessBody(flow.livenessId));
    },
    status: 403,
    body: { statusCode: 403, message: LIVENESS_DENIED },
  },
  {
    name: 'a random transaction id is reprocessed',
    act: async (_m, flow) => flow.api.reprocess(randomUUID(), reprocessBody(undefined)),
    status: 403,
    body: { statusCode: 403, message: DENIED },
  },
  {
    name: 'a bound transaction that was started but never uploaded is reprocessed',
    act: async (_m, flow) => {
      const ghost = await flow.api.startTransaction('document');
      await flow.api.bindDocument(flow.sessionId, ghost);
      return flow.api.reprocess(ghost, reprocessBody(undefined));
    },
    status: 400,
    body: { statusCode: 400, type: 'BadRequest', msg: expect.stringMatching(/was not found/) },
  },
  {
    name: 'the transaction id is not a UUID',
    act: async (_m, flow) => flow.api.reprocess('not-a-uuid', reprocessBody(undefined)),
    status: 400,
    body: { statusCode: 400, type: 'BadRequest', msg: expect.stringMatching(/not a valid UUID/) },
  },
  {
    name: 'another client reads the liveness transaction',
    act: async (mock, flow) => (await strangerOf(mock)).liveness(flow.livenessId),
    status: 400,
    body: { statusCode: 400, type: 'BadRequest', msg: expect.stringMatching(/was not found/) },
  },
];

describe('zero trust at the gateway', () => {
  const mock = useMockServer();

  it.each(violations)('when $name, then $status', async ({ act, status, body }) => {
    const flow = await zeroTrustFlow(mock, { bind: false });
    const res = await act(mock, flow);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(body);
  });

  it('when the stranger is refused, then the owner still reprocesses the same transaction', async () => {
    const flow = await zeroTrustFlow(mock);
    expect((await (await strangerOf(mock)).reprocess(flow.documentId, reprocessBody(undefined))).status).toBe(403);
    expect((await flow.reprocess()).status).toBe(200);
  });

  it('when another client lists or deletes the session tag, then it sees and removes nothing', async () => {
    const flow = await zeroTrustFlow(mock);
    await flow.reprocess();
    const stranger = await strangerOf(mock);
    expect((await stranger.get(`${DOCREADER}/api/v2/tag/${flow.sessionId}/transactions`)).body.items).toEqual([]);
    await stranger.raw(`${DOCREADER}/api/v2/tag/${flow.sessionId}`, { method: 'DELETE' });
    expect((await flow.api.get(`${DOCREADER}/api/v2/tag/${flow.sessionId}/transactions`)).body.items).toHaveLength(1);
  });
});

describe('zero trust configured to answer 404', () => {
  const mock = useMockServer({ gateway: { unboundTransactionStatus: 404 } });

  it('when the transaction is not bound, then 404 that reveals nothing', async () => {
    const flow = await zeroTrustFlow(mock, { bind: false });
    const res = await flow.api.reprocess(flow.documentId, reprocessBody(undefined));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, message: 'Resource not found' });
  });
});
