import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZignSecClient } from '../../contracts/client/index.js';
import { DEFINITION_FILES } from '../../openapi/definitions.js';
import { adminApi } from '../helpers/admin-client.js';
import { DEMO, form, gatewayHeaders } from '../helpers/api-client.js';
import { startMock, type TestMock } from '../helpers/mock-server.js';
import { exitOf, ROOT } from '../helpers/process.js';
import { tempDir } from '../helpers/temp-dir.js';

const PRISM_START_MS = 90_000;
const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm run proxy -- --upstream URL --port N`, resolved once Prism says it listens. */
async function startProxy(upstream: string, port: number, definition?: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const args = [
    '--import',
    'tsx',
    'scripts/validating-proxy.ts',
    '--upstream',
    upstream,
    '--port',
    String(port),
    ...(definition ? ['--definition', definition] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Prism did not start in time:\n${output}`));
    }, PRISM_START_MS);
    const read = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Prism is listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      reject(new Error(`Prism exited with ${code}:\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child, output: () => output };
}

async function stopProxy(proxy: { child: ChildProcess } | undefined): Promise<void> {
  if (!proxy?.child || proxy.child.exitCode !== null) return;
  proxy.child.kill('SIGTERM');
  await exitOf(proxy.child);
}

/**
 * A mock behind `npm run proxy`, for one describe block. Prism forwards with the upstream's Host: the
 * mock's public URL makes discovery point back through Prism, so a whole flow stays on the proxy.
 */
function useProxiedMock(definition?: () => string) {
  const handle = {} as { mock: TestMock; url: string; child: ChildProcess; output: () => string };
  beforeAll(async () => {
    const port = await freePort();
    handle.mock = await startMock({ publicUrl: `http://127.0.0.1:${port}` });
    Object.assign(handle, await startProxy(handle.mock.baseUrl, port, definition?.()));
  }, PRISM_START_MS + 10_000);
  afterAll(async () => {
    // Either start may have failed: close what did start.
    const started: Partial<typeof handle> = handle;
    await stopProxy(handle);
    await started.mock?.close();
  });
  return handle;
}

interface Seen {
  method: string;
  url: string;
  status: number;
  violations: string | null;
}

/** fetch that remembers what each answer carried in `sl-violations`. */
function recordingFetch(seen: Seen[]) {
  return async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, init);
    seen.push({ method: init.method ?? 'GET', url, status: res.status, violations: res.headers.get('sl-violations') });
    return res;
  };
}

/** The reference client as demo-client, through the proxy, recording what it sends and gets. */
const demoClientThrough = (url: string, seen: Seen[]) =>
  new ZignSecClient({ baseUrl: url, clientId: DEMO.clientId, clientSecret: DEMO.secret, productKeys: DEMO.keys, fetch: recordingFetch(seen) });

