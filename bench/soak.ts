// npm run soak -- --minutes 30 --rate R [--redis | --store redis://HOST:PORT] (--help for all)
// Starts a mock (on the in-memory store, or on Redis), drives whole zero-trust flows at it at a fixed rate,
// prints what it saw and the mock's memory once an interval, and ends with a verdict on the RSS slope and
// the errors. Stops exactly the processes it started.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { addFailures, describeFailures, FlowDriver, quantile, type FlowInterval } from './flow-driver.js';
import { FLOW_REQUESTS } from './flow.js';
import { serveWithConfig, type Served } from './processes.js';
import { startRedis, type RunningRedis } from './redis-server.js';
import { soakVerdict, type Sample } from './slope.js';
import { parseSoakArgs, SOAK_USAGE, type SoakOptions } from './soak-args.js';

const MIB = 1024 * 1024;

/** One client makes every flow: no quota may refuse it, and the TTL (not a cap) bounds what the store holds. */
const soakConfig = (ttlSeconds: number) => ({ store: { ttlSeconds, maxEntriesPerClient: 10_000_000, maxEntries: 10_000_000 } });

interface Health {
  memory: { rss: number; heapUsed: number; heapTotal: number };
}

async function health(base: string): Promise<Health> {
  const res = await fetch(`${base}/__admin/health`);
  if (!res.ok) throw new Error(`GET /__admin/health answered ${res.status}`);
  return (await res.json()) as Health;
}

/** An interval's memory in MiB: the median of its RSS samples, and the lowest heap used (what the GC left). */
interface IntervalMemory {
  rss: number;
  heapFloor: number;
}

/**
 * Reads the mock's health about a dozen times until `until` (once a second at most): one reading would land
 * anywhere on the GC's sawtooth (±100 MiB of heap at a few hundred flows/s), the median and the floor do not.
 * Undefined when the soak was interrupted and the mock is gone (a Ctrl-C reaches the whole process group).
 */
async function sampleMemory(base: string, until: number, intervalSeconds: number, interrupted: AbortSignal): Promise<IntervalMemory | undefined> {
  const every = Math.max(1000, (intervalSeconds * 1000) / 12);
  const rss: number[] = [];
  const heap: number[] = [];
  for (;;) {
    await sleep(Math.max(0, Math.min(every, until - performance.now())), undefined, { signal: interrupted }).catch(() => undefined);
    const about = await health(base).catch((e: unknown) => {
      if (interrupted.aborted) return undefined;
      throw e;
    });
    if (about !== undefined) {
      rss.push(about.memory.rss / MIB);
      heap.push(about.memory.heapUsed / MIB);
    }
    if (about === undefined || interrupted.aborted || performance.now() >= until) break;
  }
  return rss.length === 0 ? undefined : { rss: quantile(rss, 0.5), heapFloor: Math.min(...heap) };
}

