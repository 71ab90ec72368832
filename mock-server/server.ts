import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { homedir, hostname, networkInterfaces } from 'node:os';
import { createApp } from './app.js';
import { SIGNICAT_PATH } from './auth/signicat/signicat-tokens.js';
import { realmPath } from './auth/realm-urls.js';
import type { Deps, DepsOverrides } from './deps.js';
import { drainingGate } from './pipeline/draining-gate.js';
import { drain, trackSockets } from './pipeline/graceful-drain.js';
import { reachableAddresses, type Machine } from './tls/certificate-names.js';
import { outgoingTrust } from './tls/outgoing-trust.js';
import type { TlsCredentials } from './tls/server-credentials.js';
import { httpPoster } from './webhooks/post-webhook.js';

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

/** The base URLs a client on this machine reaches the bound address by: the address itself, and the loopback names when it is loopback or any. */
function reachableAt(scheme: string, address: string, port: number, baseUrl: string): string[] {
  const loopback = /^127\./.test(address) || address === '::1' || address === '0.0.0.0' || address === '::';
  if (!loopback) return [baseUrl];
  const v6 = address.includes(':') ? [`${scheme}://[::1]:${port}`] : [];
  return [...new Set([baseUrl, `${scheme}://localhost:${port}`, `${scheme}://127.0.0.1:${port}`, ...v6])];
}

/** What the development certificate must name, as this machine tells it. */
export function thisMachine(): Machine {
  return { hostname: hostname(), addresses: reachableAddresses(networkInterfaces()), homeDir: homedir() };
}

/** With the development CA, webhooks trust it too: a delivery to the mock's own sink over https arrives. */
export function tlsOverrides(tls: TlsCredentials | undefined, extraCaFile: string | undefined): DepsOverrides {
  const trusted = tls ? outgoingTrust(tls.origin, extraCaFile) : [];
  return {
    ...(trusted.length > 0 ? { postWebhook: httpPoster(trusted) } : {}),
    ...(tls?.origin.kind === 'development' ? { developmentCa: tls.origin.ca.pem.cert } : {}),
  };
}

/**
 * Listens with the timeouts a load-test target needs (slow clients cannot pin sockets forever); with
 * `tls`, speaks HTTPS, and every URL the mock advertises (issuers, discovery, links) follows, since each
 * is built from the request's own scheme.
 */
export async function startServer(deps: Deps, host: string, port: number, tls?: Pick<TlsCredentials, 'cert' | 'key'>): Promise<RunningMock> {
  const { limits } = deps.config;
  const options = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_MS, limits.headersTimeoutMs),
  };
  const handler = drainingGate(createApp(deps), deps.lifecycle);
  const server: Server = tls ? createTlsServer({ ...options, cert: tls.cert, key: tls.key }, handler) : createServer(options, handler);
  const scheme = tls ? 'https' : 'http';
  const sockets = trackSockets(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port: bound } = server.address() as AddressInfo;
  const baseUrl = `${scheme}://${address.includes(':') ? `[${address}]` : address}:${bound}`;
  // Tokens fetched by the names this address answers to stay valid, whatever Hosts other clients send.
  for (const base of reachableAt(scheme, address, bound, baseUrl)) {
    deps.issuers.pin(base + realmPath(deps.config.realm.name));
    deps.signicat.issuers.pin(base + SIGNICAT_PATH);
  }
  // Webhook attempts fall due on the wall clock too, not only when the virtual clock is moved.
  deps.webhooks.start();
  let closing: Promise<void> | undefined;
  const close = () => {
    if (!closing) {
      deps.lifecycle.draining = true;
      deps.webhooks.stop();
      // The shared store's connections go last: draining requests still need them.
      closing = drain(server, sockets, { graceMs: limits.shutdownGraceMs, quietMs: limits.drainQuietMs }).then(() => deps.close());
    }
    return closing;
  };
  return { server, baseUrl, close };
}