describe('the validating proxy (Prism) in front of the mock', () => {
  const proxy = useProxiedMock();

  /** The phone's half straight to the mock (the device simulator is the control plane's). */
  const playPhone = async (sessionId: string) =>
    (await (
      await fetch(`${proxy.mock.baseUrl}/__admin/device`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sessionId }),
      })
    ).json()) as { livenessTransactionId: string; documentTransactionId: string };

  it("when the reference client's flow runs through the proxy, then every call passes through it and none has a violation", async () => {
    const seen: Seen[] = [];
    const client = demoClientThrough(proxy.url, seen);

    const session = await client.createSession();
    const phone = await playPhone(session.id);
    await client.bindLiveness(session.id, phone.livenessTransactionId);
    await client.bindDocument(session.id, phone.documentTransactionId);
    await client.ping('docreader');
    await client.ping('faceapi');

    // Then the backend's Regula calls through Regula's web clients, through the proxy.
    const flow = await client.createSession();
    const { livenessTransactionId: live, documentTransactionId: doc } = await playPhone(flow.id);
    await client.bindLiveness(flow.id, live);
    await client.bindDocument(flow.id, doc);
    const reprocessed = await client.reprocess(doc, { livePortrait: live });
    const results = await client.results(doc, false);
    const liveness = await client.liveness(live);

    expect(reprocessed).toMatchObject({ transactionId: doc, tag: flow.id });
    expect(results.status?.overallStatus).toBe(1);
    expect(liveness).toMatchObject({ status: 0, transactionId: live });
    expect(seen.map((s) => `${s.method} ${new URL(s.url).pathname}${new URL(s.url).search} ${s.status}`)).toEqual([
      'GET /auth/realms/zignsec/.well-known/openid-configuration 200',
      'POST /auth/realms/zignsec/protocol/openid-connect/token 200',
      'POST /mobilesdk/sessions 200',
      `POST /mobilesdk/sessions/${session.id}/liveness/transactions/${seen[3] && new URL(seen[3].url).pathname.split('/').pop()} 204`,
      `POST /mobilesdk/sessions/${session.id}/transactions/${seen[4] && new URL(seen[4].url).pathname.split('/').pop()} 204`,
      'GET /mobilesdk/docreader/api/ping 200',
      'GET /mobilesdk/faceapi/api/ping 200',
      'POST /mobilesdk/sessions 200',
      `POST /mobilesdk/sessions/${flow.id}/liveness/transactions/${live} 204`,
      `POST /mobilesdk/sessions/${flow.id}/transactions/${doc} 204`,
      `POST /mobilesdk/docreader/api/v2/transaction/${doc}/process 200`,
      `GET /mobilesdk/docreader/api/v2/transaction/${doc}/results?withImages=false 200`,
      `GET /mobilesdk/faceapi/api/v2/liveness?transactionId=${live} 200`,
    ]);
    expect(seen.every((s) => s.url.startsWith(proxy.url))).toBe(true);
    expect(seen.filter((s) => s.violations !== null)).toEqual([]);
  });

  it('when the device simulator plays the phone through the proxy, then each SDK call passes and Prism reports no violation', async () => {
    const client = new ZignSecClient({ baseUrl: proxy.url, clientId: DEMO.clientId, clientSecret: DEMO.secret, productKeys: DEMO.keys });
    const session = await client.createSession();
    const before = proxy.output().length;

    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/device.ts', '--base', proxy.url, '--session', session.id, '--liveness', 'active', '--json'],
      { cwd: ROOT },
    );
    const { livenessTransactionId: live, documentTransactionId: doc } = JSON.parse(stdout) as { livenessTransactionId: string; documentTransactionId: string };
    await client.bindLiveness(session.id, live);
    await client.bindDocument(session.id, doc);

    const info = await client.liveness(live);
    expect(info).toMatchObject({ transactionId: live, type: 0 });
    // Its portrait link points back through the proxy, which checks that answer too.
    const token = (
      (await (
        await fetch(
          `${proxy.url}/auth/realms/zignsec/protocol/openid-connect/token`,
          form({ grant_type: 'client_credentials', client_id: DEMO.clientId, client_secret: DEMO.secret }),
        )
      ).json()) as { access_token: string }
    ).access_token;
    expect(info.portrait?.startsWith(`${proxy.url}/mobilesdk/faceapi/storage/`)).toBe(true);
    const portrait = await fetch(info.portrait!, { headers: gatewayHeaders(token, DEMO.keys[0]) });
    expect([portrait.status, portrait.headers.get('content-type'), portrait.headers.get('sl-violations')]).toEqual([200, 'image/png', null]);
    // Prism logs every request it validated, and each violation it found, with its own words.
    const log = proxy.output().slice(before);
    expect(log).toMatch(/liveness\/start/);
    expect(log).not.toMatch(/[Vv]iolation|Request did not pass|did not pass the validation/);
  });

  describe('error answers', () => {
    const admin = () => adminApi(proxy.mock.baseUrl);
    const token = async (clientId: string, secret: string, scenario?: string) => {
      const init = form({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
      if (scenario) (init.headers as Record<string, string>)['x-mock-scenario'] = scenario;
      return ((await (await fetch(`${proxy.url}/auth/realms/zignsec/protocol/openid-connect/token`, init)).json()) as { access_token: string }).access_token;
    };
    const through = async (path: string, init: RequestInit = {}) => fetch(`${proxy.url}${path}`, init);

    /** A demo-client session (under `scenario`), the device's transactions for it straight from the mock, bound unless told not to. */
    const regulaFlow = async (scenario?: string, bind = true) => {
      const headers = gatewayHeaders(await token('demo-client', 'demo-secret'), 'demo-key-1');
      const session = (await (
        await through('/mobilesdk/sessions', { method: 'POST', headers: scenario ? { ...headers, 'x-mock-scenario': scenario } : headers })
      ).json()) as { id: string };
      const device = (await (
        await fetch(`${proxy.mock.baseUrl}/__admin/device`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sessionId: session.id }),
        })
      ).json()) as { livenessTransactionId: string; documentTransactionId: string };
      if (bind) {
        await through(`/mobilesdk/sessions/${session.id}/liveness/transactions/${device.livenessTransactionId}`, { method: 'POST', headers });
        await through(`/mobilesdk/sessions/${session.id}/transactions/${device.documentTransactionId}`, { method: 'POST', headers });
      }
      const reprocess = () =>
        through(`/mobilesdk/docreader/api/v2/transaction/${device.documentTransactionId}/process`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            processParam: { scenario: 'FullAuth', useFaceApi: true, faceApi: { mode: 'match', threshold: 75 } },
            livePortrait: device.livenessTransactionId,
          }),
        });
      return { headers, doc: device.documentTransactionId, reprocess };
    };

    const cases: Array<[string, number | number[], () => Promise<Response>]> = [
      [
        'a wrong client secret',
        401,
        () =>
          through(
            '/auth/realms/zignsec/protocol/openid-connect/token',
            form({ grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'nope' }),
          ),
      ],
      [
        'another grant type',
        400,
        () =>
          through(
            '/auth/realms/zignsec/protocol/openid-connect/token',
            form({ grant_type: 'password', client_id: 'demo-client', client_secret: 'demo-secret' }),
          ),
      ],
      ['the JWKS', 200, () => through('/auth/realms/zignsec/protocol/openid-connect/certs')],
      [
        'introspecting a live token',
        200,
        async () =>
          through(
            '/auth/realms/zignsec/protocol/openid-connect/token/introspect',
            form({ token: await token('demo-client', 'demo-secret'), client_id: 'demo-client', client_secret: 'demo-secret' }),
          ),
      ],
      [
        'introspecting garbage',
        200,
        () =>
          through(
            '/auth/realms/zignsec/protocol/openid-connect/token/introspect',
            form({ token: 'garbage', client_id: 'demo-client', client_secret: 'demo-secret' }),
          ),
      ],
      [
        'an unknown X-Mock-Scenario on session create',
        400,
        async () =>
          through('/mobilesdk/sessions', {
            method: 'POST',
            headers: { ...gatewayHeaders(await token('demo-client', 'demo-secret'), 'demo-key-1'), 'x-mock-scenario': 'no-such-scenario' },
          }),
      ],
      [
        'a session that does not exist',
        404,
        async () =>
          through(`/mobilesdk/sessions/nope/transactions/${randomUUID()}`, {
            method: 'POST',
            headers: gatewayHeaders(await token('demo-client', 'demo-secret'), 'demo-key-1'),
          }),
      ],
      [
        'a transaction bound to another session',
        409,
        async () => {
          const headers = gatewayHeaders(await token('demo-client', 'demo-secret'), 'demo-key-1');
          const [a, b] = await Promise.all(
            [1, 2].map(async () => (await (await through('/mobilesdk/sessions', { method: 'POST', headers })).json()) as { id: string }),
          );
          const started = await through('/mobilesdk/docreader/api/v2/transaction/start', {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: '{}',
          });
          const tx = ((await started.json()) as { transactionId: string }).transactionId;
          await through(`/mobilesdk/sessions/${a!.id}/transactions/${tx}`, { method: 'POST', headers });
          return through(`/mobilesdk/sessions/${b!.id}/transactions/${tx}`, { method: 'POST', headers });
        },
      ],
      [
        'a revoked product key',
        401,
        async () => {
          const client = await admin().newClient();
          await admin().revokeKey(client.clientId, client.productKeys[0]!);
          return through('/mobilesdk/docreader/api/ping', { headers: gatewayHeaders(await token(client.clientId, client.secret), client.productKeys[0]!) });
        },
      ],
      [
        'a key rotated away under key-rotation;status=403',
        403,
        async () => {
          const client = await admin().newClient();
          const headers = gatewayHeaders(await token(client.clientId, client.secret, 'key-rotation;calls=1;status=403'), client.productKeys[0]!);
          await through('/mobilesdk/faceapi/api/ping', { headers });
          return through('/mobilesdk/faceapi/api/ping', { headers });
        },
      ],
      [
        'an expired token',
        401,
        async () => {
          const client = await admin().newClient();
          const headers = gatewayHeaders(await token(client.clientId, client.secret, 'token-expiry;lifetimeSeconds=5'), client.productKeys[0]!);
          await admin().advance(6);
          try {
            return await through('/mobilesdk/docreader/api/ping', { headers });
          } finally {
            await admin().resetClock();
          }
        },
      ],
      [
        'the unavailable scenario',
        503,
        async () => through('/mobilesdk/faceapi/api/ping', { headers: gatewayHeaders(await token('demo-client', 'demo-secret', 'unavailable'), 'demo-key-1') }),
      ],
      [
        'the rate-limited scenario',
        429,
        async () =>
          through('/mobilesdk/sessions', { method: 'POST', headers: gatewayHeaders(await token('demo-client', 'demo-secret', 'rate-limited'), 'demo-key-1') }),
      ],
      ['reprocessing a transaction that is not bound (zero trust)', 403, async () => (await regulaFlow(undefined, false)).reprocess()],
      ['reprocessing under the failed scenario', 400, async () => (await regulaFlow('failed')).reprocess()],
      ['reprocessing under rejected;variant=face-mismatch', 200, async () => (await regulaFlow('rejected;variant=face-mismatch')).reprocess()],
      ['reprocessing under inconclusive', 200, async () => (await regulaFlow('inconclusive')).reprocess()],
      [
        'the results of a transaction not yet reprocessed',
        400,
        async () => {
          const flow = await regulaFlow();
          return through(`/mobilesdk/docreader/api/v2/transaction/${flow.doc}/results`, { headers: flow.headers });
        },
      ],
      [
        'a file that is not in the result',
        404,
        async () => {
          const flow = await regulaFlow();
          await flow.reprocess();
          return through(`/mobilesdk/docreader/api/v2/transaction/${flow.doc}/file?name=nope.png`, { headers: flow.headers });
        },
      ],
      [
        'the flaky scenario',
        [502, 503],
        async () =>
          through(`/mobilesdk/sessions/x/liveness/transactions/${randomUUID()}`, {
            method: 'POST',
            headers: gatewayHeaders(await token('demo-client', 'demo-secret', 'flaky;share=1'), 'demo-key-1'),
          }),
      ],
    ];

    it.each(cases)('when the mock answers %s through the proxy, then the answer fits the definition', async (_name, status, send) => {
      const res = await send();
      expect([status].flat()).toContain(res.status);
      expect(res.headers.get('sl-violations')).toBeNull();
    });
  });
});

