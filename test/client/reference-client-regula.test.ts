import { describe, expect, it } from 'vitest';
import { GatewayError, RegulaError, ZignSecClient, type ReprocessResponse, type ZignSecClientOptions } from '../../contracts/client/index.js';
import { adminApi, type NewClient } from '../helpers/admin-client.js';
import { useMockServer } from '../helpers/mock-server.js';

/** The overall status a backend reads: the Status container (result_type 33) in ContainerList.List. */
const overallStatus = (body: ReprocessResponse) =>
  (body.ContainerList.List as unknown as Array<{ result_type?: number; Status?: { overallStatus?: number } }>).find((c) => c.result_type === 33)?.Status
    ?.overallStatus;

/** The reference client's Regula calls (reprocess, results, liveness), made through Regula's official web clients, against the mock. */
describe('the reference client with the Regula services', () => {
  const mock = useMockServer();
  const admin = () => adminApi(mock.baseUrl);
  const journal = async (clientId: string) =>
    (await admin().requests({ clientId })).body.requests.reverse() as Array<{ method: string; path: string; status: number }>;

  /** A fresh client's session (under `scenario` if given), the device's two transactions, and (unless told not to) both bound. */
  async function flow(
    options: { scenario?: string; bind?: boolean; client?: Partial<ZignSecClientOptions>; beforeSession?: (account: NewClient) => Promise<unknown> } = {},
  ) {
    const account = await admin().newClient();
    const client = new ZignSecClient({
      baseUrl: mock.baseUrl,
      clientId: account.clientId,
      clientSecret: account.secret,
      productKeys: account.productKeys,
      ...options.client,
    });
    if (options.scenario) await admin().queue(account.clientId, options.scenario);
    await options.beforeSession?.(account);
    const session = await client.createSession();
    const res = await fetch(`${mock.baseUrl}/__admin/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: session.id }),
    });
    const device = (await res.json()) as { livenessTransactionId: string; documentTransactionId: string };
    if (options.bind !== false) {
      await client.bindLiveness(session.id, device.livenessTransactionId);
      await client.bindDocument(session.id, device.documentTransactionId);
    }
    return { account, client, sessionId: session.id, live: device.livenessTransactionId, doc: device.documentTransactionId };
  }

  it('when an accepted document is reprocessed with the liveness portrait, then the answer, the results and the liveness verdict say so', async () => {
    const { client, sessionId, live, doc } = await flow();

    const reprocessed = await client.reprocess(doc, { livePortrait: live });
    expect(reprocessed).toMatchObject({ transactionId: doc, tag: sessionId });
    expect(overallStatus(reprocessed)).toBe(1);

    const results = await client.results(doc, false);
    expect(results.status?.overallStatus).toBe(1);
    expect(results.text?.fieldList.length).toBeGreaterThan(5);

    expect(await client.liveness(live)).toMatchObject({ status: 0, transactionId: live, tag: sessionId });
  });

  it.each([
    ['rejected', 0],
    ['rejected;variant=face-mismatch', 0],
    ['inconclusive', 2],
    ['inconclusive;variant=near-threshold', 2],
  ])('when the session is under %s, then the reprocessed overallStatus is %i', async (scenario, status) => {
    const { client, live, doc } = await flow({ scenario });
    expect(overallStatus(await client.reprocess(doc, { livePortrait: live, scenario: 'FullAuth', threshold: 75, useFaceApi: true }))).toBe(status);
    expect((await client.results(doc, false)).status?.overallStatus).toBe(status);
  });

  it('when the processing fails, then a RegulaError with the 400 OperationLog and its metadata', async () => {
    const { client, live, doc } = await flow({ scenario: 'failed' });
    const error = await client.reprocess(doc, { livePortrait: live }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegulaError);
    expect(error).toMatchObject({ status: 400, body: { statusCode: 400, type: expect.any(String), msg: expect.any(String), metadata: expect.any(Object) } });
  });

  it('when the transaction is not bound (zero trust), then a GatewayError 403, tried with one key only, and the key is kept', async () => {
    const { account, client, live, doc } = await flow({ bind: false });
    const error = await client.reprocess(doc, { livePortrait: live }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ status: 403, productKeyRejected: false, body: { statusCode: 403, message: expect.stringMatching(/not bound/) } });
    expect((await journal(account.clientId)).filter((r) => r.path.endsWith('/process')).map((r) => r.status)).toEqual([403]);
    expect(client.productKey).toBe(account.productKeys[0]);
  });

  it('when the token has expired by the gateway, then the Regula call fetches a new token and is repeated once', async () => {
    const { account, client, live, doc } = await flow({ beforeSession: (a) => admin().queue(a.clientId, 'token-expiry;lifetimeSeconds=60') });
    await admin().advance(61);
    try {
      expect(overallStatus(await client.reprocess(doc, { livePortrait: live }))).toBe(1);
      expect((await client.liveness(live)).status).toBe(0);
    } finally {
      await admin().resetClock();
    }
    expect((await journal(account.clientId)).filter((r) => r.path.endsWith('/token')).length).toBe(2);
  });

  it('when the product key is rotated away, then the Regula calls move to the other key and keep it', async () => {
    const { account, client, live, doc } = await flow();
    await admin().revokeKey(account.clientId, account.productKeys[0]!);

    expect(overallStatus(await client.reprocess(doc, { livePortrait: live }))).toBe(1);
    expect((await client.results(doc, true)).status?.overallStatus).toBe(1);
    expect((await client.liveness(live)).status).toBe(0);
    expect(client.productKey).toBe(account.productKeys[1]);
  });

  it("when the client is given a fetch, then Regula's clients send through it too", async () => {
    const seen: string[] = [];
    const recording = (url: string, init?: RequestInit) => {
      seen.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
      return fetch(url, init);
    };
    const { client, live, doc } = await flow({ client: { fetch: recording } });
    await client.reprocess(doc, { livePortrait: live });
    await client.results(doc, false);
    await client.liveness(live);
    expect(seen.slice(-3)).toEqual([
      `POST /mobilesdk/docreader/api/v2/transaction/${doc}/process`,
      `GET /mobilesdk/docreader/api/v2/transaction/${doc}/results`,
      'GET /mobilesdk/faceapi/api/v2/liveness',
    ]);
  });
});
