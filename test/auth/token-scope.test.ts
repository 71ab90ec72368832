import { beforeAll, describe, expect, it } from 'vitest';
import { hasScope } from '../../mock-server/core/oauth-scope.js';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken, gatewayHeaders } from '../helpers/api-client.js';
import { useMockServer, type TestMock } from '../helpers/mock-server.js';
import { realmClaims, signWithRealmKey } from '../helpers/tokens.js';

const INSUFFICIENT = 'Bearer error="insufficient_scope", scope="api"';
const MESSAGE_403 = 'Access denied due to insufficient scope. The access token needs the scope api.';

/** A fresh client with the given scopes, and a gateway call made with its own token and key. */
async function pingAs(mock: TestMock, scopes?: string[]) {
  const client = await adminApi(mock.baseUrl).newClient(scopes === undefined ? {} : { scopes });
  const token = await fetchToken(mock.realmUrl, client);
  return call(`${mock.baseUrl}/mobilesdk/faceapi/api/ping`, { headers: gatewayHeaders(token, client.productKeys[0]!) });
}

describe('hasScope reads a space-separated scope claim', () => {
  it.each([
    ['api', true],
    ['openid api', true],
    ['api openid', true],
    ['x api y', true],
    ['apiapi api', true],
    ['apix', false],
    ['xapi', false],
    ['ap', false],
    ['', false],
    [undefined, false],
    [42, false],
  ])('%j → %s', (scope, expected) => {
    expect(hasScope(scope, 'api')).toBe(expected);
  });
});

describe('the gateway requires the api scope (RFC 6750 3.1)', () => {
  const mock = useMockServer();
  beforeAll(() => fetchToken(mock.realmUrl));

  it.each([
    ['only other scopes', ['profile']],
    ['no scopes at all', []],
  ])('when the client has %s, then its token is refused with 403 insufficient_scope', async (_name, scopes) => {
    const res = await pingAs(mock, scopes);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ statusCode: 403, message: MESSAGE_403 });
    expect(res.headers.get('www-authenticate')).toBe(INSUFFICIENT);
  });

  it('when a token has no scope claim at all, then 403 insufficient_scope', async () => {
    const { scope: _scope, ...claims } = realmClaims(mock);
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(await signWithRealmKey(mock, claims), 'demo-key-1') });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toBe(INSUFFICIENT);
  });

  it('when the client has api among other scopes, then it gets through', async () => {
    expect((await pingAs(mock, ['profile', 'api'])).status).toBe(200);
    expect((await pingAs(mock)).status).toBe(200);
  });
});

describe('gateway.requiredScope: false', () => {
  const mock = useMockServer({ gateway: { requiredScope: false } });

  it('when the client lacks api, then its token still gets through', async () => {
    expect((await pingAs(mock, ['profile'])).status).toBe(200);
  });
});

describe('gateway.insufficientScopeStatus: 401 and another required scope', () => {
  const mock = useMockServer({ gateway: { insufficientScopeStatus: 401, requiredScope: 'mobilesdk' } });

  it('when the token lacks the configured scope, then 401 with the invalid-token text and the scope named in the challenge', async () => {
    const res = await pingAs(mock, ['api']);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' });
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="mobilesdk"');
    expect((await pingAs(mock, ['mobilesdk'])).status).toBe(200);
  });
});