describe('the validating proxy with a definition that disagrees with the mock', () => {
  // The same definition, but a session's uniqueId must be 15 characters: the mock's are 14.
  const proxy = useProxiedMock(() => {
    const text = readFileSync(DEFINITION_FILES.gateway, 'utf8');
    const tampered = text.replace("pattern: '^[A-Za-z0-9_-]{14}$'", () => "pattern: '^[A-Za-z0-9_-]{15}$'");
    if (tampered === text) throw new Error('the uniqueId pattern is no longer in gateway.yaml: update this test');
    // Beside a link to Regula's definitions, which the gateway's Regula bodies reference as ./regula/.
    const dir = tempDir('zignsec-openapi-');
    symlinkSync(join(dirname(DEFINITION_FILES.gateway), 'regula'), join(dir, 'regula'));
    const file = join(dir, 'gateway.yaml');
    writeFileSync(file, tampered);
    return file;
  });

  it('when a session is created through it, then the answer carries the violation', async () => {
    const seen: Seen[] = [];
    const client = demoClientThrough(proxy.url, seen);

    await expect(client.createSession()).rejects.toMatchObject({ status: 500 });

    const violations = JSON.parse(seen.at(-1)!.violations ?? '[]') as Array<{ location: string[]; code: string }>;
    expect(violations).toEqual([expect.objectContaining({ location: ['response', 'body', 'uniqueId'], code: 'pattern' })]);
  });
});
