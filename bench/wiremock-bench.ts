// BENCH_ONLY=wiremock: WireMock serving our ping's bytes and our reprocess body as static stubs, against our
// authenticated ping and our reprocess on two workers on Redis, in turns in one run, after a warm-up long
// enough for the JVM's JIT.
import { UNLIMITED } from './flow-bench.js';
import { measureInTurns, report, settings, warmUp, type Load, type Measured } from './measure.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaticRoute } from './cluster-baseline.js';
import { serve, serveWithConfig, type Served } from './processes.js';
import { startRedis } from './redis-server.js';
import { reprocessTarget } from './regula-setup.js';
import { startWireMock, type RunningWireMock } from './wiremock.js';
import { demoToken, realmOf } from './demo-token.js';

const PING_PATH = '/mobilesdk/docreader/api/ping';

/** Seconds of load on each WireMock stub before anything is measured, discarded (measured: its ping runs 3x faster after ~15 s). */
const WIREMOCK_WARMUP = Number(process.env.BENCH_WIREMOCK_WARMUP ?? 20);

/** An answer's exact bytes and content type, for WireMock to serve as they are. */
async function answer(url: string, init: RequestInit): Promise<{ body: string; contentType: string }> {
  const res = await fetch(url, init);
  if (res.status !== 200) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status}`);
  return { body: await res.text(), contentType: res.headers.get('content-type') ?? 'application/json' };
}

export async function wireMockBench(): Promise<boolean> {
  process.stdout.write(
    `\nWireMock (standalone jar, journal and request log off) against the mock on --workers 2 on Redis: ` +
      `${WIREMOCK_WARMUP} s of discarded warm-up per WireMock stub, then in turns, median of ${process.env.BENCH_ROUNDS ?? 3}\n`,
  );
  const redis = await startRedis();
  let ours: Served | undefined;
  let wiremock: RunningWireMock | undefined;
  let express: Served | undefined;
  const routesDir = mkdtempSync(join(tmpdir(), 'zs-static-'));
  try {
    ours = await serveWithConfig(UNLIMITED, ['--store', redis.url, '--workers', '2'], { STORE_NAMESPACE: 'bench-wiremock' });
    const bearer = await demoToken(realmOf(ours.url));
    const gateway = { authorization: `Bearer ${bearer}`, 'zs-product-key': 'demo-key-1' };
    const ping = await answer(`${ours.url}${PING_PATH}`, { headers: gateway });
    const target = await reprocessTarget(ours.url, bearer);
    const reprocessed = await answer(target.url, { method: 'POST', headers: target.headers, body: target.body });
    const reprocessPath = new URL(target.url).pathname;
    const stubs: StaticRoute[] = [
      { method: 'GET', url: PING_PATH, ...ping },
      { method: 'POST', url: reprocessPath, ...reprocessed },
    ];
    wiremock = await startWireMock(stubs);
    const routesFile = join(routesDir, 'routes.json');
    writeFileSync(routesFile, JSON.stringify(stubs));
    express = await serve('bench/cluster-baseline.ts', [], { WORKERS: '2', STATIC_ROUTES: routesFile });
    const kb = (reprocessed.body.length / 1024).toFixed(0);
    const loads: Array<[string, Load]> = [
      ['(n) WireMock static ping', { url: `${wiremock.url}${PING_PATH}`, serverPid: wiremock.pid }],
      [
        `(n2) WireMock static ${kb} KB body`,
        { url: `${wiremock.url}${reprocessPath}`, method: 'POST', headers: { 'content-type': 'application/json' }, body: target.body, serverPid: wiremock.pid },
      ],
      // The framework's own ceiling with two workers: the mock does everything this does, and more.
      ['(n0) bare express 5, same ping bytes, 2 workers', { url: `${express.url}${PING_PATH}`, serverPid: express.child.pid! }],
      [
        `(n3) bare express 5, same ${kb} KB body, 2 workers`,
        {
          url: `${express.url}${reprocessPath}`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: target.body,
          serverPid: express.child.pid!,
        },
      ],
      ['(o) mock ping, 2 workers on Redis', { url: `${ours.url}${PING_PATH}`, headers: gateway, serverPid: ours.child.pid! }],
      ['(o2) mock reprocess, 2 workers on Redis', { url: target.url, method: 'POST', headers: target.headers, body: target.body, serverPid: ours.child.pid! }],
    ];
    // The JVM compiles what runs hot: each stub gets its own long warm-up; the mock's loads get the usual one in measureInTurns.
    const jitWarmUpFailures: number[] = [];
    for (const [, load] of loads.slice(0, 2)) jitWarmUpFailures.push(await warmUp(load, WIREMOCK_WARMUP));
    const [wmPing, wmBody, bareExpressPing, bareExpressBody, ourPing, ourReprocess] = (await measureInTurns(loads)) as [
      Measured,
      Measured,
      Measured,
      Measured,
      Measured,
      Measured,
    ];
    wmPing.errors += jitWarmUpFailures[0]!;
    wmBody.errors += jitWarmUpFailures[1]!;
    const ok = report([
      { row: wmPing },
      { row: bareExpressPing, comparedWith: wmPing },
      { row: ourPing, comparedWith: wmPing, minRatio: 0.5 },
      { row: ourPing, comparedWith: bareExpressPing },
      { row: wmBody },
      { row: bareExpressBody, comparedWith: wmBody },
      { row: ourReprocess, comparedWith: wmBody, minRatio: 1 },
      { row: ourReprocess, comparedWith: bareExpressBody },
    ]);
    process.stdout.write(
      `(CPU µs: WireMock's java process; the mock's and bare express's primary and two workers. ${settings.connections} connections, ${settings.duration} s per run.)\n`,
    );
    return ok;
  } finally {
    await wiremock?.stop();
    await express?.stop();
    await ours?.stop();
    rmSync(routesDir, { recursive: true, force: true });
    await redis.stop();
  }
}
