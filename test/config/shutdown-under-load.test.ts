import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startMock } from '../helpers/mock-server.js';

interface Tally {
  ok: number;
  refused: number;
  errors: string[];
}

/** Like autocannon: each connection sends its next request as soon as the last answer is in, until it is told 503. */
async function keepAliveLoad(baseUrl: string, connections: number, tally: Tally): Promise<void> {
  const { port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/__admin/health', agent }, (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      });
      req.on('error', reject);
    });
  const loop = async () => {
    for (;;) {
      try {
        const status = await once();
        if (status === 503) {
          tally.refused++;
          return;
        }
        tally.ok++;
      } catch (e) {
        return void tally.errors.push((e as NodeJS.ErrnoException).code ?? String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  agent.destroy();
}

describe('shutdown under keep-alive load', () => {
  it('when SIGTERM comes while 50 kept-alive connections send requests back to back, then none is reset: each gets its answer or the 503', async () => {
    const mock = await startMock({ limits: { drainQuietMs: 1000 } });
    const tally: Tally = { ok: 0, refused: 0, errors: [] };
    let connected = 0;
    mock.server.on('connection', () => connected++);
    const load = keepAliveLoad(mock.baseUrl, 50, tally);
    // As autocannon does, the connections are open and busy before the signal comes.
    while (connected < 50 || tally.ok < 1000) await new Promise((resolve) => setTimeout(resolve, 20));

    await mock.close();
    await load;

    expect(tally.errors).toEqual([]);
    expect(tally.ok).toBeGreaterThanOrEqual(1000);
    expect(tally.refused).toBe(50);
  });
});
