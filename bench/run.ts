// npm run bench: the mock against a bare express baseline, in one run on this machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'undici';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, measureInTurns, report, settings, type Load, type Measured, type Target } from './measure.js';
import { servePrism } from './prism.js';
import { freePort, serve, serveWithConfig, type Served } from './processes.js';
import { assureLoads } from './assure-setup.js';
import { flowBench } from './flow-bench.js';
import { wireMockBench } from './wiremock-bench.js';
import { reprocessTarget } from './regula-setup.js';
import { demoToken as token, TOKEN_FORM } from './demo-token.js';
import { NOT_FOUND_PATH } from './not-found-path.js';

/** (g) beside (b), in turns, with the ping's credentials (past the guard): a 404 must cost about what a ping costs, whatever the path's length. */
const notFoundLoad = (mock: Served, headers: Record<string, string>): [string, Load] => [
  `(g) mock 404s on ${(NOT_FOUND_PATH.length / 1024).toFixed(0)} KB paths`,
  { url: `${mock.url}${NOT_FOUND_PATH}`, headers, expectStatus: 404, serverPid: mock.child.pid },
];
/**
 * (g0) the ping sent with as many bytes as (g): on two cores the load generator's own cost of a 2 KB request line
 * shows in both, so this row tells the request's size from the 404's handling.
 */
const sizeMatchedPingLoad = (mock: Served, headers: Record<string, string>): [string, Load] => [
  '(g0) mock ping, 2 KB query',
  { url: `${mock.url}${PING_PATH}?pad=${'x'.repeat(NOT_FOUND_PATH.length - PING_PATH.length - 5)}`, headers, serverPid: mock.child.pid },
];
const PING_NAME = '(b) mock ping (journal on, no scenario)';
const PING_PATH = '/mobilesdk/docreader/api/ping';

