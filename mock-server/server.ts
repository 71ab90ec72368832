import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Deps } from './deps.js';
import { drainingGate } from './pipeline/draining-gate.js';
import { drain, trackSockets } from './pipeline/graceful-drain.js';

export interface RunningMock {
  server: Server;
  baseUrl: string;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes every socket. */
  close(): Promise<void>;
}

/**
 * Node checks header and request timeouts every `connectionsCheckingInterval` (30 s by default), so a
 * 10 s headers timeout would fire at up to 40 s; checking every second keeps each within a second of its value.
 */
const TIMEOUT_CHECK_MS = 1000;

/** Listens with the timeouts a load-test target needs (slow clients cannot pin sockets forever). */
export async function startServer(deps: Deps, host: string, port: number): Promise<RunningMock> {
  const { limits } = deps.config;
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_MS, limits.headersTimeoutMs),
    },
    drainingGate(createApp(deps), deps.lifecycle),
  );
  const sockets = trackSockets(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port: bound } = server.address() as AddressInfo;
  const baseUrl = `http://${address.includes(':') ? `[${address}]` : address}:${bound}`;
  let closing: Promise<void> | undefined;
  const close = () => {
    if (!closing) {
      deps.lifecycle.draining = true;
      closing = drain(server, sockets, { graceMs: limits.shutdownGraceMs, quietMs: limits.drainQuietMs });
    }
    return closing;
  };
  return { server, baseUrl, close };
}
