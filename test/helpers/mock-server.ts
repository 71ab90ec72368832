import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import pino from 'pino';
import { parseConfig } from '../../mock-server/config.js';
import { createDeps, type Deps, type DepsOverrides } from '../../mock-server/deps.js';
import type { Server } from 'node:http';
import { startServer, thisMachine, tlsOverrides } from '../../mock-server/server.js';
import { serverCredentials, type TlsCredentials } from '../../mock-server/tls/server-credentials.js';

export interface TestMock {
  baseUrl: string;
  deps: Deps;
  realmUrl: string;
  server: Server;
  /** With `https.enabled`: the certificate served, and the development CA that signed it (when no files are configured). */
  tls?: TlsCredentials;
  close(): Promise<void>;
}

/** A mock on 127.0.0.1 port 0 with the embedded defaults (plus overrides), logging nothing; over TLS when `https.enabled`. */
export async function startMock(rawConfig: Record<string, unknown> = {}, overrides: DepsOverrides = {}): Promise<TestMock> {
  // Idle test sockets need no second of grace at close: no request is racing towards them.
  const limits = { drainQuietMs: 20, ...(rawConfig.limits as Record<string, unknown> | undefined) };
  // TEST_STORE_URL (npm run test:redis) runs any suite on a shared store, each mock in a namespace of its own;
  // a test that names a store URL of its own keeps it.
  const store = rawConfig.store as Record<string, unknown> | undefined;
  const shared =
    process.env.TEST_STORE_URL && store?.url === undefined ? { store: { ...store, url: process.env.TEST_STORE_URL, namespace: `t-${randomUUID()}` } } : {};
  const config = parseConfig({ port: 0, logLevel: 'silent', ...rawConfig, ...shared, limits }, 'test');
  const tls = config.https.enabled ? await serverCredentials(config, thisMachine(), new Date()) : undefined;
  const deps = await createDeps(config, { log: pino({ level: 'silent' }), ...tlsOverrides(tls, undefined), ...overrides });
  const running = await startServer(deps, '127.0.0.1', 0, tls);
  return {
    baseUrl: running.baseUrl,
    server: running.server,
    deps,
    ...(tls ? { tls } : {}),
    realmUrl: `${running.baseUrl}/auth/realms/${config.realm.name}`,
    close: () => running.close(),
  };
}

/** One mock per test file: started before the tests, closed after. */
export function useMockServer(rawConfig: Record<string, unknown> = {}, overrides: DepsOverrides = {}): TestMock {
  const handle = {} as TestMock;
  beforeAll(async () => {
    Object.assign(handle, await startMock(rawConfig, overrides));
  });
  afterAll(async () => {
    await handle.close();
  });
  return handle;
}
