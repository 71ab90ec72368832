import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { realmPath } from './auth/realm-urls.js';
import type { Deps } from './deps.js';
import { drainingGate } from './pipeline/draining-gate.js';

export interface RunningMock {
  server: Server;
  baseUrl: string;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes every socket. */
  close(): Promise<void>;
}

/** The base URLs a client on this machine reaches the bound address by: the address itself, and the loopback names when it is loopback or any. */
function reachableAt(address: string, port: number, baseUrl: string): string[] {
  const loopback = /^127\./.test(address) || address === '::1' || address === '0.0.0.0' || address === '::';
  if (!loopback) return [baseUrl];
  const v6 = address.includes(':') ? [`http://[::1]:${port}`] : [];
  return [...new Set([baseUrl, `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...v6])];
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
  // Tokens fetched by the names this address answers to stay valid, whatever Hosts other clients send.
  for (const base of reachableAt(address, bound, baseUrl)) deps.issuers.pin(base + realmPath(deps.config.realm.name));
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
