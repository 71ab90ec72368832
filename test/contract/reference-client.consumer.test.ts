import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GatewayError, MemoryTokenStore, RegulaError, SessionProblem, ZignSecClient, type ZignSecClientOptions } from '../../contracts/client/index.js';
import { readPact } from '../../contracts/provider/pact-files.js';
import { COMMITTED_PACTS_DIR, EXAMPLE, PACT_FILE, newPact, pactOutputDir } from './consumer-examples.js';
import * as i from './consumer-interactions.js';
import { normalizePact } from './pact-output.js';

/**
 * Pact V4 consumer tests of the reference client: each test registers the interactions one flow of the
 * client needs, runs the real client against Pact's mock server, and so writes them to the pact file.
 */
const clientAt = (baseUrl: string, options: Partial<ZignSecClientOptions> = {}) =>
  new ZignSecClient({ baseUrl, clientId: EXAMPLE.clientId, clientSecret: EXAMPLE.clientSecret, productKeys: EXAMPLE.productKeys, ...options });

describe('reference client ↔ gateway (Pact consumer)', () => {
  it('discovers the realm and fetches a token with client_secret_basic', async () => {
    const pact = newPact();
    i.discovery(pact);
    await i.tokenWithBasic(pact).executeTest(async (server) => {
      expect(await clientAt(server.url).accessToken()).toBe(EXAMPLE.token);
    });
  });

  it('fetches a token with client_secret_post', async () => {
    const pact = newPact();
    i.discovery(pact);
    await i.tokenWithPost(pact).executeTest(async (server) => {
      expect(await clientAt(server.url, { authMethod: 'client_secret_post' }).accessToken()).toBe(EXAMPLE.token);
    });
  });

  it('creates a session', async () => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    await i.createSession(pact).executeTest(async (server) => {
      expect(await clientAt(server.url).createSession()).toEqual(EXAMPLE.session);
    });
  });

  it('binds a liveness and a document transaction to a session', async () => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    i.bindLiveness(pact);
    await i.bindDocument(pact).executeTest(async (server) => {
      const client = clientAt(server.url);
      await client.bindLiveness(EXAMPLE.session.id, EXAMPLE.livenessTransactionId);
      await client.bindDocument(EXAMPLE.session.id, EXAMPLE.documentTransactionId);
    });
  });

  it('pings the Document Reader and the Face API', async () => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    i.pingDocreader(pact);
    await i.pingFaceapi(pact).executeTest(async (server) => {
      const client = clientAt(server.url);
      expect((await client.ping('docreader'))['app-name']).toBe('Regula Document Reader Web API');
      expect((await client.ping('faceapi'))['app-name']).toBe('Regula Face Recognition Web API');
    });
  });

  it('when its token has expired, fetches a new one and repeats the call', async () => {
    const pact = newPact();
    i.pingWithExpiredToken(pact);
    i.discovery(pact);
    i.tokenWithBasic(pact);
    await i.pingDocreader(pact).executeTest(async (server) => {
      // A token the client still believes valid (shared store, clock skew) that the gateway refuses.
      const tokenStore = new MemoryTokenStore();
      tokenStore.set({ accessToken: EXAMPLE.staleToken, refreshAt: Number.MAX_SAFE_INTEGER });
      expect((await clientAt(server.url, { tokenStore }).ping('docreader'))['app-name']).toBeTruthy();
    });
  });

  it('when its product key was rotated away, retries with the other key and keeps it', async () => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    i.pingWithRotatedKey(pact);
    await i.pingWithOtherKey(pact).executeTest(async (server) => {
      const client = clientAt(server.url);
      expect((await client.ping('docreader'))['app-name']).toBeTruthy();
      expect(client.productKey).toBe(EXAMPLE.productKeys[1]);
    });
  });

  it('when the session does not exist, throws a SessionProblem with the 404', async () => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    await i.bindToUnknownSession(pact).executeTest(async (server) => {
      const error = await clientAt(server.url)
        .bindDocument(EXAMPLE.session.id, EXAMPLE.documentTransactionId)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SessionProblem);
      expect(error).toMatchObject({ status: 404, body: { status: 404 } });
    });
  });

  it('when the transaction id is not a UUID, throws a SessionProblem naming the field', async () => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    await i.bindNotAUuid(pact).executeTest(async (server) => {
      const error = await clientAt(server.url)
        .bindDocument(EXAMPLE.session.id, 'not-a-uuid')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SessionProblem);
      expect(error).toMatchObject({ status: 400, body: { errors: { transactionId: [expect.any(String)] } } });
    });
  });

  it('when the gateway is unavailable, throws a GatewayError with the 503 and Retry-After', async () => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    await i.pingWhileUnavailable(pact).executeTest(async (server) => {
      const error = await clientAt(server.url)
        .ping('faceapi')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({ status: 503, retryAfterSeconds: 30 });
    });
  });

  // The Regula calls go through Regula's official web clients, with the same token and product key.
  const statusOf = (body: { ContainerList: { List: unknown[] } }) =>
    (body.ContainerList.List as Array<{ result_type?: number; Status?: { overallStatus?: number } }>).find((c) => c.result_type === 33)?.Status?.overallStatus;

  it.each([
    ['accepted', i.reprocessAccepted, 1],
    ['rejected', i.reprocessRejected, 0],
    ['inconclusive', i.reprocessInconclusive, 2],
  ] as const)('reprocesses a bound document transaction (%s) and reads the overall status', async (_name, interaction, status) => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    await interaction(pact).executeTest(async (server) => {
      const body = await clientAt(server.url).reprocess(EXAMPLE.documentTransactionId, { livePortrait: EXAMPLE.livenessTransactionId });
      expect(body.transactionId).toBe(EXAMPLE.documentTransactionId);
      expect(statusOf(body as never)).toBe(status);
    });
  });

  it('when the processing fails, throws a RegulaError with the 400 OperationLog', async () => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    await i.reprocessFailed(pact).executeTest(async (server) => {
      const error = await clientAt(server.url)
        .reprocess(EXAMPLE.documentTransactionId, { livePortrait: EXAMPLE.livenessTransactionId })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegulaError);
      expect(error).toMatchObject({ status: 400, body: { statusCode: 400, msg: expect.any(String) } });
    });
  });

  it('when the transaction is not bound to its session (zero trust), throws the gateway 403 without trying the other key', async () => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    await i.reprocessUnbound(pact).executeTest(async (server) => {
      const client = clientAt(server.url);
      const error = await client.reprocess(EXAMPLE.documentTransactionId, { livePortrait: EXAMPLE.livenessTransactionId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({ status: 403, productKeyRejected: false });
      expect(client.productKey).toBe(EXAMPLE.productKeys[0]);
    });
  });

  it('reads the verdict of a liveness transaction', async () => {
    const pact = newPact();
    i.discovery(pact);
    i.tokenWithBasic(pact);
    await i.readLiveness(pact).executeTest(async (server) => {
      expect(await clientAt(server.url).liveness(EXAMPLE.livenessTransactionId)).toMatchObject({ status: 0, transactionId: EXAMPLE.livenessTransactionId });
    });
  });
});

describe('the pact file', () => {
  // Runs after the tests above (a file's tests run in order): the pact they wrote is complete by now.
  it('is the one committed in contracts/pacts (PACT_UPDATE=1 rewrites it)', () => {
    const written = normalizePact(readPact(join(pactOutputDir(), PACT_FILE)));
    const committed = join(COMMITTED_PACTS_DIR, PACT_FILE);
    if (process.env.PACT_UPDATE === '1') writeFileSync(committed, `${JSON.stringify(written, null, 2)}\n`);
    expect(written).toEqual(readPact(committed));
    expect(new Set(written.interactions.map((i) => i.description)).size).toBe(written.interactions.length);
  });
});
