import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainingGate } from '../../mock-server/pipeline/draining-gate.js';

describe('draining gate', () => {
  const lifecycle = { draining: false };
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer(drainingGate((_req, res) => res.end('served'), lifecycle));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  );

  it('when the mock is serving, then requests reach the app', async () => {
    lifecycle.draining = false;
    expect(await (await fetch(url)).text()).toBe('served');
  });

  it('when the mock is draining, then a request gets 503, Retry-After and a closed connection, and never reaches the app', async () => {
    lifecycle.draining = true;
    const res = await fetch(url);
    expect(res.status).toBe(503);
    expect(res.headers.get('connection')).toBe('close');
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({ statusCode: 503, message: 'Service is shutting down.' });
  });
});