/** A process's resident set in MiB (/proc's VmRSS); undefined once it is gone. */
function rssMiB(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

// RSS: the interval's median reading; heap: its lowest heap used.
const COLUMNS = ['minute', 'req/s', 'flows/s', 'p99 ms', 'errors', 'skipped', 'RSS MiB', 'heap MiB'];

function line(cells: Array<string | number>, digits: number[]): string {
  return `${cells.map((c, i) => (typeof c === 'number' ? c.toFixed(digits[i] ?? 0) : c).padStart(i === 0 ? 7 : 10)).join('')}\n`;
}

const fixed = (n: number | undefined, d = 2): string => (n === undefined ? 'n/a' : `${n >= 0 ? '+' : ''}${n.toFixed(d)}`);

async function soak(o: SoakOptions, interrupted: AbortSignal): Promise<number> {
  let redis: RunningRedis | undefined;
  let mock: Served | undefined;
  let driver: FlowDriver | undefined;
  try {
    if (o.redis) redis = await startRedis();
    const storeUrl = redis?.url ?? o.store;
    const storeArgs = storeUrl === undefined ? [] : ['--store', storeUrl];
    mock = await serveWithConfig(soakConfig(o.ttlSeconds), storeArgs, storeUrl === undefined ? {} : { STORE_NAMESPACE: `soak-${randomUUID().slice(0, 8)}` });
    const mockPid = mock.child.pid!;
    process.stdout.write(
      `soak: mock pid ${mockPid} at ${mock.url}, store ${storeUrl === undefined ? 'memory' : `redis (${o.redis ? `own redis-server pid ${redis!.pid}` : storeUrl})`}, ` +
        `TTL ${o.ttlSeconds} s; ${o.minutes} min, a line every ${o.intervalSeconds} s, slope after ${o.warmupMinutes.toFixed(2)} min of warm-up\n`,
    );
    driver = new FlowDriver([mock.url], o.concurrency);

    let errors = 0;
    const failures: Record<string, number> = {};
    let rate = o.rate;
    if (rate === undefined) {
      // A cold mock runs flows at a fraction of its speed (the JIT has not compiled its routes yet): the first run is discarded.
      const warm = await driver.closedLoop(o.concurrency, o.calibrateSeconds);
      const calibration = await driver.closedLoop(o.concurrency, o.calibrateSeconds);
      for (const run of [warm, calibration]) {
        errors += run.errors;
        addFailures(failures, run.failures);
      }
      const capacity = calibration.flows / calibration.seconds;
      rate = Math.max(0.1, Math.round(capacity * 8) / 10);
      process.stdout.write(
        `calibration: ${capacity.toFixed(1)} flows/s with ${o.concurrency} at once for ${o.calibrateSeconds} s after as long a warm-up ` +
          `(${warm.errors + calibration.errors} errors); rate 80%: ${rate} flows/s\n`,
      );
    }
    process.stdout.write(`rate: ${rate} flows/s (${FLOW_REQUESTS} requests each)\n`);
    process.stdout.write(line([...COLUMNS, ...(redis ? ['redis MiB'] : [])], []));

    const samples: Sample[] = [];
    const heapFloors: Sample[] = [];
    const redisSamples: Sample[] = [];
    const totals = { flows: 0, failedFlows: 0, skipped: 0 };
    const count = (seen: FlowInterval) => {
      errors += seen.errors;
      addFailures(failures, seen.failures);
      totals.flows += seen.flows;
      totals.failedFlows += seen.failedFlows;
      totals.skipped += seen.skipped;
    };
    driver.take();
    const started = performance.now();
    const end = started + o.minutes * 60_000;
    const running = driver.fixedRate(rate, Math.max(64, o.concurrency * 4));
    try {
      for (let next = started + o.intervalSeconds * 1000; !interrupted.aborted; next += o.intervalSeconds * 1000) {
        const until = Math.min(next, end);
        const memory = await sampleMemory(mock.url, until, o.intervalSeconds, interrupted);
        const seen = driver.take();
        count(seen);
        if (memory === undefined) break;
        const minute = (performance.now() - started) / 60_000;
        samples.push({ minute, mib: memory.rss });
        heapFloors.push({ minute, mib: memory.heapFloor });
        const redisMib = redis ? rssMiB(redis.pid) : undefined;
        if (redisMib !== undefined) redisSamples.push({ minute, mib: redisMib });
        process.stdout.write(
          line(
            [
              minute,
              seen.requests / seen.seconds,
              seen.flows / seen.seconds,
              seen.p99,
              seen.errors,
              seen.skipped,
              memory.rss,
              memory.heapFloor,
              ...(redis ? [redisMib ?? 0] : []),
            ],
            [2, 0, 1, 1, 0, 0, 1, 1, 1],
          ),
        );
        if (until >= end) break;
      }
    } finally {
      await running.stop();
    }
    // Flows still running at the last line finish here: their failures count too.
    count(driver.take());

    const verdict = soakVerdict(samples, o.warmupMinutes, o.maxSlope, errors);
    const over = verdict.used.length > 0 ? `minutes ${verdict.used[0]!.minute.toFixed(2)}-${verdict.used.at(-1)!.minute.toFixed(2)}` : 'no minutes';
    process.stdout.write(
      `flows: ${totals.flows} done, ${totals.failedFlows} failed, ${totals.skipped} skipped (not started: too many still running)\n` +
        `RSS slope: ${fixed(verdict.slope)} MiB/min over ${over} (${verdict.used.length} samples after the warm-up; target < ${o.maxSlope}: ${verdict.slopeMet ? 'met' : 'MISSED'})\n` +
        `heap floor slope: ${fixed(soakVerdict(heapFloors, o.warmupMinutes, o.maxSlope, 0).slope)} MiB/min (not a target: what survives GC)\n` +
        (redis ? `redis-server RSS slope: ${fixed(soakVerdict(redisSamples, o.warmupMinutes, o.maxSlope, 0).slope)} MiB/min (not a target)\n` : '') +
        `errors: ${errors} (target 0: ${verdict.errorsMet ? 'met' : 'MISSED'})${errors > 0 ? `: ${describeFailures(failures) || 'in the calibration'}` : ''}\n` +
        `verdict: ${verdict.met ? 'PASS' : 'FAIL'}${interrupted.aborted ? ' (interrupted)' : ''}\n`,
    );
    // On a Redis the soak did not start, its collections are emptied rather than left to the TTLs (two replication records stay).
    if (o.store !== undefined) await fetch(`${mock.url}/__admin/reset`, { method: 'POST' });
    if (interrupted.aborted) return 130;
    return verdict.met ? 0 : 1;
  } finally {
    await driver?.close();
    await mock?.stop();
    await redis?.stop();
  }
}

const parsed = parseSoakArgs(process.argv.slice(2));
if (parsed.kind === 'help') {
  process.stdout.write(SOAK_USAGE);
} else if (parsed.kind === 'usage-error') {
  process.stderr.write(`soak: ${parsed.message}\n\n${SOAK_USAGE}`);
  process.exitCode = 2;
} else {
  // Ctrl-C ends the soak early: the verdict on what was seen, then every process stopped.
  const interrupt = new AbortController();
  process.once('SIGINT', () => {
    interrupt.abort();
  });
  process.once('SIGTERM', () => {
    interrupt.abort();
  });
  soak(parsed.options, interrupt.signal).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`soak failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