/** BENCH_ONLY=not-found: just the ping and the 404 row, on one mock. */
async function notFoundOnly(): Promise<void> {
  process.stdout.write(`autocannon: ${settings.connections} connections, ${settings.duration} s per run; ping and 404s in turns\n`);
  const mock = await serve('mock-server/main.ts', ['--port', '0'], { LOG_LEVEL: 'silent' });
  try {
    const gateway = { authorization: `Bearer ${await token(`${mock.url}/auth/realms/zignsec`)}`, 'zs-product-key': 'demo-key-1' };
    const [ping, sizeMatched, notFound] = (await measureInTurns([
      [PING_NAME, { url: `${mock.url}${PING_PATH}`, headers: gateway, serverPid: mock.child.pid }],
      sizeMatchedPingLoad(mock, gateway),
      notFoundLoad(mock, gateway),
    ])) as [Measured, Measured, Measured];
    const ok = report([
      { row: ping },
      { row: sizeMatched, comparedWith: ping },
      { row: notFound, comparedWith: ping, minRatio: 1 },
      { row: notFound, comparedWith: sizeMatched },
    ]);
    reportCpu(notFound, ping);
    process.stdout.write(`${ok ? 'all targets met' : 'SOME TARGETS MISSED'}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await mock.stop();
  }
}

/** The server's CPU per 404 against its CPU per ping: the cost the issue bounds, free of the load generator's share of the cores. */
function reportCpu(notFound: Measured, ping: Measured): void {
  if (notFound.cpuMicros === undefined || ping.cpuMicros === undefined) return;
  process.stdout.write(
    `server CPU per request: 404 on 2 KB ${notFound.cpuMicros.toFixed(0)} µs, ping ${ping.cpuMicros.toFixed(0)} µs (${(notFound.cpuMicros / ping.cpuMicros).toFixed(2)} x)\n`,
  );
}

/** BENCH_ONLY=journal: the ping with the journal on (exchanges kept for the console), on without exchanges, and off. */
async function journalOnly(): Promise<void> {
  process.stdout.write(`autocannon: ${settings.connections} connections, ${settings.duration} s per run; the three pings in turns\n`);
  const on = await serve('mock-server/main.ts', ['--port', '0'], { LOG_LEVEL: 'silent' });
  const served = [on];
  try {
    const noExchanges = await serveWithConfig({ journal: { exchanges: 0 } });
    served.push(noExchanges);
    const off = await serveWithConfig({ journal: { enabled: false } });
    served.push(off);
    const headersOf = async (mock: Served) => ({
      authorization: `Bearer ${await token(`${mock.url}/auth/realms/zignsec`)}`,
      'zs-product-key': 'demo-key-1',
    });
    const [ping, pingNoExchanges, pingOff] = (await measureInTurns([
      [PING_NAME, { url: `${on.url}${PING_PATH}`, headers: await headersOf(on), serverPid: on.child.pid }],
      [
        '(b4) mock ping, journal on, no exchanges kept',
        { url: `${noExchanges.url}${PING_PATH}`, headers: await headersOf(noExchanges), serverPid: noExchanges.child.pid },
      ],
      ['(b2) mock ping, journal off', { url: `${off.url}${PING_PATH}`, headers: await headersOf(off), serverPid: off.child.pid }],
    ])) as [Measured, Measured, Measured];
    verdict(report([{ row: pingOff }, { row: ping, comparedWith: pingOff, minRatio: 0.9 }, { row: pingNoExchanges, comparedWith: pingOff }]));
  } finally {
    await Promise.all(served.map((m) => m.stop()));
  }
}

/** BENCH_ONLY=tls: the authenticated ping over http and over https (the development CA, made in a temp dir), in turns. */
async function tlsOnly(): Promise<void> {
  process.stdout.write(`autocannon: ${settings.connections} connections, ${settings.duration} s per run, keep-alive; the ping over http and https in turns\n`);
  const dir = mkdtempSync(join(tmpdir(), 'zs-bench-tls-'));
  const served: Served[] = [];
  try {
    const plain = await serve('mock-server/main.ts', ['--port', '0'], { LOG_LEVEL: 'silent' });
    served.push(plain);
    const secure = await serve('mock-server/main.ts', ['--port', '0', '--https', '--https-dir', dir], { LOG_LEVEL: 'silent' });
    served.push(secure);
    const agent = new Agent({ connect: { ca: readFileSync(join(dir, 'ca.pem'), 'utf8') } });
    try {
      const headers = async (mock: Served, dispatcher?: Agent) => ({
        authorization: `Bearer ${await token(`${mock.url}/auth/realms/zignsec`, undefined, dispatcher)}`,
        'zs-product-key': 'demo-key-1',
      });
      const [http, https] = (await measureInTurns([
        ['(b) mock ping over http', { url: `${plain.url}${PING_PATH}`, headers: await headers(plain), serverPid: plain.child.pid }],
        [
          '(t) mock ping over https (TLS 1.3, kept-alive)',
          { url: `${secure.url}${PING_PATH}`, headers: await headers(secure, agent), serverPid: secure.child.pid },
        ],
      ])) as [Measured, Measured];
      verdict(report([{ row: http }, { row: https, comparedWith: http }]));
    } finally {
      await agent.close();
    }
  } finally {
    await Promise.all(served.map((m) => m.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

const SCANNING_KEY = '00000000-e2a2-4968-b651-5352305c9fb0';

/** (h) creating document scans and (i) reading one's result, with demo-client's raw API key. */
async function scanningLoads(mockUrl: string): Promise<Array<[string, Load]>> {
  const headers = { authorization: SCANNING_KEY, 'content-type': 'application/json' };
  const created = await fetch(`${mockUrl}/v3/scanning`, { method: 'POST', headers, body: JSON.stringify({ relay_state: 'bench' }) });
  const { id } = (await created.json()) as { id: string };
  return [
    [
      '(h) mock POST /v3/scanning',
      { url: `${mockUrl}/v3/scanning`, method: 'POST', headers, body: JSON.stringify({ relay_state: 'bench', analysis_types: ['document', 'selfie'] }) },
    ],
    ['(i) mock GET /v3/scanning/{id}', { url: `${mockUrl}/v3/scanning/${id}`, headers: { authorization: SCANNING_KEY } }],
  ];
}

/** BENCH_ONLY=scanning: express's small JSON beside the scanning rows. */
async function scanningOnly(): Promise<void> {
  const configDir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
  const unlimited = join(configDir, 'unlimited.json');
  writeFileSync(unlimited, JSON.stringify({ store: { maxEntriesPerClient: 1_000_000, maxEntries: 1_000_000 } }));
  const baseline = await serve('bench/baseline.ts');
  let mock;
  try {
    mock = await serve('mock-server/main.ts', ['--port', '0', '--config', unlimited], { LOG_LEVEL: 'silent' });
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
  try {
    const [express, create, result] = (await measureInTurns([
      ['(a) bare express 5, small JSON', { url: `${baseline.url}/json` }],
      ...(await scanningLoads(mock.url)),
    ])) as [Measured, Measured, Measured];
    const ok = report([{ row: express }, { row: create, comparedWith: express, minRatio: 0.5 }, { row: result, comparedWith: express, minRatio: 0.6 }]);
    process.stdout.write(`${ok ? 'all targets met' : 'SOME TARGETS MISSED'}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all([baseline.stop(), mock.stop()]);
  }
}

/** One client creates dossiers by the tens of thousands in (j); the setup's process is final at once. */
const ASSURE_BENCH_CONFIG = { store: { maxEntriesPerClient: 1_000_000, maxEntries: 1_000_000 }, assure: { processingSeconds: 0 } };

/** BENCH_ONLY=assure: express's small JSON beside the Assure rows. */
async function assureOnly(): Promise<void> {
  const baseline = await serve('bench/baseline.ts');
  const mock = await serveWithConfig(ASSURE_BENCH_CONFIG);
  try {
    const [express, create, read, download] = (await measureInTurns([
      ['(a) bare express 5, small JSON', { url: `${baseline.url}/json` }],
      ...(await assureLoads(mock.url)),
    ])) as [Measured, Measured, Measured, Measured];
    const ok = report([
      { row: express },
      { row: create, comparedWith: express, minRatio: 0.5 },
      { row: read, comparedWith: express, minRatio: 0.6 },
      { row: download, comparedWith: express },
    ]);
    process.stdout.write(`${ok ? 'all targets met' : 'SOME TARGETS MISSED'}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all([baseline.stop(), mock.stop()]);
  }
}

interface WebhookFigures {
  deliveriesPerSecond: number;
  total: number;
  stuckQueued: number;
  stuckDropped: number;
  heldBytes: number;
}

function webhookFigures(): WebhookFigures {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/webhook-delivery.ts', '20000'], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as WebhookFigures;
}

function reportWebhooks(w: WebhookFigures): void {
  process.stdout.write(
    `webhook deliveries per second to a local sink (204): ${w.deliveriesPerSecond.toLocaleString('en')} (${w.total.toLocaleString('en')} delivered)\n` +
      `webhooks to a receiver that never answers: 50,000 sent, ${w.stuckQueued.toLocaleString('en')} held (the per-target cap), ${w.stuckDropped.toLocaleString('en')} dropped and counted, heap held ${(w.heldBytes / 1048576).toFixed(1)} MiB\n`,
  );
}

function journalMemory(): { capacity: number; heapBytes: number; bytesPerEntry: number; recordsPerSecond: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/journal-memory.ts', '10000'], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ReturnType<typeof journalMemory>;
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'not-found') return notFoundOnly();
  if (process.env.BENCH_ONLY === 'scanning') return scanningOnly();
  if (process.env.BENCH_ONLY === 'journal') return journalOnly();
  if (process.env.BENCH_ONLY === 'tls') return tlsOnly();
  if (process.env.BENCH_ONLY === 'assure') return assureOnly();
  if (process.env.BENCH_ONLY === 'webhooks') {
    reportWebhooks(webhookFigures());
    return;
  }
  if (process.env.BENCH_ONLY === 'flow') {
    verdict(await flowBench());
    return;
  }
  if (process.env.BENCH_ONLY === 'wiremock') {
    verdict(await wireMockBench());
    return;
  }
  if (process.env.BENCH_ONLY !== undefined)
    throw new Error(`BENCH_ONLY: unknown group ${process.env.BENCH_ONLY} (known: not-found, journal, tls, scanning, assure, webhooks, flow, wiremock)`);
  // Each part stops its own processes before the next starts: the flows and WireMock get the cores to themselves.
  const rows = await requestRows();
  const flows = await flowBench();
  const peers = await wireMockBench();
  verdict(rows && flows && peers);
}

function verdict(ok: boolean): void {
  process.stdout.write(`${ok ? 'all targets met' : 'SOME TARGETS MISSED'}\n`);
  process.exitCode = ok ? 0 : 1;
}

/** The request rows: the pings, the 404s, sessions, scanning, Assure, tokens, the Regula rows beside express and Prism. */
async function requestRows(): Promise<boolean> {
  process.stdout.write(
    `autocannon: ${settings.connections} connections, ${settings.duration} s per run after ${settings.warmup} s of warm-up, keep-alive, loopback; ` +
      `the three pings, the 404s and the five Regula rows in turns, median of ${process.env.BENCH_ROUNDS ?? 3}\n`,
  );
  const configDir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
  const noJournal = join(configDir, 'no-journal.json');
  writeFileSync(noJournal, JSON.stringify({ journal: { enabled: false } }));
  // One client creates ~50k sessions in (c): past the per-client quota it would measure 429s.
  const unlimited = join(configDir, 'unlimited.json');
  writeFileSync(unlimited, JSON.stringify({ store: { maxEntriesPerClient: 1_000_000, maxEntries: 1_000_000 } }));
  const baseline = await serve('bench/baseline.ts');
  let mock, quiet;
  try {
    mock = await serve('mock-server/main.ts', ['--port', '0', '--config', unlimited], { LOG_LEVEL: 'silent' });
    quiet = await serve('mock-server/main.ts', ['--port', '0', '--config', noJournal], { LOG_LEVEL: 'silent' });
  } finally {
    // The mock reads its configuration once, at start.
    rmSync(configDir, { recursive: true, force: true });
  }
  try {
    const realm = `${mock.url}/auth/realms/zignsec`;
    const gateway = { authorization: `Bearer ${await token(realm)}`, 'zs-product-key': 'demo-key-1' };
    // A scenario that binds to the token and counts every call, but never changes the answer.
    const bound = { authorization: `Bearer ${await token(realm, 'key-rotation;calls=1000000000')}`, 'zs-product-key': 'demo-key-1' };
    const quietGateway = { authorization: `Bearer ${await token(`${quiet.url}/auth/realms/zignsec`)}`, 'zs-product-key': 'demo-key-1' };
    const pingPath = PING_PATH;

    const express = await measure('(a) bare express 5, small JSON', { url: `${baseline.url}/json` });
    const [ping, pingQuiet, pingBound, sizeMatched, notFound] = (await measureInTurns([
      [PING_NAME, { url: `${mock.url}${pingPath}`, headers: gateway, serverPid: mock.child.pid }],
      ['(b2) mock ping, journal off', { url: `${quiet.url}${pingPath}`, headers: quietGateway }],
      ['(b3) mock ping, token scenario bound', { url: `${mock.url}${pingPath}`, headers: bound }],
      sizeMatchedPingLoad(mock, gateway),
      notFoundLoad(mock, gateway),
    ])) as [Measured, Measured, Measured, Measured, Measured];
    const sessions = await measure('(c) mock POST /mobilesdk/sessions', { url: `${mock.url}/mobilesdk/sessions`, method: 'POST', headers: gateway });
    const [scanCreate, scanResult] = (await measureInTurns(await scanningLoads(mock.url))) as [Measured, Measured];
    // A mock of its own: (c)'s sessions would slow it, and its verifications must be final at once.
    const assureMock = await serveWithConfig(ASSURE_BENCH_CONFIG);
    let dossierCreate: Measured, processRead: Measured, fullResult: Measured;
    try {
      [dossierCreate, processRead, fullResult] = (await measureInTurns(await assureLoads(assureMock.url))) as [Measured, Measured, Measured];
    } finally {
      await assureMock.stop();
    }
    const tokens = await measure('tokens issued (RS256, client_credentials)', {
      url: `${realm}/protocol/openid-connect/token`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: TOKEN_FORM,
    });

    // Reprocess of an accepted transaction (full result) vs Prism's static mock of the same operation vs express sending a body of
    // that size. A mock of its own: the one above now holds the ~50k sessions (c) created, whose heap slows every request.
    const regula = await serve('mock-server/main.ts', ['--port', '0'], { LOG_LEVEL: 'silent' });
    const target = await reprocessTarget(regula.url, await token(`${regula.url}/auth/realms/zignsec`));
    const prebuilt = await serve('bench/baseline.ts', [], { PREBUILT_BYTES: String(target.bytes) });
    // Prism as `prism mock` runs it (the target), then in its two faster set-ups (reported).
    // Free ports of our own unless PRISM_PORT says where: a Prism already on 4010 would answer the readiness poll.
    const prismPort = (n: number) => (process.env.PRISM_PORT ? Promise.resolve(Number(process.env.PRISM_PORT) + n) : freePort());
    const prism = await servePrism(await prismPort(0));
    const forkedPrism = await servePrism(await prismPort(1), { multiprocess: true });
    const quietPrism = await servePrism(await prismPort(2), { multiprocess: true, verbosity: 'silent' });
    const prismLoad = (url: string) => ({
      url: `${url}${new URL(target.url).pathname.replace('/mobilesdk/docreader', '')}`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ processParam: { scenario: 'FullAuth' } }),
    });
    let reprocess: Measured, prebuiltRow: Measured, prismRow: Measured, forkedPrismRow: Measured, quietPrismRow: Measured;
    try {
      // In turns, median of the rounds, like the pings: the ratios then compare runs made side by side.
      [reprocess, prebuiltRow, prismRow, forkedPrismRow, quietPrismRow] = (await measureInTurns([
        [
          `(d) mock reprocess, full result (${(target.bytes / 1024).toFixed(0)} KB)`,
          { url: target.url, method: 'POST', headers: target.headers, body: target.body },
        ],
        [
          `(e) express, pre-built ${(target.bytes / 1024).toFixed(0)} KB body`,
          { url: `${prebuilt.url}/prebuilt`, method: 'POST', headers: { 'content-type': 'application/json' }, body: target.body },
        ],
        ['(f) Prism static mock, same operation', prismLoad(prism.url)],
        ['(f2) Prism -m', prismLoad(forkedPrism.url)],
        ['(f3) Prism -m, request log off', prismLoad(quietPrism.url)],
      ])) as [Measured, Measured, Measured, Measured, Measured];
    } finally {
      await Promise.all([prebuilt.stop(), prism.stop(), forkedPrism.stop(), quietPrism.stop(), regula.stop()]);
    }

    const targets: Target[] = [
      { row: express },
      { row: ping, comparedWith: express, minRatio: 0.6 },
      { row: sessions, comparedWith: express, minRatio: 0.5 },
      { row: scanCreate, comparedWith: express, minRatio: 0.5 },
      { row: scanResult, comparedWith: express, minRatio: 0.6 },
      { row: dossierCreate, comparedWith: express, minRatio: 0.5 },
      { row: processRead, comparedWith: express, minRatio: 0.6 },
      { row: fullResult, comparedWith: express },
      { row: tokens, comparedWith: express },
      { row: ping, comparedWith: pingQuiet, minRatio: 0.9 },
      { row: pingBound, comparedWith: ping, minRatio: 0.9 },
      { row: sizeMatched, comparedWith: ping },
      { row: notFound, comparedWith: ping, minRatio: 1 },
      { row: notFound, comparedWith: sizeMatched },
      { row: prebuiltRow },
      { row: reprocess, comparedWith: prebuiltRow, minRatio: 0.7 },
      { row: prismRow },
      { row: reprocess, comparedWith: prismRow, minRatio: 3 },
      { row: forkedPrismRow },
      { row: reprocess, comparedWith: forkedPrismRow },
      { row: quietPrismRow },
      { row: reprocess, comparedWith: quietPrismRow },
      { row: prebuiltRow, comparedWith: prismRow },
    ];
    const ok = report(targets);
    reportCpu(notFound, ping);
    const memory = journalMemory();
    reportWebhooks(webhookFigures());
    process.stdout.write(`\ntokens issued per second: ${tokens.rps.toFixed(0)}\n`);
    process.stdout.write(
      `journal after 1,000,000 recorded requests: cap ${memory.capacity} entries, heap held ${(memory.heapBytes / 1048576).toFixed(1)} MiB ` +
        `(${memory.bytesPerEntry} bytes/entry), ${memory.recordsPerSecond.toLocaleString('en')} records/s\n`,
    );
    return ok;
  } finally {
    await Promise.all([baseline.stop(), mock.stop(), quiet.stop()]);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
