import { describe, expect, it } from 'vitest';
import { useMockServer } from '../helpers/mock-server.js';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken, gatewayHeaders, requestToken } from '../helpers/api-client.js';

const ping = (baseUrl: string, token: string, key: string) => call(`${baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(token, key) });

describe('token-expiry', () => {
  const mock = useMockServer({ scenarios: { selection: { rules: [{ when: { clientId: 'short-lived-by-rule' }, use: 'token-expiry;lifetimeSeconds=30' }] } } });
  const admin = () => adminApi(mock.baseUrl);

  const selections = [
    [
      'the header on the token request',
      async () => {
        const client = await admin().newClient();
        return { client, res: await requestToken(mock.realmUrl, client, 'token-expiry;lifetimeSeconds=30') };
      },
    ],
    [
      'a queued one-shot',
      async () => {
        const client = await admin().newClient();
        expect((await admin().queue(client.clientId, 'token-expiry;lifetimeSeconds=30')).status).toBe(201);
        return { client, res: await requestToken(mock.realmUrl, client) };
      },
    ],
    [
      'a rule on the client id',
      async () => {
        const client = await admin().newClient({ clientId: `short-lived-by-rule` });
        return { client, res: await requestToken(mock.realmUrl, client) };
      },
    ],
  ] as const;

  it.each(selections)('when chosen by %s, the token dies after its short life and a new token works, with no sleeping', async (_how, select) => {
    const { client, res } = await select();
    expect(res.body.expires_in).toBe(30);
    const key = client.productKeys[0]!;
    expect((await ping(mock.baseUrl, res.body.access_token, key)).status).toBe(200);

    await admin().advance(31);
    try {
      const expired = await ping(mock.baseUrl, res.body.access_token, key);
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The token expired"');

      const fresh = await fetchToken(mock.realmUrl, client);
      expect((await ping(mock.baseUrl, fresh, key)).status).toBe(200);
    } finally {
      await admin().resetClock();
    }
  });

  it('when the queued one-shot is used, then the next token is ordinary again', async () => {
    const client = await admin().newClient();
    await admin().queue(client.clientId, 'token-expiry');
    expect((await requestToken(mock.realmUrl, client)).body.expires_in).toBe(60);
    expect((await requestToken(mock.realmUrl, client)).body.expires_in).toBe(1200);
  });

  it('when the header names an unknown scenario, then the token endpoint answers 400 naming the known ones', async () => {
    const res = await requestToken(mock.realmUrl, undefined, 'token-expiry-please');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('mock_invalid_scenario');
    expect(res.body.error_description).toMatch(/unknown scenario "token-expiry-please".*Known scenarios for a token: .*key-rotation.*token-expiry/);
  });

  it('when the header names an outcome scenario on the token request, then 400 says it binds to sessions', async () => {
    const res = await requestToken(mock.realmUrl, undefined, 'rejected');
    expect(res.status).toBe(400);
    expect(res.body.error_description).toMatch(/"rejected" binds to session, transaction, scan or process, not to a token/);
  });
});

describe('key-rotation', () => {
  const mock = useMockServer({ scenarios: { selection: { rules: [{ when: { clientId: '/^rotating-/' }, use: 'key-rotation;calls=2' }] } } });
  const admin = () => adminApi(mock.baseUrl);

  /** A client following the guide: on 401 or 403, retry once with the other product key. */
  async function politeCall(token: string, keys: string[], state: { current: number }) {
    let res = await ping(mock.baseUrl, token, keys[state.current]!);
    if (res.status === 401 || res.status === 403) {
      state.current = (state.current + 1) % keys.length;
      res = await ping(mock.baseUrl, token, keys[state.current]!);
    }
    return res.status;
  }

  it.each([
    ['the header', 'header'],
    ['a queued one-shot', 'queue'],
    ['a rule on the client id', 'rule'],
  ])('when chosen by %s, a client that retries with its other key recovers and one that does not keeps failing', async (_how, way) => {
    const client = await admin().newClient(way === 'rule' ? { clientId: `rotating-${Math.random().toString(36).slice(2)}` } : {});
    if (way === 'queue') await admin().queue(client.clientId, 'key-rotation;calls=2');
    const token = await fetchToken(mock.realmUrl, client, way === 'header' ? 'key-rotation;calls=2' : undefined);

    const polite = { current: 0 };
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await politeCall(token, client.productKeys, polite));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(polite.current).toBe(1);

    const stubborn = [];
    for (let i = 0; i < 3; i++) stubborn.push((await ping(mock.baseUrl, token, client.productKeys[0]!)).status);
    expect(stubborn).toEqual([401, 401, 401]);
  });

  it('when the rotated key is used, then the answer is the gateway body, and 403 when the scenario says so', async () => {
    const client = await admin().newClient();
    const token = await fetchToken(mock.realmUrl, client, 'key-rotation;calls=1;status=403');
    expect((await ping(mock.baseUrl, token, client.productKeys[0]!)).status).toBe(200);

    const rotated = await ping(mock.baseUrl, token, client.productKeys[0]!);

    expect(rotated.status).toBe(403);
    expect(rotated.body).toEqual({ statusCode: 403, message: expect.stringMatching(/rotated/) });
    expect((await ping(mock.baseUrl, token, client.productKeys[1]!)).status).toBe(200);
  });

  it('when an admin requests the rotation, then the key last used is rotated away at once', async () => {
    const client = await admin().newClient();
    const token = await fetchToken(mock.realmUrl, client, 'key-rotation;calls=100');
    await ping(mock.baseUrl, token, client.productKeys[1]!);

    const moved = await admin().event({ event: 'rotation-requested', clientId: client.clientId });

    expect(moved.body.moved).toEqual([
      expect.objectContaining({ kind: 'token', before: 'active', after: 'rotated', rotatedProductKeys: [client.productKeys[1]] }),
    ]);
    expect((await ping(mock.baseUrl, token, client.productKeys[1]!)).status).toBe(401);
    expect((await ping(mock.baseUrl, token, client.productKeys[0]!)).status).toBe(200);
  });

  it('when one client rotates, then another client on the default stays untouched', async () => {
    const rotating = await admin().newClient();
    const plain = await admin().newClient();
    const t1 = await fetchToken(mock.realmUrl, rotating, 'key-rotation;calls=1');
    const t2 = await fetchToken(mock.realmUrl, plain);
    for (let i = 0; i < 3; i++) await ping(mock.baseUrl, t1, rotating.productKeys[0]!);
    for (let i = 0; i < 3; i++) expect((await ping(mock.baseUrl, t2, plain.productKeys[0]!)).status).toBe(200);
  });
});
