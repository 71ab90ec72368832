import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GatewayError, OidcError, SessionProblem, ZignSecClient, type ZignSecClientOptions } from '../../contracts/client/index.js';
import { adminApi, type NewClient } from '../helpers/admin-client.js';
import { call } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';

/** The reference client against the real mock: each test has its own API client, and its own clock for the client. */
describe('the reference client against the mock', () => {
  const mock = useMockServer();
  const admin = () => adminApi(mock.baseUrl);

  function clientFor(account: NewClient, options: Partial<ZignSecClientOptions> = {}) {
    return new ZignSecClient({ baseUrl: mock.baseUrl, clientId: account.clientId, clientSecret: account.secret, productKeys: account.productKeys, ...options });
  }
  const journal = async (clientId: string) =>
    (await admin().requests({ clientId })).body.requests.reverse() as Array<{ method: string; path: string; status: number }>;
  // Requests refused before the gateway knows the caller are not attributed to a client: count them by path.
  const refusals = async (path: string) => (await admin().requests({ path, status: '401' })).body.requests.length as number;
  const tokenRequests = async (clientId: string) => (await journal(clientId)).filter((r) => r.path.endsWith('/token')).length;

  it('when a backend runs the zero-trust flow, then discovery, one token, a session, both bindings and both pings succeed', async () => {
    const account = await admin().newClient();
    const client = clientFor(account);

    expect((await client.metadata()).token_endpoint).toBe(`${mock.realmUrl}/protocol/openid-connect/token`);
    const session = await client.createSession();
    const phone = await call(`${mock.baseUrl}/__admin/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: session.id }),
    });
    await client.bindLiveness(session.id, phone.body.livenessTransactionId);
    await client.bindDocument(session.id, phone.body.documentTransactionId);
    expect((await client.ping('docreader'))['app-name']).toBe('Regula Document Reader Web API');
    expect((await client.ping('faceapi'))['app-name']).toBe('Regula Face Recognition Web API');

    expect(session.clientIdLong).toBe(account.guid);
    expect(await tokenRequests(account.clientId)).toBe(1);
  });

  it.each(['client_secret_basic', 'client_secret_post'] as const)('when the client authenticates with %s, then it gets a token', async (authMethod) => {
    const account = await admin().newClient({ secret: 'a secret: with + and spaces' });
    const client = clientFor(account, { authMethod });
    expect(await client.accessToken()).toMatch(/^eyJ/);
  });

  it('when the token nears its expiry by the client clock, then the client fetches a new one before using it', async () => {
    const account = await admin().newClient();
    let now = Date.now();
    const client = clientFor(account, { now: () => now, refreshSkewSeconds: 30 });
    const first = await client.accessToken();

    now += (1200 - 31) * 1000;
    expect(await client.accessToken()).toBe(first);
    now += 2000;
    expect(await client.accessToken()).not.toBe(first);
    expect(await tokenRequests(account.clientId)).toBe(2);
  });

  it('when many calls start at once, then they share one token request', async () => {
    const account = await admin().newClient();
    const client = clientFor(account);
    await Promise.all(Array.from({ length: 10 }, () => client.ping('faceapi')));
    expect(await tokenRequests(account.clientId)).toBe(1);
  });

  it('when the gateway refuses the cached token as expired, then the client fetches a new token once and the call succeeds', async () => {
    const account = await admin().newClient();
    await admin().queue(account.clientId, 'token-expiry;lifetimeSeconds=60');
    const client = clientFor(account);
    await client.ping('docreader');
    const refusedBefore = await refusals('/mobilesdk/docreader/api/ping');

    await admin().advance(61);
    try {
      expect((await client.ping('docreader'))['app-name']).toBeTruthy();
    } finally {
      await admin().resetClock();
    }
    expect(await refusals('/mobilesdk/docreader/api/ping')).toBe(refusedBefore + 1);
    expect(await tokenRequests(account.clientId)).toBe(2);
  });

  it('when the product key in use is rotated away, then the client retries with the other key once and keeps using it', async () => {
    const account = await admin().newClient();
    await admin().queue(account.clientId, 'key-rotation;calls=1');
    const client = clientFor(account);

    for (let i = 0; i < 4; i++) await client.ping('docreader');

    expect(client.productKey).toBe(account.productKeys[1]);
    expect((await journal(account.clientId)).filter((r) => r.path.includes('/ping')).map((r) => r.status)).toEqual([200, 401, 200, 200, 200]);
  });

  it('when both product keys are refused, then the client tries each once and throws the gateway error', async () => {
    const account = await admin().newClient();
    for (const key of account.productKeys) await admin().revokeKey(account.clientId, key);
    const client = clientFor(account);
    const refusedBefore = await refusals('/mobilesdk/faceapi/api/ping');

    const error = await client.ping('faceapi').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ status: 401, tokenRejected: false, body: { statusCode: 401, message: expect.stringMatching(/invalid subscription key/) } });
    expect(await refusals('/mobilesdk/faceapi/api/ping')).toBe(refusedBefore + 2);
  });

  it('when the session does not exist, then a SessionProblem with status 404 and the ProblemDetails body', async () => {
    const client = clientFor(await admin().newClient());
    const error = await client.bindDocument('sy89z8wWF0moddTGa0S3dAnotasessionxx', randomUUID()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionProblem);
    expect(error).toMatchObject({ status: 404, body: { status: 404, title: 'Not Found', detail: 'Session not found.' } });
  });

  it('when the transaction id is not a UUID, then a SessionProblem with status 400 naming the field', async () => {
    const client = clientFor(await admin().newClient());
    const session = await client.createSession();
    const error = await client.bindLiveness(session.id, 'not-a-uuid').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionProblem);
    expect(error).toMatchObject({ status: 400, body: { errors: { transactionId: [expect.stringContaining('not-a-uuid')] } } });
  });

  it('when the gateway is unavailable, then a GatewayError with status 503 and its Retry-After', async () => {
    const account = await admin().newClient();
    await admin().queue(account.clientId, 'unavailable;retryAfterSeconds=7');
    const error = await clientFor(account)
      .ping('docreader')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ status: 503, retryAfterSeconds: 7, body: { statusCode: 503, message: 'Service Unavailable' } });
  });

  it("when the secret is wrong, then an OidcError with Keycloak's body", async () => {
    const account = await admin().newClient();
    const error = await clientFor({ ...account, secret: 'wrong' })
      .createSession()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OidcError);
    expect(error).toMatchObject({ status: 401, body: { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' } });
  });
});
