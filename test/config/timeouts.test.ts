import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/api-client.js';
import { startMock, useMockServer } from '../helpers/mock-server.js';

/** Opens a socket, writes `text` and never more; answers how long until the server closed it (ms). */
function stall(port: number, text: string): { closedAfter: Promise<number>; socket: Socket } {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1', () => socket.write(text));
  socket.on('data', () => {});
  socket.on('error', () => {});
  return {
    socket,
    closedAfter: new Promise((resolve) =>
      socket.on('close', () => {
        resolve(Date.now() - started);
      }),
    ),
  };
}

describe('slow clients', () => {
  const mock = useMockServer({ limits: { headersTimeoutMs: 1000, requestTimeoutMs: 2000 } });

  it('when 200 sockets trickle their headers (slowloris), then each is closed within a second of headersTimeout, and others are served meanwhile', async () => {
    const { port } = new URL(mock.baseUrl);
    const stalled = Array.from({ length: 200 }, () => stall(Number(port), 'GET /__admin/health HTTP/1.1\r\nHost: x\r\n'));

    expect((await call(`${mock.baseUrl}/__admin/health`)).status).toBe(200);
    const times = await Promise.all(stalled.map((s) => s.closedAfter));

    expect(Math.min(...times)).toBeGreaterThanOrEqual(950);
    expect(Math.max(...times)).toBeLessThan(2600);
  });

  it('when a body is sent too slowly, then the socket is closed within a second of requestTimeout', async () => {
    const { port } = new URL(mock.baseUrl);
    const slow = stall(Number(port), 'POST /__admin/clients HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"cl');

    const closedAfter = await slow.closedAfter;

    expect(closedAfter).toBeGreaterThanOrEqual(1950);
    expect(closedAfter).toBeLessThan(3300);
  });
});

describe('timeouts on the embedded defaults', () => {
  it('when the mock starts with no timeout settings, then node checks them every second (not every 30 s)', async () => {
    const mock = await startMock();
    try {
      expect(mock.server.headersTimeout).toBe(10_000);
      expect(mock.server.requestTimeout).toBe(60_000);
      expect((mock.server as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval).toBe(1000);
    } finally {
      await mock.close();
    }
  });
});
