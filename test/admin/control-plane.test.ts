import { describe, expect, it } from 'vitest';
import { startMock, useMockServer } from '../helpers/mock-server.js';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken, gateway, gatewayHeaders } from '../helpers/api-client.js';

describe('control plane', () => {
  const mock = useMockServer({ journal: { maxEntries: 50 } });
  const admin = () => adminApi(mock.baseUrl);

  it('when the clock is set, frozen and advanced, then reads follow and reset returns to wall time', async () => {
    const set = await admin().setClock({ now: '2030-01-01T00:00:00Z', frozen: true });
    expect(set.body).toEqual({ now: '2030-01-01T00:00:00.000Z', epochMs: Date.UTC(2030, 0, 1), frozen: true });
    expect((await admin().advance(90)).body.now).toBe('2030-01-01T00:01:30.000Z');
    const reset = await admin().resetClock();
    expect(reset.body.frozen).toBe(false);
    expect(Math.abs(reset.body.epochMs - Date.now())).toBeLessThan(5000);
  });

  it.each([[{ now: 'yesterday' }], [{ seconds: 1, ms: 1 }], [{ frozen: 'yes' }]])(
    'when a clock body is malformed (%j), then 400 in problem form',
    async (body) => {
      const res = await call(`${mock.baseUrl}/__admin/clock${'seconds' in body ? '/advance' : ''}`, {
        method: 'seconds' in body ? 'POST' : 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    },
  );

  it('when a product key is revoked and restored, then calls with it fail and recover', async () => {
    const client = await admin().newClient();
    const token = await fetchToken(mock.realmUrl, client);
    const ping = (key: string) => call(`${mock.baseUrl}/mobilesdk/faceapi/api/ping`, { headers: gatewayHeaders(token, key) });
    const [k1, k2] = client.productKeys as [string, string];

    await admin().revokeKey(client.clientId, k1);
    expect((await ping(k1)).status).toBe(401);
    expect((await ping(k2)).status).toBe(200);
    await admin().restoreKey(client.clientId, k1);
    expect((await ping(k1)).status).toBe(200);
  });

  it("when a client's product key is rotated, then the old key is refused for all its tokens and a new key works", async () => {
    const client = await admin().newClient();
    const token = await fetchToken(mock.realmUrl, client);
    const { body } = await admin().rotateProductKey(client.clientId, { key: client.productKeys[0] });
    expect(body.revoked).toBe(client.productKeys[0]);
    const other = await fetchToken(mock.realmUrl, client);
    for (const t of [token, other]) {
      expect((await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(t, client.productKeys[0]!) })).status).toBe(401);
      expect((await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(t, body.added) })).status).toBe(200);
    }
    expect((await admin().productKeys(client.clientId)).body.productKeys).toEqual([
      { key: client.productKeys[0], status: 'revoked' },
      { key: client.productKeys[1], status: 'active' },
      { key: body.added, status: 'active' },
    ]);
  });

  it('when one client is reset, then its sessions, bindings and keys are reset and another client keeps its own', async () => {
    const a = await admin().newClient();
    const b = await admin().newClient();
    const apiA = gateway(mock.baseUrl, await fetchToken(mock.realmUrl, a), a.productKeys[0]!);
    const apiB = gateway(mock.baseUrl, await fetchToken(mock.realmUrl, b), b.productKeys[0]!);
    const sa = (await apiA.createSession('rejected')).body.id;
    const sb = (await apiB.createSession('rejected')).body.id;
    const txA = await apiA.startTransaction('document');
    const txB = await apiB.startTransaction('document');
    await admin().revokeKey(a.clientId, a.productKeys[1]!);

    expect((await admin().reset(a.clientId)).status).toBe(200);

    expect((await apiA.bindDocument(sa, txA)).status).toBe(404);
    expect((await admin().resource('session', sa)).status).toBe(404);
    expect((await admin().productKeys(a.clientId)).body.productKeys.every((k: { status: string }) => k.status === 'active')).toBe(true);
    expect((await apiB.bindDocument(sb, txB)).status).toBe(204);
    expect((await admin().resource('session', sb)).body.scenario).toBe('rejected');
  });

  it('when requests are made, then the journal records them newest first, filtered by client, path, status and unmatched', async () => {
    const client = await admin().newClient();
    const api = gateway(mock.baseUrl, await fetchToken(mock.realmUrl, client), client.productKeys[0]!);
    const { body: session } = await api.createSession('rejected;variant=face-mismatch');
    await api.bindLiveness(session.id, 'not-a-uuid');
    await call(`${mock.baseUrl}/mobilesdk/sessionz`, { method: 'POST' });

    const mine = (await admin().requests({ clientId: client.clientId })).body.requests;
    expect(mine.map((r: { method: string; path: string; status: number }) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST /mobilesdk/sessions/${session.id}/liveness/transactions/not-a-uuid 400`,
      'POST /mobilesdk/sessions 200',
      'POST /auth/realms/zignsec/protocol/openid-connect/token 200',
    ]);
    expect(mine[1]).toMatchObject({
      resource: `session:${session.id}`,
      scenario: 'rejected;variant=face-mismatch',
      stateBefore: 'decided',
      stateAfter: 'decided',
    });
    expect(mine[1].durationMs).toEqual(expect.any(Number));
    expect((await admin().requests({ unmatched: 'true' })).body.requests[0]).toMatchObject({ path: '/mobilesdk/sessionz', status: 404, unmatched: true });
    expect((await admin().requests({ status: '400', clientId: client.clientId })).body.requests).toHaveLength(1);
    expect((await admin().requests({ path: '/auth/realms' })).body.requests[0].path).toMatch(/^\/auth\/realms\/zignsec\/protocol/);
  });

  it('when more requests come than the journal holds, then it keeps only the newest up to its cap', async () => {
    for (let i = 0; i < 80; i++) await call(`${mock.baseUrl}/__admin/health`);
    const { body } = await admin().requests({ limit: '1000' });
    expect(body.capacity).toBe(50);
    expect(body.held).toBe(50);
    expect(body.requests).toHaveLength(50);
    expect(body.recorded).toBeGreaterThanOrEqual(80);
  });

  it('when a client is created with an id that exists, then 409', async () => {
    expect((await admin().newClient({ clientId: 'dup-client' })).clientId).toBe('dup-client');
    const res = await call(`${mock.baseUrl}/__admin/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'dup-client' }),
    });
    expect(res.status).toBe(409);
  });
});

describe('control plane beyond loopback', () => {
  it('when the mock listens beyond loopback with an admin token, then admin calls need it (health stays open)', async () => {
    const mock = await startMock({ host: '0.0.0.0', admin: { token: 'a-long-admin-token' } });
    try {
      expect((await call(`${mock.baseUrl}/__admin/health`)).status).toBe(200);
      const denied = await call(`${mock.baseUrl}/__admin/clock`);
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toBe('Bearer realm="mock-admin"');
      const gatewayToken = await fetchToken(mock.realmUrl);
      expect((await call(`${mock.baseUrl}/__admin/clock`, { headers: { authorization: `Bearer ${gatewayToken}` } })).status).toBe(401);
      expect((await call(`${mock.baseUrl}/__admin/clock`, { headers: { authorization: 'Bearer a-long-admin-token' } })).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('when the mock listens beyond loopback without an admin token, then the admin API is shut', async () => {
    const mock = await startMock({ host: '0.0.0.0' });
    try {
      const res = await call(`${mock.baseUrl}/__admin/scenarios`);
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/no admin\.token is configured/);
    } finally {
      await mock.close();
    }
  });
});
