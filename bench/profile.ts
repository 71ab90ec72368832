// npm run profile: the mock under autocannon with V8's CPU profiler on, then each layer's microseconds per
// request (PROFILE_TARGET=ping|reprocess|not-found, PROFILE_SECONDS, BENCH_CONNECTIONS).
import autocannon from 'autocannon';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { breakdown, LAYERS, type CpuProfile, type Layer } from './cpu-profile.js';
import { serve } from './processes.js';
import { reprocessTarget } from './regula-setup.js';
import { demoToken, realmOf } from './demo-token.js';
import { NOT_FOUND_PATH } from './not-found-path.js';

const target = process.env.PROFILE_TARGET ?? 'ping';
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** PROFILE_DETAIL=handler,express/router: those layers' costliest functions too. */
const detail = (process.env.PROFILE_DETAIL ?? '').split(',').filter((l): l is Layer => (LAYERS as readonly string[]).includes(l));

async function main(): Promise<void> {
  if (!['ping', 'reprocess', 'not-found'].includes(target)) throw new Error(`PROFILE_TARGET: ping, reprocess or not-found, not ${target}`);
  const dir = mkdtempSync(join(tmpdir(), 'zs-profile-'));
  try {
    const mock = await serve('mock-server/main.ts', ['--port', '0'], { LOG_LEVEL: 'silent' }, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    let requests: number;
    try {
      const bearer = await demoToken(realmOf(mock.url));
      const headers = { authorization: `Bearer ${bearer}`, 'zs-product-key': 'demo-key-1' };
      const load =
        target === 'ping'
          ? { url: `${mock.url}/mobilesdk/docreader/api/ping`, headers }
          : target === 'not-found'
            ? { url: `${mock.url}${NOT_FOUND_PATH}`, headers }
            : await reprocessTarget(mock.url, bearer).then((t) => ({ url: t.url, headers: t.headers, method: 'POST' as const, body: t.body }));
      // The profile covers the warm-up too: the JIT's early work is a small share of a 10 s run.
      const result = await autocannon({ ...load, connections, duration: seconds });
      requests = result.requests.total;
      const unexpected = target === 'not-found' ? result.requests.total - (result.statusCodeStats?.['404']?.count ?? 0) : result.non2xx;
      if (result.errors + unexpected > 0) throw new Error(`${result.errors} errors, ${result.non2xx} unexpected statuses under load`);
    } finally {
      await mock.stop();
    }
    // The main thread's profile is the largest (tsx's loader thread writes one too).
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    const main = files.map((f) => readFileSync(join(dir, f), 'utf8')).sort((a, b) => b.length - a.length)[0];
    if (!main) throw new Error('the mock wrote no CPU profile');
    const { perRequest, otherTop, topOf, busyMicros, idleMicros } = breakdown(JSON.parse(main) as CpuProfile, requests, detail);
    const total = LAYERS.reduce((n, l) => n + perRequest[l], 0);
    process.stdout.write(
      `${target}: ${requests.toLocaleString('en')} requests in ${seconds} s, ${connections} connections; busy ${((100 * busyMicros) / (busyMicros + idleMicros)).toFixed(0)} % of the profile\n`,
    );
    process.stdout.write(`${'layer'.padEnd(16)}${'µs/request'.padStart(12)}${'share'.padStart(8)}\n`);
    for (const layer of LAYERS) {
      process.stdout.write(
        `${layer.padEnd(16)}${perRequest[layer].toFixed(1).padStart(12)}${`${((100 * perRequest[layer]) / total).toFixed(1)} %`.padStart(8)}\n`,
      );
    }
    process.stdout.write(`${'total'.padEnd(16)}${total.toFixed(1).padStart(12)}\n\nin other:\n`);
    for (const [name, micros] of otherTop) process.stdout.write(`${micros.toFixed(1).padStart(8)} µs  ${name}\n`);
    for (const layer of detail) {
      process.stdout.write(`\nin ${layer}:\n`);
      for (const [name, micros] of topOf[layer] ?? []) process.stdout.write(`${micros.toFixed(1).padStart(8)} µs  ${name}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`profile failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
