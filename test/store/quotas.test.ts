import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';
import { backend, DOCREADER } from '../helpers/regula-flow.js';

describe('per-client quotas', () => {
  const mock = useMockServer({ store: { maxEntriesPerClient: 3, ttlSeconds: 600 } });
  const newBackend = async () => {
    const client = await adminApi(mock.baseUrl).newClient();
    return backend(mock, client, await fetchToken(mock.realmUrl, client));
  };

  it('when a client has as many sessions as its cap, then the next is 429 with Retry-After in ProblemDetails, and another client is untouched', async () => {
    const [greedy, neighbour] = [await newBackend(), await newBackend()];
    const neighbours = [(await neighbour.createSession()).body.id as string];
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push((await greedy.createSession()).body.id as string);

    const refused = await greedy.createSession();

    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(590);
    expect(refused.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    neighbours.push((await neighbour.createSession()).body.id as string);
    for (const id of neighbours) expect((await neighbour.bindDocument(id, await neighbour.startTransaction('document'))).status).toBe(204);
    for (const id of mine) expect((await adminApi(mock.baseUrl).resource('session', id)).status).toBe(200);
  });

  it('when the oldest session expires, then the client has room again', async () => {
    const api = await newBackend();
    for (let i = 0; i < 3; i++) await api.createSession();
    expect((await api.createSession()).status).toBe(429);
    await adminApi(mock.baseUrl).advance(601);
    try {
      expect((await api.createSession()).status).toBe(200);
    } finally {
      await adminApi(mock.baseUrl).resetClock();
    }
  });

  it("when a client starts more Regula transactions than its cap, then 429 in Regula's error body", async () => {
    const api = await newBackend();
    for (let i = 0; i < 3; i++) await api.startTransaction('document');
    const refused = await api.post(`${DOCREADER}/api/v2/transaction/start`, {});
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body).toMatchObject({ statusCode: 429, type: 'TooManyRequests' });
    expect(await api.startTransaction('liveness')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the scenario of a new transaction is refused by its quota, then the transaction is not left behind', async () => {
    const api = await newBackend();
    for (let i = 0; i < 3; i++) {
      const res = await api.post('/mobilesdk/faceapi/api/v2/liveness/start', {}, { 'x-mock-scenario': 'rejected' });
      expect(res.status).toBe(200);
    }
    const refused = await api.post(`${DOCREADER}/api/v2/transaction/start`, {}, { 'x-mock-scenario': 'rejected' });
    expect(refused.status).toBe(429);
    // Three documents still fit: the refused one took no room.
    for (let i = 0; i < 3; i++) await api.startTransaction('document');
  });

  it('when a token with a scenario is refused by its quota, then the token endpoint answers 429 in its own error body', async () => {
    const client = await adminApi(mock.baseUrl).newClient();
    for (let i = 0; i < 3; i++) await fetchToken(mock.realmUrl, client, 'token-expiry');
    const refused = await call(`${mock.realmUrl}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-mock-scenario': 'token-expiry' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret }).toString(),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body).toMatchObject({ error: 'too_many_requests' });
  });
});
