import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '../helpers/mock-server.js';
import { call, form } from '../helpers/api-client.js';

const INVALID_CLIENT = 'Invalid client or Invalid client credentials';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

interface Case {
  name: string;
  init: RequestInit;
  status: number;
  error: string;
  description: string;
  challenge?: string;
}

const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body,
});

const keycloakCases: Case[] = [
  {
    name: 'grant_type is missing',
    init: post('client_id=demo-client&client_secret=demo-secret'),
    status: 400,
    error: 'invalid_request',
    description: 'Missing form parameter: grant_type',
  },
  {
    name: 'grant_type is unknown to Keycloak',
    init: post('grant_type=implicit&client_id=demo-client&client_secret=demo-secret'),
    status: 400,
    error: 'unsupported_grant_type',
    description: 'Unsupported grant_type',
  },
  {
    name: 'an unknown grant_type comes with a wrong secret (grant type is checked first)',
    init: post('grant_type=magic&client_id=demo-client&client_secret=wrong'),
    status: 400,
    error: 'unsupported_grant_type',
    description: 'Unsupported grant_type',
  },
  {
    name: 'grant_type is password (direct access off for service accounts)',
    init: post('grant_type=password&client_id=demo-client&client_secret=demo-secret&username=u&password=p'),
    status: 400,
    error: 'unauthorized_client',
    description: 'Client not allowed for direct access grants',
  },
  {
    name: 'grant_type is password with a wrong secret (the client is checked first)',
    init: post('grant_type=password&client_id=demo-client&client_secret=wrong'),
    status: 401,
    error: 'unauthorized_client',
    description: INVALID_CLIENT,
  },
  {
    name: 'grant_type is authorization_code without a code',
    init: post('grant_type=authorization_code&client_id=demo-client&client_secret=demo-secret'),
    status: 400,
    error: 'invalid_request',
    description: 'Missing parameter: code',
  },
  {
    name: 'grant_type is authorization_code with a code',
    init: post('grant_type=authorization_code&code=abc&client_id=demo-client&client_secret=demo-secret'),
    status: 400,
    error: 'invalid_grant',
    description: 'Code not valid',
  },
  {
    name: 'grant_type is refresh_token without a token',
    init: post('grant_type=refresh_token&client_id=demo-client&client_secret=demo-secret'),
    status: 400,
    error: 'invalid_request',
    description: 'No refresh token',
  },
  {
    name: 'grant_type is refresh_token with a token',
    init: post('grant_type=refresh_token&refresh_token=abc&client_id=demo-client&client_secret=demo-secret'),
    status: 400,
    error: 'invalid_grant',
    description: 'Invalid refresh token',
  },
  {
    name: 'a parameter is sent twice',
    init: post('grant_type=client_credentials&client_id=demo-client&client_id=demo-client&client_secret=demo-secret'),
    status: 400,
    error: 'invalid_request',
    description: 'duplicated parameter',
  },
  { name: 'no client id is sent anywhere', init: post('grant_type=client_credentials'), status: 401, error: 'invalid_client', description: INVALID_CLIENT },
  {
    name: 'the client is unknown',
    init: post('grant_type=client_credentials&client_id=nobody&client_secret=x'),
    status: 401,
    error: 'invalid_client',
    description: INVALID_CLIENT,
  },
  {
    name: 'the secret is wrong',
    init: post('grant_type=client_credentials&client_id=demo-client&client_secret=wrong'),
    status: 401,
    error: 'unauthorized_client',
    description: INVALID_CLIENT,
  },
  {
    name: 'the secret is missing',
    init: post('grant_type=client_credentials&client_id=demo-client'),
    status: 401,
    error: 'unauthorized_client',
    description: INVALID_CLIENT,
  },
  {
    name: 'the Basic secret is wrong',
    init: post('grant_type=client_credentials', { authorization: basic('demo-client', 'nope') }),
    status: 401,
    error: 'unauthorized_client',
    description: INVALID_CLIENT,
  },
  {
    name: 'the Authorization header is not Basic and no client_id is sent',
    init: post('grant_type=client_credentials', { authorization: 'Negotiate abc' }),
    status: 401,
    error: 'invalid_client',
    description: INVALID_CLIENT,
    challenge: 'Basic realm="zignsec"',
  },
  {
    name: 'a scope outside the client is asked for',
    init: post('grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret&scope=admin'),
    status: 400,
    error: 'invalid_scope',
    description: 'Invalid scopes: admin',
  },
  {
    name: 'the body is JSON',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":"client_credentials"}' },
    status: 415,
    error: 'invalid_request',
    description: 'Content-Type must be application/x-www-form-urlencoded',
  },
  {
    name: 'the form is larger than 64 KiB',
    init: post(`grant_type=client_credentials&pad=${'x'.repeat(70 * 1024)}`),
    status: 413,
    error: 'payload_too_large',
    description: 'The request body is larger than this route accepts.',
  },
];

