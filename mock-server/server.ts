import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Deps } from './deps.js';
import { drainingGate } from './pipeline/draining-gate.js';

export interface RunningMock {
  server: Server;
  baseUrl: string;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes every socket. */
  close(): Promise<void>;
}

/** Listens with the timeouts a load-test target needs (slow clients cannot pin sockets forever). */
export async function startServer(deps: Deps, host: string, port: number): Promise<RunningMock> {
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 60_000, keepAliveTimeout: 72_000 }, drainingGate(createApp(deps), deps.lifecycle));
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
    closing ??= new Promise<void>((resolve) => {
      deps.lifecycle.draining = true;
      const force = setTimeout(() => server.closeAllConnections(), deps.config.limits.shutdownGraceMs);
      // Sockets whose last request finishes during the drain become idle: close them as they do.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        clearInterval(sweep);
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { server, baseUrl, close };
}
