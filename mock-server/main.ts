import { SIGNICAT_PATH, SIGNICAT_SCOPE } from './auth/signicat/signicat-tokens.js';
import { isWorker, reportListening, runPrimary } from './cluster.js';
import { ConfigError, loadConfig, type MockConfig } from './config.js';
import { createDeps } from './deps.js';
import { startServer, thisMachine, tlsOverrides } from './server.js';
import { serverCredentials, type TlsCredentials } from './tls/server-credentials.js';
import { tlsBannerLines } from './tls/tls-banner.js';

/** What the mock prints once it listens: where, and the demo credentials. */
function banner(config: MockConfig, baseUrl: string, tls: TlsCredentials | undefined): string {
  const base = config.publicUrl?.replace(/\/+$/, '') ?? baseUrl;
  const lines = [
    `ZignSec mock gateway listening on ${baseUrl}`,
    ...(tls ? tlsBannerLines(tls.origin, new Date()) : []),
    ...(config.store.url === undefined ? [] : [`  store:      ${redacted(config.store.url)} (namespace ${config.store.namespace})`]),
    ...(config.workers > 1 ? [`  workers:    ${config.workers}`] : []),
    `  base URL:   ${base}`,
    `  discovery:  ${base}/auth/realms/${config.realm.name}/.well-known/openid-configuration`,
    ...config.clients
      .filter((c) => c.productKeys.length > 0)
      .map(
        (c) =>
          `  client:     ${c.clientId} / ${c.secret}   product keys: ${c.productKeys.join(', ')}${c.apiKeys.length > 0 ? `   scanning API key: ${c.apiKeys.join(', ')}` : ''}`,
      ),
    `  Signicat:   ${base}${SIGNICAT_PATH}/connect/token (Assure at ${base}/assure)`,
    ...config.clients.filter((c) => c.scopes.includes(SIGNICAT_SCOPE)).map((c) => `  Assure:     ${c.clientId} / ${c.secret}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A store URL as printed: its password, if any, left out. */
const redacted = (url: string): string => url.replace(/\/\/([^@/]*)@/, '//***@');

async function main(): Promise<void> {
  let config;
  let deps;
  let tls;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
    // The primary makes or checks the certificate before forking, so workers only read what it left.
    tls = config.https.enabled ? await serverCredentials(config, thisMachine(), new Date()) : undefined;
    if (config.workers > 1 && !isWorker()) {
      const settled = { config, tls };
      runPrimary(
        config.workers,
        (baseUrl) => process.stdout.write(banner(settled.config, baseUrl, settled.tls)),
        (line) => process.stderr.write(`${line}\n`),
      );
      return;
    }
    deps = await createDeps(config, tlsOverrides(tls, process.env.NODE_EXTRA_CA_CERTS));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`zignsec-mock: ${e.message}\n`);
    process.exit(2);
  }
  const mock = await startServer(deps, config.host, config.port, tls);
  if (isWorker()) reportListening(mock.baseUrl);
  else process.stdout.write(banner(config, mock.baseUrl, tls));

  const stop = (signal: string) => {
    deps.log.info({ signal }, 'shutting down: finishing in-flight requests');
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => {
    stop('SIGINT');
  });
  process.once('SIGTERM', () => {
    stop('SIGTERM');
  });
  if (process.env.npm_lifecycle_event)
    stopWhenOrphaned(() => {
      stop('npm exited');
    });
}

/**
 * npm forwards SIGTERM to the shell that runs the script, and the shell dies without passing it on,
 * which would leave the mock running (and its port taken). Under npm, losing the parent means stop.
 */
function stopWhenOrphaned(stop: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      clearInterval(timer);
      stop();
    }
  }, 250);
  timer.unref();
}

main().catch((e: unknown) => {
  process.stderr.write(`zignsec-mock: failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
