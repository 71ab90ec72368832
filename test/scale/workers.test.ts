import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { get as getTls } from 'node:https';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, DEMO, fetchToken, gateway } from '../helpers/api-client.js';
import { exitOf, listeningUrl, spawnMock } from '../helpers/process.js';
import { useRedis } from '../helpers/redis-server.js';
import { tempDir } from '../helpers/temp-dir.js';
import { trustingFetch } from '../helpers/tls-client.js';

/** A ping on a connection of its own (fetch would keep one alive, and the cluster balances connections, not requests). */
function pingAlone(base: string, token: string, ca?: string): Promise<{ status: number; instance: string }> {
  return new Promise((resolve, reject) => {
    const send = ca === undefined ? get : getTls;
    const options = {
      agent: false,
      headers: { authorization: `Bearer ${token}`, 'zs-product-key': DEMO.keys[0] },
      ...(ca === undefined ? {} : { ca }),
    } as const;
    send(`${base}/mobilesdk/docreader/api/ping`, options, (res) => {
      res.resume();
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, instance: String(res.headers['x-mock-instance']) });
      });
    }).on('error', reject);
  });
}

/** `--workers N`: node:cluster workers on one port, one gateway through the shared store. */
describe('--workers', () => {
  const redis = useRedis();

  it('refuses to start with the in-memory store, saying why', async () => {
    const child = spawnMock(['--port', '0', '--workers', '2'], { LOG_LEVEL: 'silent' });
    expect(await exitOf(child)).toBe(2);
    expect(child.output()).toMatch(/2 workers need a shared store \(--store redis:\/\/HOST:PORT or STORE_URL\)/);
  });

  it('serves from two workers on one port as one gateway, and stops on SIGTERM', async () => {
    const namespace = `workers-${randomUUID().slice(0, 8)}`;
    const child = spawnMock(['--port', '0', '--workers', '2', '--store', redis.url], { LOG_LEVEL: 'silent', STORE_NAMESPACE: namespace });
    try {
      const base = await listeningUrl(child);
      expect(child.output()).toMatch(/workers: {4}2/);
      const realm = `${base}/auth/realms/zignsec`;
      const instances = new Set<string>();
      // New connections go round-robin over the workers; a token from either works on both.
      const token = await fetchToken(realm, DEMO);
      for (let i = 0; i < 20 && instances.size < 2; i++) {
        const ping = await pingAlone(base, token);
        expect(ping.status).toBe(200);
        instances.add(ping.instance);
      }
      expect(instances.size).toBe(2);
      const api = gateway(base, token, DEMO.keys[0]);
      const session = await api.createSession();
      expect(session.status).toBe(200);
      const tx = await api.startTransaction('document');
      expect((await api.bindDocument(session.body.id as string, tx)).status).toBeLessThan(300);
      expect((await call(`${base}/__admin/health`)).body.store).toBe('redis');
    } finally {
      child.kill('SIGTERM');
      expect(await exitOf(child)).toBe(0);
    }
  });

  it('serves HTTPS from every worker with the one development CA the primary made', async () => {
    const dir = join(tempDir('zs-workers-tls-'), 'tls');
    const namespace = `workers-${randomUUID().slice(0, 8)}`;
    const child = spawnMock(['--port', '0', '--workers', '2', '--store', redis.url, '--https'], {
      LOG_LEVEL: 'silent',
      STORE_NAMESPACE: namespace,
      HTTPS_DIR: dir,
    });
    try {
      const base = await listeningUrl(child);
      expect(base).toMatch(/^https:/);
      const ca = readFileSync(join(dir, 'ca.pem'), 'utf8');
      const client = trustingFetch(ca);
      const token = await client.fetch(`${base}/auth/realms/zignsec/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO.clientId, client_secret: DEMO.secret }).toString(),
      });
      const { access_token } = (await token.json()) as { access_token: string };
      await client.close();
      // The token's https issuer is pinned by both workers.
      const instances = new Set<string>();
      for (let i = 0; i < 20 && instances.size < 2; i++) {
        const ping = await pingAlone(base, access_token, ca);
        expect(ping.status).toBe(200);
        instances.add(ping.instance);
      }
      expect(instances.size).toBe(2);
      expect(child.output().match(/CA SHA-256:/g)).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
      expect(await exitOf(child)).toBe(0);
    }
  });
});
