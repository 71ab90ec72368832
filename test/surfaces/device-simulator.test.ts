import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readDecision } from '../../fixtures/docreader/index.js';
import { useMockServer } from '../helpers/mock-server.js';
import { call } from '../helpers/api-client.js';
import { ROOT } from '../helpers/process.js';
import { backend, reprocessBody } from '../helpers/regula-flow.js';
import { adminApi } from '../helpers/admin-client.js';
import { fetchToken } from '../helpers/api-client.js';

const run = promisify(execFile);
/** The simulator as `npm run device` runs it, with only the given environment added (no PORT or base URL inherited). */
const device = (args: string[], env: Record<string, string> = {}) => {
  const { PORT: _port, ZIGNSEC_MOCK_URL: _url, ...inherited } = process.env;
  return run(process.execPath, ['--import', 'tsx', 'scripts/device.ts', ...args], { cwd: ROOT, env: { ...inherited, ...env } });
};
const credentials = (client: { clientId: string; secret: string; productKeys: string[] }) => [
  '--client',
  client.clientId,
  // The `=` form: generated secrets are base64url and may start with '-'.
  `--secret=${client.secret}`,
  '--key',
  client.productKeys[0]!,
];

describe('device simulator', () => {
  const mock = useMockServer();

  async function newBackend() {
    const client = await adminApi(mock.baseUrl).newClient();
    return { client, api: backend(mock, client, await fetchToken(mock.realmUrl, client)) };
  }

  it('when `npm run device` plays the phone for a session, then the backend binds and reprocesses what it printed', async () => {
    const { client, api } = await newBackend();
    const session = (await api.createSession()).body.id as string;

    const { stdout } = await device(['--base', mock.baseUrl, '--session', session, ...credentials(client), '--scenario', 'rejected;variant=expired', '--json']);
    const printed = JSON.parse(stdout) as { livenessTransactionId: string; documentTransactionId: string; livenessStatus: number };

    expect(printed.livenessStatus).toBe(0);
    expect((await api.bindLiveness(session, printed.livenessTransactionId)).status).toBe(204);
    expect((await api.bindDocument(session, printed.documentTransactionId)).status).toBe(204);
    const res = await api.reprocess(printed.documentTransactionId, reprocessBody(printed.livenessTransactionId));
    expect(res.status).toBe(200);
    expect(readDecision(res.body)).toMatchObject({ overallStatus: 0, docValidity: 0 });
  });

  it('when the device is told to run an active liveness, then the liveness transaction says so', async () => {
    const { api } = await newBackend();
    const session = (await api.createSession()).body.id as string;
    const device = await call(`${mock.baseUrl}/__admin/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: session, liveness: 'active' }),
    });
    expect(device.status).toBe(201);
    await api.bindLiveness(session, device.body.livenessTransactionId);
    expect((await api.liveness(device.body.livenessTransactionId)).body).toMatchObject({ type: 0, status: 0 });
  });

  it('when the session does not exist, then the admin device answers 404 and the CLI exits 1 saying why, having made nothing', async () => {
    const { client } = await newBackend();
    const missing = await call(`${mock.baseUrl}/__admin/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: 'nope' }),
    });
    expect(missing.status).toBe(404);
    expect((await call(`${mock.baseUrl}/__admin/sessions/nope`)).status).toBe(404);

    await expect(device(['--base', mock.baseUrl, '--session', 'nope', ...credentials(client)])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^device: no session nope at http:\/\/127\.0\.0\.1:\d+/),
    });
    const made = await adminApi(mock.baseUrl).requests({ clientId: client.clientId });
    expect(made.body.requests.filter((e: { path: string }) => e.path.includes('/transaction') || e.path.includes('/liveness'))).toEqual([]);
  });

  it("when the session is another client's, then the CLI exits 1: its transactions could not be bound", async () => {
    const { api } = await newBackend();
    const session = (await api.createSession()).body.id as string;
    const { client: other } = await newBackend();
    await expect(device(['--base', mock.baseUrl, '--session', session, ...credentials(other)])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/belongs to client .*, not /),
    });
  });

  it('when --session is missing, then the CLI exits 2 with the usage', async () => {
    await expect(device(['--base', mock.baseUrl])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--session ID is required[\s\S]*Usage: npm run device/),
    });
  });

  it('when --help is given, then it prints the usage, naming every option and the environment, and exits 0', async () => {
    const { stdout, stderr } = await device(['--help']);
    expect(stderr).toBe('');
    for (const word of ['Usage:', '--session', '--base', '--client', '--secret', '--key', '--scenario', '--liveness', '--json', 'ZIGNSEC_MOCK_URL', 'PORT'])
      expect(stdout).toContain(word);
  });

  it.each([
    [['--session', 'x', '--nope'], /Unknown option '--nope'/],
    [['--session', 'x', '--secret'], /'--secret <value>' argument missing/],
    [['--session', 'x', '--client', '--json'], /'--client' argument is ambiguous/],
    [['--session', 'x', 'stray'], /Unexpected argument 'stray'/],
    [['--session', 'x', '--liveness', 'sleepy'], /--liveness must be passive or active/],
  ])('when the command line is %j, then it says what is wrong, prints the usage, and exits 2 without a stack trace', async (args, message) => {
    const failed = await device(args).then(
      () => undefined,
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(message);
    expect(failed?.stderr).toMatch(/Usage: npm run device/);
    expect(failed?.stderr).not.toMatch(/\n\s+at |ERR_PARSE_ARGS/);
  });

  it("when the client's secret starts with '-', then `--secret -…` is taken as its value", async () => {
    const client = await adminApi(mock.baseUrl).newClient({ secret: '-starts-with-a-dash' });
    const api = backend(mock, client, await fetchToken(mock.realmUrl, client));
    const session = (await api.createSession()).body.id as string;
    const { stdout } = await device([
      '--base',
      mock.baseUrl,
      '--session',
      session,
      '--client',
      client.clientId,
      '--secret',
      '-starts-with-a-dash',
      '--key',
      client.productKeys[0]!,
      '--json',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ session, livenessStatus: 0 });
  });

  it('when ZIGNSEC_MOCK_URL or PORT is set and --base is not, then the device talks to that mock; --base wins over both', async () => {
    const { client, api } = await newBackend();
    const session = (await api.createSession()).body.id as string;
    const { port } = new URL(mock.baseUrl);

    expect(JSON.parse((await device(['--session', session, ...credentials(client), '--json'], { ZIGNSEC_MOCK_URL: mock.baseUrl })).stdout)).toMatchObject({
      session,
    });
    expect(JSON.parse((await device(['--session', session, ...credentials(client), '--json'], { PORT: port })).stdout)).toMatchObject({ session });
    // A base URL nothing listens on (port 9 is discard, closed on loopback) loses to --base.
    expect(
      JSON.parse(
        (await device(['--base', mock.baseUrl, '--session', session, ...credentials(client), '--json'], { ZIGNSEC_MOCK_URL: 'http://127.0.0.1:9', PORT: '9' }))
          .stdout,
      ),
    ).toMatchObject({ session });
    await expect(device(['--session', session, ...credentials(client)], { ZIGNSEC_MOCK_URL: 'http://127.0.0.1:9' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot reach the mock at http:\/\/127\.0\.0\.1:9/),
    });
  });
});
