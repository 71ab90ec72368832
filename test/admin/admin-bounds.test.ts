import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken, gatewayHeaders, requestToken } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('admin inputs that could break state', () => {
  const mock = useMockServer();
  const admin = () => adminApi(mock.baseUrl);

  it.each([
    ['POST', '/clock/advance', { seconds: 1e300 }, 'seconds'],
    ['POST', '/clock/advance', { seconds: -60 }, 'seconds'],
    ['POST', '/clock/advance', { ms: 1e300 }, 'ms'],
    ['POST', '/clock/advance', { ms: -1 }, 'ms'],
    ['PUT', '/clock', { now: 8640000000000001 }, 'now'],
    ['PUT', '/clock', { now: 1e300 }, 'now'],
    ['PUT', '/clock', { now: -1 }, 'now'],
    ['PUT', '/clock', { now: '1969-12-31T23:59:59Z' }, 'now'],
    ['PUT', '/clock', { now: Date.UTC(10000, 0, 1), frozen: true }, 'now'],
    ['POST', '/keys/rotate', { graceSeconds: 1e300 }, 'graceSeconds'],
    ['POST', '/keys/rotate', { graceSeconds: 400 * 86400 }, 'graceSeconds'],
  ])('when %s %s gets %j, then 400 names %s and nothing changes', async (method, path, body, field) => {
    const before = (await admin().clock()).body;
    const keysBefore = (await call(`${mock.baseUrl}/__admin/keys`)).body;
    const res = await call(`${mock.baseUrl}/__admin${path}`, json(method, body));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.join(' ')).toMatch(new RegExp(`^${field}: `));
    expect(res.body.detail).toContain(field);
    expect((await admin().clock()).body.frozen).toBe(before.frozen);
    expect((await call(`${mock.baseUrl}/__admin/keys`)).body).toEqual(keysBefore);
  });

  it('when an advance would carry the clock past the year 9999, then 400 names seconds and the clock stays put', async () => {
    expect((await admin().setClock({ now: '9999-06-01T00:00:00Z', frozen: true })).status).toBe(200);
    try {
      const res = await admin().advance(365 * 86400);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.stringMatching(/^seconds: the clock would leave the range/)]);
      expect((await admin().clock()).body.now).toBe('9999-06-01T00:00:00.000Z');
    } finally {
      await admin().resetClock();
    }
  });

  it.each([
    ['token-expiry;lifetimeSeconds=1e300', 'lifetimeSeconds'],
    ['token-expiry;lifetimeSeconds=31622401', 'lifetimeSeconds'],
    ['slow;maxMs=1e300', 'maxMs'],
    ['unavailable;retryAfterSeconds=1e20', 'retryAfterSeconds'],
    ['key-rotation;calls=1e300', 'calls'],
  ])('when a scenario is queued as %s, then 400 names %s', async (scenario, param) => {
    const client = await admin().newClient();
    const res = await admin().queue(client.clientId, scenario);
    expect(res.status).toBe(400);
    expect(res.text).toContain(param);
  });

  it('when a client already has the most scenarios one kind may queue, then one more is refused with 429, not a 500', async () => {
    const client = await admin().newClient();
    for (let batch = 0; batch < 10; batch++) {
      const queued = await Promise.all(Array.from({ length: 100 }, () => admin().queue(client.clientId, 'rejected', 'session')));
      expect(queued.every((r) => r.status === 201)).toBe(true);
    }
    const refused = await admin().queue(client.clientId, 'rejected', 'session');
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/at most 1000 scenarios/);
    await admin().reset(client.clientId);
  });

  it('when every bad value above was refused, then tokens issue, the gateway answers and a rotated key retires', async () => {
    for (const body of [{ seconds: 1e300 }, { ms: -1e300 }]) await call(`${mock.baseUrl}/__admin/clock/advance`, json('POST', body));
    await call(`${mock.baseUrl}/__admin/clock`, json('PUT', { now: 8640000000000001 }));
    await call(`${mock.baseUrl}/__admin/keys/rotate`, json('POST', { graceSeconds: 1e300 }));

    const client = await admin().newClient();
    expect((await requestToken(mock.realmUrl, client)).status).toBe(200);
    const token = await fetchToken(mock.realmUrl, client);
    expect((await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(token, client.productKeys[0]!) })).status).toBe(200);

    const rotated = await admin().rotateSigningKey(60);
    expect(rotated.status).toBe(200);
    expect((await admin().advance(61)).status).toBe(200);
    const keys = await call(`${mock.baseUrl}/__admin/keys`);
    expect(keys.status).toBe(200);
    expect(keys.body.keys.map((k: { kid: string }) => k.kid)).not.toContain(rotated.body.retired);
    await admin().resetClock();
  });
});

describe('virtual clock', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, 8640000000000001, -1])('when set to %s, then it refuses and keeps its time', async (value) => {
    const { VirtualClock } = await import('../../mock-server/core/clock.js');
    const clock = new VirtualClock(() => Date.UTC(2030, 0, 1));
    expect(() => {
      clock.set(value);
    }).toThrow(RangeError);
    if (value !== -1)
      expect(() => {
        clock.advance(value);
      }).toThrow(RangeError);
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1));
  });
});
