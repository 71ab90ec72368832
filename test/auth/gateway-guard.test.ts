import { describe, expect, it } from 'vitest';
import { useMockServer, type TestMock } from '../helpers/mock-server.js';
import { DEMO, DEMO2, call, fetchToken } from '../helpers/api-client.js';
import { hmacWithPublicKey, realmClaims, signWithForeignKey, signWithRealmKey, unsignedToken } from '../helpers/tokens.js';

const MISSING_KEY = 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';
const INVALID_KEY = 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';
const BAD_TOKEN = 'Unauthorized. Access token is missing or invalid.';

interface Case {
  name: string;
  headers: (mock: TestMock, token: string) => Record<string, string> | Promise<Record<string, string>>;
  status: number;
  message: string;
  challenge?: RegExp;
}

const withToken = (token: string, key = 'demo-key-1') => ({ authorization: `Bearer ${token}`, 'zs-product-key': key });
const forged = (make: (m: TestMock) => Promise<string> | string) => async (m: TestMock) => withToken(await make(m));
const invalidToken = (description: string) => new RegExp(`^Bearer error="invalid_token", error_description="${description}"$`);

const cases: Case[] = [
  { name: 'the product key is missing', headers: (_m, t) => ({ authorization: `Bearer ${t}` }), status: 401, message: MISSING_KEY },
  { name: 'the product key is unknown', headers: (_m, t) => withToken(t, 'no-such-key'), status: 401, message: INVALID_KEY },
  { name: 'the product key belongs to another client', headers: (_m, t) => withToken(t, 'demo2-key-1'), status: 401, message: INVALID_KEY },
  { name: 'the token is missing', headers: () => ({ 'zs-product-key': 'demo-key-1' }), status: 401, message: BAD_TOKEN, challenge: /^Bearer$/ },
  {
    name: 'the scheme is Basic',
    headers: () => ({ authorization: 'Basic ZGVtbzpkZW1v', 'zs-product-key': 'demo-key-1' }),
    status: 401,
    message: BAD_TOKEN,
    challenge: /^Bearer$/,
  },
  {
    name: 'the token is malformed',
    headers: () => withToken('not.a-jwt'),
    status: 401,
    message: BAD_TOKEN,
    challenge: invalidToken('The token is malformed'),
  },
  {
    name: 'the token has expired',
    headers: forged((m) => signWithRealmKey(m, realmClaims(m, { iat: 1_000, exp: 2_000 }))),
    status: 401,
    message: BAD_TOKEN,
    challenge: invalidToken('The token expired'),
  },
  {
    name: 'the token is signed by a foreign key',
    headers: forged((m) => signWithForeignKey(m, realmClaims(m))),
    status: 401,
    message: BAD_TOKEN,
    challenge: invalidToken('The signature is invalid'),
  },
  {
    name: 'the token comes from a foreign issuer',
    headers: forged((m) => signWithRealmKey(m, realmClaims(m, { iss: 'https://evil.example/auth/realms/zignsec' }))),
    status: 401,
    message: BAD_TOKEN,
    challenge: invalidToken('The issuer is invalid'),
  },
  {
    name: 'the token has another audience',
    headers: forged((m) => signWithRealmKey(m, realmClaims(m, { aud: 'someone-else' }))),
    status: 401,
    message: BAD_TOKEN,
    challenge: invalidToken('The audience is invalid'),
  },
  {
    name: 'the token is not an access token',
    headers: forged((m) => signWithRealmKey(m, realmClaims(m, { typ: 'ID' }))),
    status: 401,
    message: BAD_TOKEN,
    challenge: invalidToken('The token type is invalid'),
  },
  {
    name: 'the token is an ID token the realm issued',
    headers: async (m) => {
      const res = await call(`${m.realmUrl}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret&scope=openid',
      });
      return withToken(res.body.id_token as string);
    },
    status: 401,
    message: BAD_TOKEN,
    challenge: invalidToken('The audience is invalid'),
  },
  {
    name: 'the token uses alg none',
    headers: forged((m) => unsignedToken(m, realmClaims(m))),
    status: 401,
    message: BAD_TOKEN,
    challenge: invalidToken('The token is malformed'),
  },
  {
    name: 'the token is HMAC-signed with the public key',
    headers: forged((m) => hmacWithPublicKey(m, realmClaims(m))),
    status: 401,
    message: BAD_TOKEN,
    challenge: invalidToken('The token algorithm HS256 is not allowed'),
  },
];

describe('gateway guard on /mobilesdk/**', () => {
  const mock = useMockServer();

  describe.each(['/mobilesdk/docreader/api/ping', '/mobilesdk/faceapi/api/ping'])('GET %s', (path) => {
    it.each(cases)('when $name, then $status with the gateway body', async (c) => {
      const token = await fetchToken(mock.realmUrl);
      const res = await call(`${mock.baseUrl}${path}`, { headers: await c.headers(mock, token) });

      expect(res.status).toBe(c.status);
      expect(res.body).toEqual({ statusCode: c.status, message: c.message });
      if (c.challenge) expect(res.headers.get('www-authenticate')).toMatch(c.challenge);
      else expect(res.headers.get('www-authenticate')).toBeNull();
    });
  });

  it('when a session is created without a product key, then nothing is created and the answer is 401', async () => {
    const token = await fetchToken(mock.realmUrl);
    const res = await call(`${mock.baseUrl}/mobilesdk/sessions`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe(MISSING_KEY);
  });

  it('when the scheme is written in lower case, then the token is still accepted', async () => {
    const token = await fetchToken(mock.realmUrl);
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: { authorization: `bearer ${token}`, 'zs-product-key': 'demo-key-2' } });
    expect(res.status).toBe(200);
  });

  it('when a verified token later expires, then the cached verification does not let it through', async () => {
    const token = await signWithRealmKey(mock, realmClaims(mock, { exp: Math.floor(mock.deps.clock.now() / 1000) + 60 }));
    const ping = () => call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: withToken(token) });
    expect((await ping()).status).toBe(200);

    mock.deps.clock.advance(61_000);
    try {
      const res = await ping();
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(invalidToken('The token expired'));
    } finally {
      mock.deps.clock.reset();
    }
  });

  it('when each client uses its own second key, then both get through', async () => {
    for (const client of [DEMO, DEMO2]) {
      const token = await fetchToken(mock.realmUrl, client);
      const res = await call(`${mock.baseUrl}/mobilesdk/faceapi/api/ping`, { headers: withToken(token, client.keys[1]) });
      expect(res.status).toBe(200);
    }
  });
});

describe("gateway guard, configured for 403 on another client's key and invalid_token on a missing token", () => {
  const mock = useMockServer({ gateway: { foreignProductKeyStatus: 403, missingTokenChallenge: 'invalid_token' } });

  it('when the product key belongs to another client, then 403', async () => {
    const token = await fetchToken(mock.realmUrl);
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: withToken(token, 'demo2-key-2') });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ statusCode: 403, message: expect.stringMatching(/does not belong/) });
  });

  it('when the token is missing, then the challenge names invalid_token', async () => {
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: { 'zs-product-key': 'demo-key-1' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });
});
