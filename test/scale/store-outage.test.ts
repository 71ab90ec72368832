import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, type NewClient } from '../helpers/admin-client.js';
import { call, DEMO, fetchToken, gateway, requestToken } from '../helpers/api-client.js';
import { startMock, type TestMock } from '../helpers/mock-server.js';
import { useRedis } from '../helpers/redis-server.js';

/** Redis paused (SIGSTOP): it holds its connections open and answers nothing, the worst kind of outage. */
async function whilePaused<T>(pid: number, work: () => Promise<T>): Promise<T> {
  process.kill(pid, 'SIGSTOP');
  try {
    return await work();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

describe('when the shared store goes away', () => {
  const redis = useRedis();
  let mock: TestMock;
  let other: TestMock;
  let client: NewClient;

  beforeAll(async () => {
    const store = { url: redis.url, namespace: `outage-${randomUUID().slice(0, 8)}` };
    mock = await startMock({ store });
    other = await startMock({ store });
    client = await adminApi(mock.baseUrl).newClient();
  });
  afterAll(async () => {
    await Promise.all([mock.close(), other.close()]);
  });

  it('then every call that needs it answers 503 in its surface envelope with Retry-After, within seconds, and the mock serves again once Redis is back', async () => {
    const token = await fetchToken(mock.realmUrl, client);
    const api = gateway(mock.baseUrl, token, client.productKeys[0]!);

    const started = Date.now();
    const [session, scan, freshClient, jwks] = await whilePaused(redis.pid, () =>
      Promise.all([
        api.createSession(),
        call(`${mock.baseUrl}/v3/scanning`, {
          method: 'POST',
          headers: { authorization: '00000000-e2a2-4968-b651-5352305c9fb0', 'content-type': 'application/json' },
          body: JSON.stringify({ relay_state: 'outage' }),
        }),
        call(`${mock.baseUrl}/__admin/clients`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
        call(`${mock.realmUrl}/protocol/openid-connect/certs`),
      ]),
    );

    expect(Date.now() - started).toBeLessThan(8_000);
    expect(session.status).toBe(503);
    expect(session.headers.get('retry-after')).toBe('1');
    expect(session.text).not.toMatch(/at \w+ \(|ioredis|stack/i);
    expect(scan.status).toBe(503);
    // What needs only this instance goes on: the keys to verify tokens with.
    expect(jwks.status).toBe(200);
    // An admin change is kept on this instance and shared once the store is back; the answer says it is pending.
    expect(freshClient.status).toBe(201);
    expect(freshClient.headers.get('x-mock-replication')).toBe('pending');

    // Back: what was refused may be sent again and succeeds; what was made before is still there.
    await expect.poll(async () => (await api.createSession()).status, { timeout: 10_000 }).toBe(200);
    expect((await api.ping('docreader')).status).toBe(200);
    expect((await call(`${mock.baseUrl}/__admin/health`)).status).toBe(200);
    expect((await fetchToken(mock.realmUrl, DEMO)).length).toBeGreaterThan(20);
    const late = freshClient.body as NewClient;
    await expect.poll(async () => (await requestToken(other.realmUrl, late)).status, { timeout: 10_000 }).toBe(200);
  });
});
