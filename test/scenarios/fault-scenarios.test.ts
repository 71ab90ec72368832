import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '../helpers/mock-server.js';
import { adminApi, type NewClient } from '../helpers/admin-client.js';
import { call, fetchToken, gateway, gatewayHeaders } from '../helpers/api-client.js';

type Way = 'header' | 'queue' | 'rule';

/** Each fault, as a token scenario: every gateway call made with the token shows it. */
const faults: Array<{ scenario: string; check: (res: () => Promise<Response>) => Promise<void> }> = [
  {
    scenario: 'slow;distribution=fixed;meanMs=150',
    check: async (send) => {
      const started = performance.now();
      expect((await send()).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    },
  },
  {
    scenario: 'flaky;share=1;retryAfterSeconds=2',
    check: async (send) => {
      const res = await send();
      expect([502, 503]).toContain(res.status);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(await res.json()).toEqual({ statusCode: res.status, message: res.status === 502 ? 'Bad Gateway' : 'Service Unavailable' });
    },
  },
  {
    scenario: 'unavailable',
    check: async (send) => {
      const res = await send();
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
    },
  },
  {
    scenario: 'rate-limited;retryAfterSeconds=7',
    check: async (send) => {
      const res = await send();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 7 seconds.' });
    },
  },
  {
    scenario: 'connection-reset',
    check: async (send) => {
      await expect(send()).rejects.toThrow();
    },
  },
];

const prefix = (way: Way, scenario: string) => `${way}-${scenario.split(';')[0]}-`;

describe('fault scenarios', () => {
  const rules = faults.map((f) => ({ when: { clientId: `/^${prefix('rule', f.scenario)}/` }, use: f.scenario }));
  const mock = useMockServer({ scenarios: { selection: { rules } } });
  const admin = () => adminApi(mock.baseUrl);

  async function tokenFor(way: Way, scenario: string): Promise<{ client: NewClient; token: string }> {
    const client = await admin().newClient({ clientId: `${prefix(way, scenario)}${randomUUID().slice(0, 8)}` });
    if (way === 'queue') expect((await admin().queue(client.clientId, scenario, 'token')).status).toBe(201);
    return { client, token: await fetchToken(mock.realmUrl, client, way === 'header' ? scenario : undefined) };
  }

  describe.each(['header', 'queue', 'rule'] as Way[])('chosen by %s', (way) => {
    it.each(faults)('when a token runs $scenario, then its gateway calls show it', async ({ scenario, check }) => {
      const { client, token } = await tokenFor(way, scenario);
      await check(() => fetch(`${mock.baseUrl}/mobilesdk/faceapi/api/ping`, { headers: gatewayHeaders(token, client.productKeys[0]!) }));
      await check(() => fetch(`${mock.baseUrl}/mobilesdk/sessions`, { method: 'POST', headers: gatewayHeaders(token, client.productKeys[1]!) }));
    });
  });

  it('when a session is created under a fault, then the session exists and calls on it fail, not calls elsewhere', async () => {
    const client = await admin().newClient();
    const api = gateway(mock.baseUrl, await fetchToken(mock.realmUrl, client), client.productKeys[0]!);
    const created = await api.createSession('unavailable;retryAfterSeconds=3');
    expect(created.status).toBe(200);

    const bind = await api.bindDocument(created.body.id, await api.startTransaction('document'));
    expect(bind.status).toBe(503);
    expect(bind.headers.get('retry-after')).toBe('3');
    const other = await api.createSession();
    expect((await api.bindDocument(other.body.id, await api.startTransaction('document'))).status).toBe(204);
    expect((await api.ping('docreader')).status).toBe(200);
  });

  it('when flaky runs with share 0.5, then about half of 200 calls fail and the rest succeed', async () => {
    const { client, token } = await tokenFor('header', 'flaky;share=0.5');
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () =>
        call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(token, client.productKeys[0]!) }).then((r) => r.status),
      ),
    );
    const failed = statuses.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(60);
    expect(failed).toBeLessThan(140);
    expect(new Set(statuses)).toEqual(new Set([200, 502, 503]));
  });

  it('when the server resets one connection, then it keeps serving everyone else', async () => {
    const { client, token } = await tokenFor('header', 'connection-reset');
    await expect(fetch(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(token, client.productKeys[0]!) })).rejects.toThrow();
    expect((await call(`${mock.baseUrl}/__admin/health`)).status).toBe(200);
    const journal = await admin().requests({ clientId: client.clientId });
    expect(journal.body.requests[0]).toMatchObject({ status: 0, scenario: 'connection-reset' });
  });
});
