import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ZignSecError, ZignSecScanningClient, ZignSecScanningError } from '../../contracts/client/index.js';
import { errorFrom } from '../../contracts/client/errors.js';
import { adminApi } from '../helpers/admin-client.js';
import { DEMO } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';
import { scanningViolations } from '../helpers/scanning-client.js';

/** The reference scanning client against the real mock: each test has its own API client. */
describe('the reference scanning client against the mock', () => {
  const mock = useMockServer();
  const admin = () => adminApi(mock.baseUrl);
  const clientWith = (apiKey: string) => new ZignSecScanningClient({ baseUrl: mock.baseUrl, apiKey });
  const newClient = async () => {
    const account = await admin().newClient();
    return { account, client: clientWith(account.apiKeys[0]!) };
  };
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => expect.fail('the call should have been refused'),
      (e: unknown) => e as ZignSecScanningError,
    );

  it('when a document scan is created and read, then it has a one-time link and is Pending with its relay_state', async () => {
    const { client } = await newClient();
    const created = await client.createScan({ relay_state: 'order-17', analysis_types: ['document', 'selfie'] });
    expect(created.errors).toEqual([]);
    expect(created.redirect_url).toBe(`${mock.baseUrl}/v3/scan/ui/${created.id}?otp=${new URL(created.redirect_url).searchParams.get('otp')}`);

    const scan = await client.getScan(created.id);
    expect(scanningViolations('ScanningResult', scan)).toEqual([]);
    expect(scan).toMatchObject({ id: created.id, relay_state: 'order-17', status: 'Pending', result: { faceMatchAnalysis: { status: 'Requested' } } });
  });

  it('when a liveness scan is created and read, then its link opens the liveness page and liveness is requested', async () => {
    const { client } = await newClient();
    const created = await client.createLivenessScan({ options: 'NoDocument', action: 'Smile' });
    expect(created.redirect_url).toMatch(new RegExp(`/v3/scan/ui/${created.id}/liveness\\?otp=`));
    const scan = await client.getLivenessScan(created.id);
    expect(scan.result).toMatchObject({ livenessAnalysis: { status: 'Requested' }, documentAnalysis: { status: 'NotRequested' } });
  });

  it("when demo-client's documented key is used, then the calls work with it as the raw Authorization header", async () => {
    const sent: Array<string | null> = [];
    const client = new ZignSecScanningClient({
      baseUrl: mock.baseUrl,
      apiKey: DEMO.apiKey,
      fetch: (input, init) => {
        sent.push(new Headers(init?.headers).get('authorization'));
        return fetch(input, init);
      },
    });
    const { id } = await client.createScan();
    await client.getScan(id);
    expect(sent).toEqual([DEMO.apiKey, DEMO.apiKey]);
  });

  it('when a liveness scan lacks options, then it throws a ZignSecScanningError 400 INVALID_REQUEST naming the field', async () => {
    const { client } = await newClient();
    const error = await refusal(client.createLivenessScan({ action: 'Smile' } as never));
    expect(error).toBeInstanceOf(ZignSecScanningError);
    expect(error).toMatchObject({ status: 400, code: 'INVALID_REQUEST', description: 'The options field is required.' });
    expect(error.message).toBe('400 from /v3/scanning/liveness: INVALID_REQUEST (The options field is required.)');
  });

  it('when a URL field is not a URL, then the code is the field’s own', async () => {
    const { client } = await newClient();
    expect(await refusal(client.createScan({ webhook: 'ftp://example.com/hook' }))).toMatchObject({ status: 400, code: 'INVALID_WEBHOOK' });
  });

  it.each([
    ['an unknown key', randomUUID()],
    ['a Bearer token', `Bearer ${DEMO.apiKey}`],
  ])('when the key is %s, then every call throws 401 INVALID_APPID', async (_name, key) => {
    const client = clientWith(key);
    for (const call of [() => client.createScan(), () => client.getScan(randomUUID()), () => client.analysisStatus(randomUUID())]) {
      expect(await refusal(call())).toMatchObject({ status: 401, code: 'INVALID_APPID', description: expect.stringMatching(/API key/) });
    }
  });

  it("when a scan is unknown or another client's, then 404 SESSION_NOT_FOUND", async () => {
    const { client: owner } = await newClient();
    const { client: stranger } = await newClient();
    const { id } = await owner.createScan();
    for (const call of [() => stranger.getScan(id), () => owner.getScan(randomUUID()), () => stranger.analyses(id)]) {
      expect(await refusal(call())).toMatchObject({ status: 404, code: 'SESSION_NOT_FOUND' });
    }
  });

  it('when an API-flow session runs its analyses under the declined scenario, then the status goes from Pending to Declined', async () => {
    const { account, client } = await newClient();
    expect((await admin().queue(account.clientId, 'declined', 'scan')).status).toBe(201);
    const session = await client.createApiSession({ locale: 'en', analysis_types: ['document'] });
    expect(session).toEqual({ session_id: expect.any(String), provider_folder_id: session.session_id });
    expect(await client.analysisStatus(session.session_id)).toEqual({ session_id: session.session_id, status: 'Pending' });

    // Nothing is uploaded (ZignSec needs a document first): a liveness analysis alone needs no upload here.
    const started = await client.startAnalyses(session.session_id, { analysis_types: ['liveness'] }, -60);
    expect(started).toMatchObject({ session_id: session.session_id, total_result: 'Declined', analyses: [{ type: 'liveness', status: 'Declined' }] });
    expect((await client.analysisStatus(session.session_id)).status).toBe('Declined');
    expect((await client.analyses(session.session_id)).total_result).toBe('Declined');
  });

  it('when a document analysis is started before any upload, then 400 INVALID_REQUEST says so', async () => {
    const { client } = await newClient();
    const { session_id } = await client.createApiSession();
    expect(await refusal(client.startAnalyses(session_id, { analysis_types: ['document'] }))).toMatchObject({
      status: 400,
      code: 'INVALID_REQUEST',
      description: expect.stringMatching(/upload it first/),
    });
  });
});

