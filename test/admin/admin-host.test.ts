import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../helpers/mock-server.js';
import { requestUnderHost } from '../helpers/token-under-host.js';

/** An admin call under a Host of our choosing. */
const underHost = (baseUrl: string, path: string, host: string, headers: Record<string, string> = {}) => requestUnderHost(baseUrl, { path, host, headers });

describe('the loopback control plane and the Host it is addressed by (DNS rebinding)', () => {
  let mock: TestMock;
  beforeAll(async () => {
    mock = await startMock({ admin: { token: 'a-long-admin-token', hosts: ['mock.test'] }, publicUrl: 'http://gateway.example:8080' });
  });
  afterAll(async () => {
    await mock.close();
  });

  it.each([
    ['localhost', 'localhost:8080'],
    ['127.0.0.1', '127.0.0.1:8080'],
    ['[::1]', '[::1]:8080'],
    ['another 127/8 address', '127.1.2.3'],
    ['a name in admin.hosts', 'MOCK.test:8080'],
    ["the public URL's host", 'gateway.example:8080'],
  ])('when a request names %s, then the admin API and the console answer', async (_name, host) => {
    expect((await underHost(mock.baseUrl, '/__admin/clock', host)).status).toBe(200);
    expect((await underHost(mock.baseUrl, '/__admin/ui', host)).status).toBe(200);
  });

  it.each([
    ['a name re-pointed at 127.0.0.1', 'attacker.example:8080'],
    ['a look-alike of localhost', 'localhost.attacker.example'],
    ['an address beyond loopback', '192.168.1.10:8080'],
  ])('when a request names %s, then it gets 403 and no byte of the journal', async (_name, host) => {
    for (const path of ['/__admin/requests', '/__admin/ui', '/__admin/ui/journal', '/__admin/resources']) {
      const res = await underHost(mock.baseUrl, path, host);
      expect(res.status, path).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ status: 403, detail: expect.stringMatching(/loopback name/) });
      expect(res.body).not.toMatch(/"seq"|__admin\/clock/);
    }
  });

  it('when such a request carries the admin token, or asks for health, then it is answered', async () => {
    expect((await underHost(mock.baseUrl, '/__admin/clock', 'attacker.example', { authorization: 'Bearer a-long-admin-token' })).status).toBe(200);
    expect((await underHost(mock.baseUrl, '/__admin/clock', 'attacker.example', { authorization: 'Bearer not-the-token' })).status).toBe(403);
    expect((await underHost(mock.baseUrl, '/__admin/health', 'attacker.example')).status).toBe(200);
  });

  it('when the gateway is called under any Host, then it is not the control plane and answers as before', async () => {
    expect((await underHost(mock.baseUrl, '/auth/realms/zignsec/.well-known/openid-configuration', 'attacker.example')).status).toBe(200);
  });
});

describe('the development CA route without --https', () => {
  it('when no development CA is served, then both forms answer 404 ProblemDetails, open to any Host like health', async () => {
    const mock = await startMock();
    try {
      for (const path of ['/__admin/tls/ca.pem', '/__admin/tls/ca.crt']) {
        const res = await underHost(mock.baseUrl, path, 'attacker.example');
        expect(res.status, path).toBe(404);
        expect(JSON.parse(res.body)).toMatchObject({ status: 404, detail: expect.stringMatching(/serves no development CA/) });
      }
    } finally {
      await mock.close();
    }
  });
});
