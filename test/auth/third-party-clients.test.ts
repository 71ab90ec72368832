import * as oidc from 'openid-client';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '../helpers/mock-server.js';
import { DEMO, call, gatewayHeaders } from '../helpers/api-client.js';

// Deprecated only to stand out: the mock serves plain HTTP on loopback, the case this switch exists for.
// eslint-disable-next-line @typescript-eslint/no-deprecated
const overHttp = oidc.allowInsecureRequests;

describe('unmodified third-party clients against the realm', () => {
  const mock = useMockServer();

  it.each([
    ['client_secret_basic', (s: string) => oidc.ClientSecretBasic(s)],
    ['client_secret_post', (s: string) => oidc.ClientSecretPost(s)],
  ])('when openid-client discovers the realm and uses %s, then it gets a Bearer token of the guide shape', async (_name, auth) => {
    const config = await oidc.discovery(new URL(mock.realmUrl), DEMO.clientId, undefined, auth(DEMO.secret), {
      execute: [overHttp],
    });
    expect(config.serverMetadata().token_endpoint).toBe(`${mock.realmUrl}/protocol/openid-connect/token`);

    const tokens = await oidc.clientCredentialsGrant(config);

    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expiresIn()).toBeGreaterThan(1190);
    expect(tokens.scope).toBe('api');
    expect(tokens.refresh_token).toBeUndefined();
    const ping = await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(tokens.access_token, 'demo-key-1') });
    expect(ping.status).toBe(200);
  });

  it('when jose verifies the token through the realm JWKS with the issuer checked, then every expected claim is there', async () => {
    const config = await oidc.discovery(new URL(mock.realmUrl), DEMO.clientId, DEMO.secret, undefined, {
      execute: [overHttp],
    });
    const { access_token } = await oidc.clientCredentialsGrant(config);
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));

    const { payload, protectedHeader } = await jwtVerify(access_token, jwks, { issuer: mock.realmUrl, algorithms: ['RS256'] });

    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({ iss: mock.realmUrl, azp: 'demo-client', aud: 'account', scope: 'api', typ: 'Bearer' });
    for (const claim of ['sub', 'exp', 'iat', 'jti']) expect(payload).toHaveProperty(claim);
    expect(payload.exp! - payload.iat!).toBe(1200);
    expect(decodeProtectedHeader(access_token).kid).toBe(protectedHeader.kid);
  });

  it('when openid-client asks for the openid scope, then it accepts the ID token and reads its claims', async () => {
    const config = await oidc.discovery(new URL(mock.realmUrl), DEMO.clientId, DEMO.secret, undefined, {
      execute: [overHttp],
    });
    const tokens = await oidc.clientCredentialsGrant(config, { scope: 'openid' });

    expect(tokens.scope).toBe('openid api');
    expect(tokens.id_token).toEqual(expect.any(String));
    expect(tokens.claims()).toMatchObject({ iss: mock.realmUrl, aud: DEMO.clientId, azp: DEMO.clientId, typ: 'ID' });
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    await expect(jwtVerify(tokens.id_token!, jwks, { issuer: mock.realmUrl, audience: DEMO.clientId, algorithms: ['RS256'] })).resolves.toBeDefined();
  });

  it('when a foreign issuer is expected, then jose refuses the token', async () => {
    const config = await oidc.discovery(new URL(mock.realmUrl), DEMO.clientId, DEMO.secret, undefined, {
      execute: [overHttp],
    });
    const { access_token } = await oidc.clientCredentialsGrant(config);
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    await expect(jwtVerify(access_token, jwks, { issuer: 'https://test-gateway.zignsec.com/auth/realms/zignsec' })).rejects.toThrow(/iss/);
  });
});
