import { beforeAll, describe, expect, it } from 'vitest';
import { call, fetchToken, form } from '../helpers/api-client.js';
import { useMockServer, type TestMock } from '../helpers/mock-server.js';
import { realmClaims, signWithRealmKey } from '../helpers/tokens.js';

const NOT_YET_VALID = 'Bearer error="invalid_token", error_description="The token is not yet valid"';
const nowSeconds = (mock: TestMock) => Math.floor(mock.deps.clock.now() / 1000);
/** The realm accepts its issuer once it has issued under it, so each mock issues one real token first. */
const withIssuer = (mock: TestMock) => {
  beforeAll(() => fetchToken(mock.realmUrl));
};
const ping = (mock: TestMock, token: string) =>
  call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: { authorization: `Bearer ${token}`, 'zs-product-key': 'demo-key-1' } });

describe('iat and nbf at the gateway (60 s clock skew by default)', () => {
  const mock = useMockServer();
  withIssuer(mock);

  it.each([
    ['iat two minutes in the future', { iat: 120 }, 401],
    ['iat half a minute in the future (within the skew)', { iat: 30 }, 200],
    ['nbf two minutes in the future', { nbf: 120 }, 401],
    ['nbf half a minute in the future (within the skew)', { nbf: 30 }, 200],
    ['nbf in the past', { nbf: -10 }, 200],
  ])('when the token has %s, then %s', async (_name, offsets: Record<string, number>, status) => {
    const now = nowSeconds(mock);
    const claims = Object.fromEntries(Object.entries(offsets).map(([claim, offset]) => [claim, now + offset]));
    const res = await ping(mock, await signWithRealmKey(mock, realmClaims(mock, claims)));
    expect(res.status).toBe(status);
    if (status === 401) {
      expect(res.body).toEqual({ statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' });
      expect(res.headers.get('www-authenticate')).toBe(NOT_YET_VALID);
    }
  });

  it('when the clock is set back after a token was verified, then the cached verification does not let it through', async () => {
    const token = await signWithRealmKey(mock, realmClaims(mock));
    expect((await ping(mock, token)).status).toBe(200);

    mock.deps.clock.advance(-120_000);
    try {
      const res = await ping(mock, token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(NOT_YET_VALID);
    } finally {
      mock.deps.clock.reset();
    }
    expect((await ping(mock, token)).status).toBe(200);
  });

  it('when a token issued in the future is introspected, then it is inactive', async () => {
    const token = await signWithRealmKey(mock, realmClaims(mock, { iat: nowSeconds(mock) + 300 }));
    const res = await call(
      `${mock.realmUrl}/protocol/openid-connect/token/introspect`,
      form({ token, client_id: 'demo-client', client_secret: 'demo-secret' }),
    );
    expect(res.body).toEqual({ active: false });
  });
});

describe('iat and nbf with gateway.clockSkewSeconds: 0', () => {
  const mock = useMockServer({ gateway: { clockSkewSeconds: 0 } });
  withIssuer(mock);

  it.each([
    ['iat', 30],
    ['nbf', 30],
  ])('when the token has %s %s s in the future, then 401', async (claim, offset) => {
    const res = await ping(mock, await signWithRealmKey(mock, realmClaims(mock, { [claim]: nowSeconds(mock) + offset })));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(NOT_YET_VALID);
  });

  it('when a token expires, then it is refused from its exp on (the skew never stretches exp)', async () => {
    const token = await signWithRealmKey(mock, realmClaims(mock, { exp: nowSeconds(mock) + 10 }));
    expect((await ping(mock, token)).status).toBe(200);
    mock.deps.clock.advance(10_000);
    try {
      expect((await ping(mock, token)).status).toBe(401);
    } finally {
      mock.deps.clock.reset();
    }
  });
});

describe('exp with the default skew', () => {
  const mock = useMockServer();
  withIssuer(mock);

  it('when a token is presented after its exp, then it is refused even within the skew', async () => {
    const now = nowSeconds(mock);
    const res = await ping(mock, await signWithRealmKey(mock, realmClaims(mock, { iat: now - 100, exp: now - 5 })));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The token expired"');
  });
});
