import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken } from '../helpers/api-client.js';
import { startMock, type TestMock } from '../helpers/mock-server.js';
import { useRedis } from '../helpers/redis-server.js';

/** Two instances on one Redis: one gateway, but each console shows its own instance's journal and says so. */
describe('console: two instances on one Redis', () => {
  const redis = useRedis();
  let a: TestMock;
  let b: TestMock;

  beforeAll(async () => {
    const store = { url: redis.url, namespace: `console-${randomUUID().slice(0, 8)}` };
    a = await startMock({ store });
    b = await startMock({ store });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('when a request goes to one instance, then its console lists it and the other’s does not, and both say whose journal it is', async () => {
    const client = await adminApi(a.baseUrl).newClient();
    await fetchToken(a.realmUrl, client);
    const [pageA, pageB] = await Promise.all([
      call(`${a.baseUrl}/__admin/ui?client=${client.clientId}`),
      call(`${b.baseUrl}/__admin/ui?client=${client.clientId}`),
    ]);
    expect(pageA.text).toContain('/auth/realms/zignsec/protocol/openid-connect/token');
    expect(pageB.text).not.toContain('/auth/realms/zignsec/protocol/openid-connect/token');
    expect(pageA.text).toContain(`This is the journal of instance <code>${a.deps.instanceId}</code> only.`);
    expect(pageB.text).toContain(`This is the journal of instance <code>${b.deps.instanceId}</code> only.`);
    expect(pageB.text).toContain('Several instances share this gateway’s store');
    // What is shared shows on both: the client added on one instance is listed on the other's resources page (the bus carries it within moments).
    await vi.waitFor(
      async () => {
        expect((await call(`${b.baseUrl}/__admin/ui/resources`)).text).toContain(client.clientId);
      },
      { timeout: 3000, interval: 50 },
    );
  });
});
