import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AssureApiError, AssureClient, AssureWaitTimeout, OidcError, type AssureClientOptions } from '../../contracts/client/index.js';

/**
 * The reference Assure client's token handling, its errors and its binary reads, against a tiny fake of
 * the API on port 0 (the mock's Assure surface is tested by its own suite): the fake counts token
 * requests and decides per test which tokens it still accepts.
 */

interface Seen {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

const DOSSIER = { dossierId: '2f0f5a52-8c1e-4a2b-9a8e-0f6f1d2c3b4a', createdAt: '2025-06-02T10:00:00Z', updatedAt: '2025-06-02T10:00:00Z' };
const PROCESS_ID = '0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b';
const processBody = (status: string) => ({
  processId: PROCESS_ID,
  provider: 'signicatpictureid',
  processType: 'document',
  status,
  createdAt: '2025-06-02T10:00:05Z',
  updatedAt: '2025-06-02T10:00:05Z',
});
const assureError = (status: number, title: string, extra: Record<string, unknown> = {}) => ({
  instance: '/assure/dossiers',
  method: 'GET',
  status,
  type: status === 401 ? 'https://developer.signicat.com/docs/error-codes/' : 'base:client-problem',
  title,
  detail: 'detail',
  traceId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  ...extra,
});

describe('the reference Assure client against a fake of the API', () => {
  let server: Server;
  let baseUrl: string;
  let seen: Seen[];
  let issued: number;
  /** Tokens the fake refuses with 401 from now on. */
  let refused: Set<string>;
  /** What the fake answers on /assure/**, after the token check. */
  let route: (req: Seen, res: ServerResponse) => void;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const entry: Seen = { method: req.method!, path: req.url!, authorization: req.headers.authorization, contentType: req.headers['content-type'], body };
    seen.push(entry);
    if (req.url === '/auth/open/connect/token') {
      json(res, 200, { access_token: `token-${++issued}`, expires_in: 600, token_type: 'Bearer', scope: 'signicat-api' });
      return;
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (token === undefined || refused.has(token)) {
      json(res, 401, assureError(401, 'Invalid authentication token.', { code: 'invalid_token' }));
      return;
    }
    route(entry, res);
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        handle(req, res, Buffer.concat(chunks).toString('utf8'));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  );
  beforeEach(() => {
    seen = [];
    issued = 0;
    refused = new Set();
    route = (req, res) => {
      if (req.path === '/assure/dossiers') json(res, 200, [DOSSIER]);
      else json(res, 404, assureError(404, 'Not found.'));
    };
  });

  const clientWith = (options: Partial<AssureClientOptions> = {}) =>
    new AssureClient({ baseUrl, clientId: 'assure client', clientSecret: 's3cret:x', ...options });
  const tokenRequests = () => seen.filter((s) => s.path === '/auth/open/connect/token');
  const apiCalls = () => seen.filter((s) => s.path.startsWith('/assure/'));

  it('when two calls are made, then one token is fetched with client_secret_basic and the signicat-api scope, and both calls carry it', async () => {
    const client = clientWith();
    expect(await client.listDossiers()).toEqual([DOSSIER]);
    await client.listDossiers();

    expect(tokenRequests()).toHaveLength(1);
    const [token] = tokenRequests();
    // RFC 6749 2.3.1: id and secret form-encoded before Basic.
    expect(token!.authorization).toBe(`Basic ${Buffer.from('assure+client:s3cret%3Ax').toString('base64')}`);
    expect(token!.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(token!.body))).toEqual({ grant_type: 'client_credentials', scope: 'signicat-api' });
    expect(apiCalls().map((c) => c.authorization)).toEqual(['Bearer token-1', 'Bearer token-1']);
  });

  it('when calls start together, then they share one token request', async () => {
    const client = clientWith();
    await Promise.all([client.listDossiers(), client.listDossiers(), client.listDossiers()]);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('when the token is within the refresh skew of its expiry, then the next call fetches a new one first', async () => {
    let now = 1_000_000;
    const client = clientWith({ now: () => now });
    await client.listDossiers();
    now += (600 - 30 - 1) * 1000; // 1 s before the refresh point: still the first token
    await client.listDossiers();
    now += 1000;
    await client.listDossiers();

    expect(tokenRequests()).toHaveLength(2);
    expect(apiCalls().map((c) => c.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it('when the API refuses a cached token with 401, then the client fetches a fresh token and repeats the call once', async () => {
    const client = clientWith();
    await client.listDossiers();
    refused.add('token-1'); // revoked or expired early: the client still believes it valid

    expect(await client.listDossiers()).toEqual([DOSSIER]);
    expect(apiCalls().map((c) => c.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('when the fresh token is refused too, then it throws the 401 as an AssureApiError after one retry only', async () => {
    const client = clientWith();
    refused = { has: () => true } as unknown as Set<string>;

    const error = await client.listDossiers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssureApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_token', title: 'Invalid authentication token.', traceId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' });
    expect(apiCalls()).toHaveLength(2);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('when the API refuses with another 4xx, then it throws the parsed Assure body without a retry', async () => {
    route = (_req, res) => {
      json(
        res,
        400,
        assureError(400, 'Invalid request parameter', { code: 'invalid_request_parameter', invalidParams: [{ name: 'provider', reason: 'unknown' }] }),
      );
    };
    const error = (await clientWith()
      .createProcess(DOSSIER.dossierId, { provider: 'nope' as never })
      .catch((e: unknown) => e)) as AssureApiError;

    expect(error).toBeInstanceOf(AssureApiError);
    expect(error.status).toBe(400);
    expect(error.problem).toMatchObject({ title: 'Invalid request parameter', code: 'invalid_request_parameter' });
    expect(error.invalidParams).toEqual([{ name: 'provider', reason: 'unknown' }]);
    expect(error.message).toBe(`400 from /assure/dossiers/${DOSSIER.dossierId}/processes: Invalid request parameter (detail)`);
    expect(apiCalls()).toHaveLength(1);
  });

  it('when an answer is not Assure JSON, then the AssureApiError keeps the text and has no problem', async () => {
    route = (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>nope</h1>');
    const error = (await clientWith()
      .getDossier(DOSSIER.dossierId)
      .catch((e: unknown) => e)) as AssureApiError;
    expect(error).toMatchObject({ status: 404, body: '<h1>nope</h1>', problem: undefined, title: undefined });
  });

  it('when the token endpoint refuses the client, then it throws an OidcError and calls no API', async () => {
    const client = new AssureClient({
      baseUrl,
      clientId: 'x',
      clientSecret: 'y',
      fetch: (input, init) =>
        input.endsWith('/auth/open/connect/token')
          ? Promise.resolve(new Response(JSON.stringify({ error: 'invalid_client' }), { status: 401, headers: { 'content-type': 'application/json' } }))
          : fetch(input, init),
    });
    const error = await client.listDossiers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OidcError);
    expect(error).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(apiCalls()).toHaveLength(0);
  });

  it('when images, a zip and a 204 are read, then the bytes come with their content type and the bodies sent are JSON', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const zip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    route = (req, res) => {
      if (req.path.endsWith('/images/selfie')) res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      else if (req.path.endsWith('/download')) res.writeHead(200, { 'content-type': 'application/zip' }).end(zip);
      else res.writeHead(204).end();
    };
    const client = clientWith();

    expect(await client.getImage(DOSSIER.dossierId, PROCESS_ID, 'selfie')).toEqual({ contentType: 'image/png', bytes: new Uint8Array(png) });
    expect(await client.downloadFullResult(DOSSIER.dossierId, PROCESS_ID)).toEqual(new Uint8Array(zip));
    await client.setImages(DOSSIER.dossierId, PROCESS_ID, { front: 'data:image/png;base64,iVBORw0KGgo=' });

    const upload = apiCalls().at(-1)!;
    expect(upload).toMatchObject({
      method: 'POST',
      path: `/assure/dossiers/${DOSSIER.dossierId}/processes/${PROCESS_ID}/images`,
      contentType: 'application/json',
    });
    expect(JSON.parse(upload.body)).toEqual({ front: 'data:image/png;base64,iVBORw0KGgo=' });
  });

  it('when a process is waited for, then it is read every interval until its status is final', async () => {
    const statuses = ['pending', 'processing', 'accepted'];
    route = (_req, res) => {
      json(res, 200, processBody(statuses.shift() ?? 'accepted'));
    };
    let now = 0;
    const slept: number[] = [];
    const client = clientWith({
      now: () => now,
      sleep: (ms) => {
        slept.push(ms);
        now += ms;
        return Promise.resolve();
      },
    });

    const done = await client.waitForFinal(DOSSIER.dossierId, PROCESS_ID, { intervalMs: 500, timeoutMs: 10_000 });
    expect(done.status).toBe('accepted');
    expect(slept).toEqual([500, 500]);
    expect(apiCalls()).toHaveLength(3);
  });

  it('when a process does not finish in time, then waiting throws AssureWaitTimeout with the last process read', async () => {
    route = (_req, res) => {
      json(res, 200, processBody('processing'));
    };
    let now = 0;
    const client = clientWith({
      now: () => now,
      sleep: (ms) => {
        now += ms;
        return Promise.resolve();
      },
    });

    const error = await client.waitForFinal(DOSSIER.dossierId, PROCESS_ID, { intervalMs: 1000, timeoutMs: 2500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssureWaitTimeout);
    expect((error as AssureWaitTimeout).lastSeen.status).toBe('processing');
    expect(apiCalls()).toHaveLength(3); // at 0, 1000 and 2000 ms; the next would be past the deadline
  });
});
