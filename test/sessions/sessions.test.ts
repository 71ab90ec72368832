import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { longGuid } from '../../mock-server/core/guid.js';
import { useMockServer } from '../helpers/mock-server.js';
import { DEMO, DEMO2, fetchToken, gateway } from '../helpers/api-client.js';

describe('gateway sessions and transaction binding', () => {
  const mock = useMockServer();
  let api: ReturnType<typeof gateway>;
  let other: ReturnType<typeof gateway>;
  beforeAll(async () => {
    api = gateway(mock.baseUrl, await fetchToken(mock.realmUrl, DEMO), 'demo-key-1');
    other = gateway(mock.baseUrl, await fetchToken(mock.realmUrl, DEMO2), 'demo2-key-1');
  });

  it('when a backend runs the first half of the zero-trust flow, then token, session, both bindings and both pings succeed', async () => {
    const session = await api.createSession();
    expect(session.status).toBe(200);

    expect((await api.bindLiveness(session.body.id, await api.startTransaction('liveness'))).status).toBe(204);
    expect((await api.bindDocument(session.body.id, await api.startTransaction('document'))).status).toBe(204);
    expect((await api.ping('docreader')).body['app-name']).toBe('Regula Document Reader Web API');
    expect((await api.ping('faceapi')).body['app-name']).toBe('Regula Face Recognition Web API');
  });

  it('when a session is created, then its id is the client GUID in .NET byte order plus a 14-character unique id', async () => {
    const { body } = await api.createSession();

    expect(Object.keys(body).sort()).toEqual(['clientId', 'clientIdLong', 'id', 'uniqueId']);
    expect(body.clientIdLong).toBe('cf3d2fb3-16cc-4917-a875-d4c66b44b774');
    expect(body.clientId).toBe('sy89z8wWF0moddTGa0S3dA'); // the guide's own example
    expect(longGuid(body.clientId)).toBe(body.clientIdLong);
    expect(body.uniqueId).toMatch(/^[A-Za-z0-9_-]{14}$/);
    expect(body.id).toBe(`${body.clientId as string}${body.uniqueId as string}`);
    expect(body.id).toHaveLength(36);
  });

  it('when two sessions are created, then they differ only in the unique id', async () => {
    const [a, b] = await Promise.all([api.createSession(), api.createSession()]);
    expect(a.body.clientId).toBe(b.body.clientId);
    expect(a.body.uniqueId).not.toBe(b.body.uniqueId);
  });

  it('when the other demo client creates a session, then its client id is its own GUID', async () => {
    const { body } = await other.createSession();
    expect(longGuid(body.clientId)).toBe(body.clientIdLong);
    expect(body.clientIdLong).not.toBe('cf3d2fb3-16cc-4917-a875-d4c66b44b774');
  });

  it('when the same binding is repeated, then it answers 204 again', async () => {
    const { body: session } = await api.createSession();
    const tx = await api.startTransaction('document');
    expect((await api.bindDocument(session.id, tx)).status).toBe(204);
    expect((await api.bindDocument(session.id, tx.toUpperCase())).status).toBe(204);
  });

  it('when a transaction already bound to one session is bound to another, then 409', async () => {
    const [{ body: s1 }, { body: s2 }] = await Promise.all([api.createSession(), api.createSession()]);
    const tx = await api.startTransaction('liveness');
    await api.bindLiveness(s1.id, tx);

    const res = await api.bindLiveness(s2.id, tx);

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: 409, title: 'Conflict' });
  });

  it('when a liveness transaction is bound as a document transaction, then 404: the kinds are apart', async () => {
    const { body: session } = await api.createSession();
    const tx = await api.startTransaction('liveness');
    expect((await api.bindDocument(session.id, tx)).status).toBe(404);
    expect((await api.bindLiveness(session.id, tx)).status).toBe(204);
  });

  it.each(['not-a-uuid', '12345678-1234-1234-1234-1234567890', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'])(
    'when the transaction id is %s, then 400 with a validation problem',
    async (tx) => {
      const { body: session } = await api.createSession();
      const res = await api.bindDocument(session.id, tx);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, errors: { transactionId: [expect.stringContaining(tx)] } });
    },
  );

  it('when the session does not exist, then 404 and nothing else', async () => {
    const res = await api.bindDocument('sy89z8wWF0moddTGa0S3dAxxxxxxxxxxxxxx', randomUUID());
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, detail: 'Session not found.' });
  });

  describe('isolation between clients', () => {
    it("when demo-client-2 binds to demo-client's session, then it gets the same 404 as for a missing session", async () => {
      const { body: mine } = await api.createSession();
      const missing = await other.bindLiveness('sy89z8wWF0moddTGa0S3dAxxxxxxxxxxxxxx', randomUUID());

      const foreign = await other.bindLiveness(mine.id, randomUUID());

      expect(foreign.status).toBe(404);
      expect({ ...foreign.body, traceId: 'x' }).toEqual({ ...missing.body, traceId: 'x' });
    });

    it("when demo-client-2 tries to claim a transaction already bound to demo-client's session, then it gets the 404 of a missing one", async () => {
      const { body: mine } = await api.createSession();
      const { body: theirs } = await other.createSession();
      const tx = await api.startTransaction('document');
      await api.bindDocument(mine.id, tx);

      const foreign = await other.bindDocument(theirs.id, tx);
      const missing = await other.bindDocument(theirs.id, randomUUID());

      expect(foreign.status).toBe(404);
      expect({ ...foreign.body, traceId: 'x' }).toEqual({ ...missing.body, traceId: 'x' });
      expect((await api.bindDocument(mine.id, tx)).status).toBe(204);
    });

    it("when demo-client-2 binds demo-client's transaction before its owner does, then 404, and the owner's own bind still succeeds", async () => {
      const { body: mine } = await api.createSession();
      const { body: theirs } = await other.createSession();
      const tx = await api.startTransaction('liveness');

      expect((await other.bindLiveness(theirs.id, tx)).status).toBe(404);
      expect((await api.bindLiveness(mine.id, tx)).status).toBe(204);
    });

    it('when a transaction id that was never started is bound, then 404 like an unknown session', async () => {
      const { body: session } = await api.createSession();
      const res = await api.bindDocument(session.id, randomUUID());
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ status: 404, detail: 'Session not found.' });
    });
  });
});