describe('the reference scanning client: error bodies', () => {
  const answering = (status: number, body: string) =>
    new ZignSecScanningClient({
      baseUrl: 'http://scanning.invalid',
      apiKey: 'k',
      fetch: () => Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } })),
    });

  it("when errors is ZignSec v2's string[], then each string is a description without a code", async () => {
    const error = (await answering(400, JSON.stringify({ errors: ['Bad thing', 'Worse thing'] }))
      .getScan('x')
      .catch((e: unknown) => e)) as ZignSecScanningError;
    expect(error).toBeInstanceOf(ZignSecScanningError);
    expect(error).toMatchObject({ status: 400, code: undefined, description: 'Bad thing' });
    expect(error.errors).toEqual([
      { code: undefined, description: 'Bad thing' },
      { code: undefined, description: 'Worse thing' },
    ]);
  });

  it('when a 401 has no body (unauthorizedBody: empty), then it is still a ZignSecScanningError, without code', async () => {
    const error = (await answering(401, '')
      .createScan()
      .catch((e: unknown) => e)) as ZignSecScanningError;
    expect(error).toBeInstanceOf(ZignSecScanningError);
    expect(error).toMatchObject({ status: 401, code: undefined, description: undefined, errors: [] });
  });

  it("when the shared error parser meets scanning's body, then it picks the scanning error too", async () => {
    const body = { id: null, errors: [{ code: 'SESSION_NOT_FOUND', description: 'Session not found' }], redirect_url: null };
    const error = await errorFrom(new Response(JSON.stringify(body), { status: 404 }));
    expect(error).toBeInstanceOf(ZignSecScanningError);
    expect(error).toBeInstanceOf(ZignSecError);
    expect(error).toMatchObject({ code: 'SESSION_NOT_FOUND' });
  });
});

describe('the reference scanning client: an empty 401 from the mock', () => {
  const mock = useMockServer({ scanning: { unauthorizedBody: 'empty' } });
  it('when the key is unknown, then the error has the status and no code', async () => {
    const error = await new ZignSecScanningClient({ baseUrl: mock.baseUrl, apiKey: 'wrong' }).createScan().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: undefined });
  });
});