describe('POST /auth/realms/zignsec/protocol/openid-connect/token (keycloak profile)', () => {
  const mock = useMockServer();
  const tokenUrl = () => `${mock.realmUrl}/protocol/openid-connect/token`;

  it.each(keycloakCases)('when $name, then $status $error', async (c) => {
    const res = await call(tokenUrl(), c.init);

    expect(res.status).toBe(c.status);
    expect(res.body).toEqual({ error: c.error, error_description: c.description });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    if (c.status !== 413) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('pragma')).toBe('no-cache');
    }
    expect(res.headers.get('www-authenticate')).toBe(c.challenge ?? null);
  });

  it('when form credentials and a Basic header disagree, then the form values win (Keycloak)', async () => {
    const res = await call(
      tokenUrl(),
      post('grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret', { authorization: basic('demo-client', 'wrong') }),
    );
    expect(res.status).toBe(200);
  });

  it('when the client authenticates with Basic, then the answer carries exactly the guide fields and no-store', async () => {
    const res = await call(tokenUrl(), post('grant_type=client_credentials', { authorization: basic('demo-client-2', 'demo-secret-2') }));

    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['access_token', 'expires_in', 'not-before-policy', 'refresh_expires_in', 'scope', 'token_type']);
    expect(res.body).toMatchObject({ expires_in: 1200, refresh_expires_in: 0, token_type: 'Bearer', 'not-before-policy': 0, scope: 'api' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('when the openid scope is asked for, then it is granted first and an ID token for the client comes with the access token', async () => {
    const res = await call(tokenUrl(), post('grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret&scope=openid'));

    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('openid api');
    const claims = (t: string) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString());
    const access = claims(res.body.access_token);
    const id = claims(res.body.id_token);
    expect(access.scope).toBe('openid api');
    expect(id).toMatchObject({
      typ: 'ID',
      aud: 'demo-client',
      azp: 'demo-client',
      sub: access.sub,
      iss: access.iss,
      exp: access.exp,
      preferred_username: 'service-account-demo-client',
    });
    const hash = createHash('sha256').update(res.body.access_token).digest().subarray(0, 16).toString('base64url');
    expect(id.at_hash).toBe(hash);
  });

  it('when openid comes with a scope the client lacks, then invalid_scope as before', async () => {
    const res = await call(tokenUrl(), post('grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret&scope=openid%20admin'));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_scope', error_description: 'Invalid scopes: openid admin' });
  });

  it('when the same client asks twice, then each token has its own jti', async () => {
    const ask = () => call(tokenUrl(), form({ grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret' }));
    const [a, b] = await Promise.all([ask(), ask()]);
    const jti = (t: string) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()).jti;
    expect(jti(a.body.access_token)).not.toBe(jti(b.body.access_token));
  });
});

describe('token endpoint, rfc profile', () => {
  const mock = useMockServer({ realm: { tokenErrorProfile: 'rfc' } });

  it('when the Basic secret is wrong, then 401 invalid_client with a Basic challenge', async () => {
    const res = await call(
      `${mock.realmUrl}/protocol/openid-connect/token`,
      post('grant_type=client_credentials', { authorization: basic('demo-client', 'nope') }),
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="zignsec"');
  });
});
