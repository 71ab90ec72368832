import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { call, DEMO, fetchToken } from '../../helpers/api-client.js';
import { adminApi } from '../../helpers/admin-client.js';
import { ASSURE_DEMO, ASSURE_DEMO2, assureApi, signicatToken, signicatTokenCall } from '../../helpers/assure-client.js';
import { useMockServer } from '../../helpers/mock-server.js';

// Deprecated only to stand out: the mock serves plain HTTP on loopback, the case this switch exists for.
// eslint-disable-next-line @typescript-eslint/no-deprecated
const overHttp = client.allowInsecureRequests;

const TOKEN_ERROR = {
  type: 'https://developer.signicat.com/docs/error-codes/',
  title: 'Invalid authentication token.',
  code: 'invalid_token',
};

describe("Signicat's token service and the Assure bearer", () => {
  const mock = useMockServer();

  it('when a demo client asks with client_secret_basic as the docs show, then it gets a 600 s RS256 bearer with a kid and the signicat-api scope', async () => {
    const res = await signicatTokenCall(mock.baseUrl, ASSURE_DEMO);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({ access_token: expect.any(String), expires_in: 600, token_type: 'Bearer', scope: 'signicat-api' });
    const [header] = (res.body.access_token as string).split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
  });

  it('when the credentials come in the form instead, then they are accepted too, and the second demo client has its own', async () => {
    const res = await call(`${mock.baseUrl}/auth/open/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: ASSURE_DEMO2.clientId, client_secret: ASSURE_DEMO2.secret }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('signicat-api');
  });

  it.each([
    ['a wrong secret', { ...ASSURE_DEMO, secret: 'nope' }, {}, 401, 'invalid_client'],
    ['a ZignSec realm client', { clientId: DEMO.clientId, secret: DEMO.secret }, {}, 401, 'invalid_client'],
    ['another grant', ASSURE_DEMO, { grant_type: 'password' }, 400, 'unsupported_grant_type'],
    ['another scope', ASSURE_DEMO, { scope: 'openid profile' }, 400, 'invalid_scope'],
  ])('when the token call has %s, then it is refused with RFC 6749 error', async (_name, who, form, status, error) => {
    const res = await signicatTokenCall(mock.baseUrl, who, form);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error, error_description: expect.any(String) });
  });

  it("when openid-client discovers /auth/open, then it gets a token with the client's own credentials and jose verifies it against the JWKS", async () => {
    const issuer = new URL(`${mock.baseUrl}/auth/open`);
    const config = await client.discovery(issuer, ASSURE_DEMO.clientId, ASSURE_DEMO.secret, client.ClientSecretBasic(ASSURE_DEMO.secret), {
      execute: [overHttp],
    });
    const tokens = await client.clientCredentialsGrant(config, { scope: 'signicat-api' });
    expect(tokens.expires_in).toBe(600);
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload } = await jwtVerify(tokens.access_token, jwks, { issuer: issuer.href.replace(/\/$/, '') });
    expect(payload).toMatchObject({ client_id: ASSURE_DEMO.clientId, scope: ['signicat-api'] });
  });

  it('when an Assure route gets no Authorization, then 401 in Signicat token error body', async () => {
    const res = await assureApi(mock.baseUrl, undefined).listDossiers();
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      instance: '/assure/dossiers',
      method: 'GET',
      status: 401,
      ...TOKEN_ERROR,
      detail: expect.any(String),
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it("when the Authorization is no Bearer credential, then 400 as the reference's sample shows", async () => {
    for (const authorization of ['Basic abc', 'Bearer', 'Bearer a b', 'token']) {
      const res = await assureApi(mock.baseUrl, undefined).raw('/dossiers/', { method: 'POST', headers: { authorization } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        instance: '/assure/dossiers/',
        method: 'POST',
        status: 400,
        type: 'base:client-problem',
        title: 'Malformed Authorization header.',
        detail: 'Please provide a valid Bearer authentication.',
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
    }
  });

  it('when a Keycloak realm token is presented, then Assure refuses it as an invalid token', async () => {
    const realm = await fetchToken(mock.realmUrl, DEMO);
    const res = await assureApi(mock.baseUrl, realm).listDossiers();
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject(TOKEN_ERROR);
  });

  it("when Signicat's token is sent to the ZignSec gateway, then the gateway refuses it", async () => {
    const token = await signicatToken(mock.baseUrl);
    const res = await call(`${mock.baseUrl}/mobilesdk/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'zs-product-key': DEMO.keys[0] },
    });
    expect(res.status).toBe(401);
  });

  it('when the token has lived its 600 s, then Assure answers 401 invalid_token, and a fresh token works', async () => {
    const admin = adminApi(mock.baseUrl);
    const token = await signicatToken(mock.baseUrl);
    expect((await assureApi(mock.baseUrl, token).listDossiers()).status).toBe(200);
    await admin.advance(601);
    try {
      const res = await assureApi(mock.baseUrl, token).listDossiers();
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ ...TOKEN_ERROR, detail: expect.stringContaining('expired') });
      expect((await assureApi(mock.baseUrl, await signicatToken(mock.baseUrl)).listDossiers()).status).toBe(200);
    } finally {
      await admin.resetClock();
    }
  });

  it('when a client is made through the control plane with the signicat-api scope, then it gets tokens', async () => {
    const made = await adminApi(mock.baseUrl).newClient({ scopes: ['signicat-api'] });
    expect((await signicatTokenCall(mock.baseUrl, { clientId: made.clientId, secret: made.secret })).status).toBe(200);
  });
});
