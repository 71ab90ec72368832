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

describe('device simulator', () => {
  const mock = useMockServer();

  async function newBackend() {
    const client = await adminApi(mock.baseUrl).newClient();
    return { client, api: backend(mock, client, await fetchToken(mock.realmUrl, client)) };
  }

  it('when `npm run device` plays the phone for a session, then the backend binds and reprocesses what it printed', async () => {
    const { client, api } = await newBackend();
    const session = (await api.createSession()).body.id as string;

    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/device.ts', '--base', mock.baseUrl, '--session', session, '--client', client.clientId, '--secret', client.secret, '--key', client.productKeys[0]!, '--scenario', 'rejected;variant=expired', '--json'],
      { cwd: ROOT },
    );
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
    const device = await call(`${mock.baseUrl}/__admin/device`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: session, liveness: 'active' }) });
    expect(device.status).toBe(201);
    await api.bindLiveness(session, device.body.livenessTransactionId);
    expect((await api.liveness(device.body.livenessTransactionId)).body).toMatchObject({ type: 0, status: 0 });
  });

  it('when the session does not exist, then the admin device answers 404 and the CLI exits non-zero saying why', async () => {
    const missing = await call(`${mock.baseUrl}/__admin/device`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: 'nope' }) });
    expect(missing.status).toBe(404);
    await expect(run(process.execPath, ['--import', 'tsx', 'scripts/device.ts', '--base', mock.baseUrl], { cwd: ROOT })).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/--session ID is required/) });
  });
});
