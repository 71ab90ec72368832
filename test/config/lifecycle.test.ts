import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/api-client.js';
import { startMock } from '../helpers/mock-server.js';
import { exitOf, listeningUrl, spawnMock } from '../helpers/process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { trustingFetch } from '../helpers/tls-client.js';

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

  it('when started with --https, then the banner says https:// and the CA fingerprint, and a second start keeps that CA', async () => {
    const dir = join(tempDir('zs-https-'), 'tls');
    const start = async () => {
      const child = spawnMock(['--port', '0', '--https'], { HTTPS_DIR: dir, LOG_LEVEL: 'silent' });
      const baseUrl = await listeningUrl(child);
      const printed = /CA SHA-256: ([0-9A-F:]{95})/.exec(child.output())?.[1];
      return { child, baseUrl, printed };
    };
    const first = await start();
    const caPem = readFileSync(join(dir, 'ca.pem'), 'utf8');
    const client = trustingFetch(caPem);
    try {
      expect(first.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(first.printed).toBe(new X509Certificate(caPem).fingerprint256);
      expect(first.child.output()).toContain(`CA:         ${join(dir, 'ca.pem')} (new`);
      expect(first.child.output()).toContain(`NODE_EXTRA_CA_CERTS=${join(dir, 'ca.pem')}`);
      expect(first.child.output()).toMatch(/discovery: {2}https:\/\/127\.0\.0\.1:\d+\/auth\/realms\/zignsec\/\.well-known\/openid-configuration/);
      expect(((await (await client.fetch(`${first.baseUrl}/__admin/health`)).json()) as { status: string }).status).toBe('UP');
    } finally {
      first.child.kill('SIGTERM');
      expect(await exitOf(first.child)).toBe(0);
    }

    const second = await start();
    try {
      expect(second.printed).toBe(first.printed);
      expect(second.child.output()).not.toMatch(/\(new/);
      expect((await client.fetch(`${second.baseUrl}/__admin/health`)).status).toBe(200);
    } finally {
      await client.close();
      second.child.kill('SIGTERM');
      expect(await exitOf(second.child)).toBe(0);
    }
  });

  it('when --https is given a certificate file that is not there, then it exits 2 saying which, without a stack trace', async () => {
    const dir = tempDir('zs-https-');
    const child = spawnMock(['--port', '0', '--https', '--https-cert', join(dir, 'missing.pem'), '--https-key', join(dir, 'key.pem')], { LOG_LEVEL: 'silent' });
    expect(await exitOf(child)).toBe(2);
    expect(child.output()).toBe(`zignsec-mock: https.certFile ${join(dir, 'missing.pem')}: cannot read it (no such file)\n`);
  });
});
