import { describe, expect, it } from 'vitest';
import { useMockServer } from '../helpers/mock-server.js';
import { DEMO, call, fetchToken, form } from '../helpers/api-client.js';

describe('realm discovery, JWKS and introspection', () => {
  const mock = useMockServer();

  it('when discovery is read, then every advertised URL is built from the base URL the client used', async () => {
    const res = await call(`${mock.realmUrl}/.well-known/openid-configuration`);
    const oidc = `${mock.realmUrl}/protocol/openid-connect`;

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      issuer: mock.realmUrl,
      token_endpoint: `${oidc}/token`,
      jwks_uri: `${oidc}/certs`,
      introspection_endpoint: `${oidc}/token/introspect`,
      end_session_endpoint: `${oidc}/logout`,
      registration_endpoint: `${mock.realmUrl}/clients-registrations/openid-connect`,
    });
    expect(res.body.grant_types_supported).toContain('client_credentials');
    expect(res.body.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(['client_secret_basic', 'client_secret_post']));
    expect(res.body.scopes_supported).toEqual(['openid', 'api']);
  });

  it('when the client reaches the mock as localhost, then discovery says localhost', async () => {
    const port = new URL(mock.baseUrl).port;
    const res = await call(`http://localhost:${port}/auth/realms/zignsec/.well-known/openid-configuration`);
    expect(res.body.issuer).toBe(`http://localhost:${port}/auth/realms/zignsec`);
  });

  it('when the JWKS is read, then it holds the signing key with its kid', async () => {
    const res = await call(`${mock.realmUrl}/protocol/openid-connect/certs`);
    expect(res.body.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: mock.deps.keys.active().kid, e: 'AQAB' })]);
  });

  it('when a live token is introspected with client credentials, then it is active with its claims', async () => {
    const token = await fetchToken(mock.realmUrl);
    const res = await call(`${mock.realmUrl}/protocol/openid-connect/token/introspect`, form({ token, client_id: DEMO.clientId, client_secret: DEMO.secret }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      active: true,
      client_id: 'demo-client',
      username: 'service-account-demo-client',
      token_type: 'Bearer',
      scope: 'api',
      iss: mock.realmUrl,
    });
  });

  it.each([
    ['garbage', 'not-a-jwt'],
    ['a token with a broken signature', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'],
  ])('when %s is introspected, then it is inactive', async (_n, token) => {
    const res = await call(`${mock.realmUrl}/protocol/openid-connect/token/introspect`, form({ token, client_id: DEMO.clientId, client_secret: DEMO.secret }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ active: false });
  });

  it.each([
    ['the caller does not authenticate', { token: 'x' }, 401, 'Authentication failed.'],
    ['the secret is wrong', { token: 'x', client_id: 'demo-client', client_secret: 'no' }, 401, 'Authentication failed.'],
    ['no token is given', { client_id: 'demo-client', client_secret: 'demo-secret' }, 400, 'Token not provided.'],
    ['the hint is unknown', { token: 'x', token_type_hint: 'id_card', client_id: 'demo-client', client_secret: 'demo-secret' }, 400, 'Unsupported token type.'],
  ])('when %s, then introspection answers %i', async (_n, fields, status, description) => {
    const res = await call(`${mock.realmUrl}/protocol/openid-connect/token/introspect`, form(fields as Record<string, string>));
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: 'invalid_request', error_description: description });
  });

  it('when another realm is asked for, then 404 without naming realms', async () => {
    const res = await call(`${mock.baseUrl}/auth/realms/master/.well-known/openid-configuration`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Realm does not exist' });
  });
});
