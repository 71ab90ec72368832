import autocannon from 'autocannon';
import { treeCpuMillis } from './cpu.js';

export interface Load {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The status every response should have (2xx when unset); others count as failures. */
  expectStatus?: number;
  /** The server's process: its CPU time over the run (its children's too) is reported per request (Linux /proc). */
  serverPid?: number | undefined;
}

export interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  /** Server CPU (user + system) per answered request, in microseconds, when the server's process is known. */
  cpuMicros?: number;
}

/** A server's CPU time so far in milliseconds, its children's too (a cluster's workers); undefined where /proc is not readable. */
const cpuMillis = (pid: number | undefined): number | undefined => (pid === undefined ? undefined : treeCpuMillis([pid]));

export const settings = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  duration: Number(process.env.BENCH_DURATION ?? 10),
  /** Seconds of load before a server's first measured run, discarded: JIT and caches warm, as in a long-running mock. */
  warmup: Number(process.env.BENCH_WARMUP ?? 3),
};

async function run(load: Load, duration: number) {
  return autocannon({
    url: load.url,
    method: load.method ?? 'GET',
    headers: load.headers ?? {},
    ...(load.body === undefined ? {} : { body: load.body }),
    connections: settings.connections,
    duration,
  });
}

/** Puts the load on its server for the warm-up time (or `seconds`); only its failures are kept (they count as errors). */
export async function warmUp(load: Load, seconds = settings.warmup): Promise<number> {
  if (seconds <= 0) return 0;
  const result = await run(load, seconds);
  return result.errors + result.timeouts + (load.expectStatus === undefined ? result.non2xx : unexpectedStatuses(result.statusCodeStats, load.expectStatus));
}

function unexpectedStatuses(stats: Record<string, { count?: number }> | undefined, expected: number): number {
  return Object.entries(stats ?? {}).reduce((n, [status, { count = 0 }]) => (Number(status) === expected ? n : n + count), 0);
}

/** One autocannon run on loopback with keep-alive, as in reference/performance-anchors.md, after a warm-up. */
export async function measure(name: string, load: Load, warm = true): Promise<Measured> {
  const warmUpFailures = warm ? await warmUp(load) : 0;
  const cpuBefore = cpuMillis(load.serverPid);
  const result = await run(load, settings.duration);
  const cpuAfter = cpuMillis(load.serverPid);
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + warmUpFailures,
    non2xx: load.expectStatus === undefined ? result.non2xx : unexpectedStatuses(result.statusCodeStats, load.expectStatus),
    total: result.requests.total,
    ...(cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
      ? {}
      : { cpuMicros: ((cpuAfter - cpuBefore) * 1000) / result.requests.total }),
  };
}

/**
 * Measures several loads in turns, `rounds` times, and keeps each one's median run: close comparisons
 * (journal on and off, say) then do not ride on drift in what else the machine is doing.
 */
export async function measureInTurns(loads: Array<[string, Load]>, rounds = Number(process.env.BENCH_ROUNDS ?? 3)): Promise<Measured[]> {
  const runs = loads.map((): Measured[] => []);
  const warmUpFailures: number[] = [];
  for (const [, load] of loads) warmUpFailures.push(await warmUp(load));
  for (let round = 0; round < rounds; round++) {
    for (const [i, [name, load]] of loads.entries()) runs[i]!.push(await measure(name, load, false));
  }
  return runs.map((r, i) => {
    const sorted = [...r].sort((a, b) => a.rps - b.rps);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return { ...median, errors: warmUpFailures[i]! + r.reduce((n, m) => n + m.errors, 0), non2xx: r.reduce((n, m) => n + m.non2xx, 0) };
  });
}

export interface Target {
  row: Measured;
  /** Ratio to the row it is compared with must reach this. */
  minRatio?: number;
  comparedWith?: Measured;
  /** Said after the ratio: why a target is not assessed here, say. */
  note?: string;
}

/** Prints the table with ratios and whether each target is met; answers true when all are. `unit`: what the rate counts. */
export function report(targets: Target[], unit = 'req/s'): boolean {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number, d = 0) => n.toFixed(d).padStart(10);
  let ok = true;
  process.stdout.write(
    `\n${pad('target', 44)}${unit.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'errors'.padStart(10)}${'CPU µs'.padStart(10)}   ratio\n`,
  );
  for (const { row, minRatio, comparedWith, note } of targets) {
    const failed = row.errors + row.non2xx;
    let ratio = '';
    if (comparedWith) {
      const r = row.rps / comparedWith.rps;
      const met = minRatio === undefined || r >= minRatio;
      ok &&= met && failed === 0;
      ratio = `${r.toFixed(2)} x ${comparedWith.name}${minRatio === undefined ? '' : ` (target >= ${minRatio}: ${met ? 'met' : 'MISSED'})`}${note ? ` (${note})` : ''}`;
    }
    if (failed > 0) ok = false;
    process.stdout.write(
      `${pad(row.name, 44)}${num(row.rps)}${num(row.p50, 1)}${num(row.p99, 1)}${num(failed)}${row.cpuMicros === undefined ? ''.padStart(10) : num(row.cpuMicros)}   ${ratio}\n`,
    );
  }
  return ok;
}
