import { describe, expect, it } from 'vitest';
import { call, form } from '../helpers/api-client.js';
import { useMockServer, type TestMock } from '../helpers/mock-server.js';
import { realmClaims } from '../helpers/tokens.js';

/** RFC 6749 5.2: error_description is %x20-21 / %x23-5B / %x5D-7E. */
const RFC_DESCRIPTION = /^[\x20\x21\x23-\x5B\x5D-\x7E]*$/;

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** A token whose header carries an `alg` of the attacker's choosing (the gateway echoes it). */
const tokenWithAlg = (mock: TestMock, alg: string) => `${b64({ alg, typ: 'JWT', kid: mock.deps.keys.active().kid })}.${b64(realmClaims(mock))}.c2ln`;

const hostile: Array<[string, string]> = [
  ['quotes and backslashes', 'a"b\\c'],
  ['control characters', 'a\r\nX-Injected: 1\u0000\u007f'],
  ['non-ASCII', 'ångström-✓-😀'],
  ['a very long value', 'x'.repeat(5000)],
];

describe('error_description never carries what RFC 6749 5.2 forbids', () => {
  const mock = useMockServer();

  it.each(hostile)('when the token endpoint echoes a scope with %s, then the description is printable ASCII and bounded', async (_name, value) => {
    const res = await call(
      `${mock.realmUrl}/protocol/openid-connect/token`,
      form({ grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret', scope: `api ${value}` }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_scope');
    expect(res.body.error_description).toMatch(/^Invalid scopes: api /);
    expect(res.body.error_description).toMatch(RFC_DESCRIPTION);
    expect(res.body.error_description.length).toBeLessThanOrEqual(200);
  });

  it.each(hostile)('when the gateway echoes a token alg with %s, then 401 with a challenge that stays printable ASCII and bounded', async (_name, value) => {
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, {
      headers: { authorization: `Bearer ${tokenWithAlg(mock, value)}`, 'zs-product-key': 'demo-key-1' },
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' });
    const challenge = res.headers.get('www-authenticate') ?? '';
    const description = /^Bearer error="invalid_token", error_description="([^"]*)"$/.exec(challenge)?.[1];
    expect(description).toMatch(/^The token algorithm /);
    expect(description).toMatch(RFC_DESCRIPTION);
    expect(description!.length).toBeLessThanOrEqual(200);
  });
});
