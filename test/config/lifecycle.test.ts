import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/api-client.js';
import { startMock } from '../helpers/mock-server.js';
import { exitOf, listeningUrl, spawnMock } from '../helpers/process.js';

describe('start and stop', () => {
  it('when started as npm start does, then it prints the base URL and demo credentials, is healthy, and SIGTERM exits 0', async () => {
    const child = spawnMock(['--port', '0']);
    const baseUrl = await listeningUrl(child);

    expect(child.output()).toMatch(/demo-client \/ demo-secret/);
    expect(child.output()).toMatch(/demo-key-1, demo-key-2/);
    expect((await call(`${baseUrl}/__admin/health`)).body).toMatchObject({ status: 'UP', store: 'memory' });

    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });

  it('when --public-url is set, then the issuer and every advertised URL use it', async () => {
    const child = spawnMock(['--port', '0', '--public-url', 'https://mock.example.test/gw']);
    const baseUrl = await listeningUrl(child);
    try {
      const { body } = await call(`${baseUrl}/auth/realms/zignsec/.well-known/openid-configuration`);
      expect(body.issuer).toBe('https://mock.example.test/gw/auth/realms/zignsec');
      expect(body.jwks_uri).toBe('https://mock.example.test/gw/auth/realms/zignsec/protocol/openid-connect/certs');
    } finally {
      child.kill('SIGINT');
      expect(await exitOf(child)).toBe(0);
    }
  });

  it('when shutdown starts during a request, then that request still completes and new ones are refused', async () => {
    const mock = await startMock();
    const { port } = new URL(mock.baseUrl);
    const body = 'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret';

    const started = new Promise((resolve) => mock.server.once('request', resolve));
    let finish = () => {};
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/auth/realms/zignsec/protocol/openid-connect/token',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, text });
          });
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      finish = () => req.end(body.slice(10));
    });
    await started;
    const closed = mock.close();
    finish();

    const res = await inFlight;
    await closed;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).token_type).toBe('Bearer');
    await expect(fetch(`${mock.baseUrl}/__admin/health`)).rejects.toThrow();
  });
});
