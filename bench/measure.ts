import autocannon from 'autocannon';

export interface Load {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

export const settings = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  duration: Number(process.env.BENCH_DURATION ?? 10),
};

/** One autocannon run on loopback with keep-alive, as in reference/performance-anchors.md. */
export async function measure(name: string, load: Load): Promise<Measured> {
  const result = await autocannon({
    url: load.url,
    method: load.method ?? 'GET',
    headers: load.headers ?? {},
    ...(load.body === undefined ? {} : { body: load.body }),
    connections: settings.connections,
    duration: settings.duration,
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/**
 * Measures several loads in turns, `rounds` times, and keeps each one's median run: close comparisons
 * (journal on and off, say) then do not ride on drift in what else the machine is doing.
 */
export async function measureInTurns(loads: Array<[string, Load]>, rounds = Number(process.env.BENCH_ROUNDS ?? 3)): Promise<Measured[]> {
  const runs = loads.map((): Measured[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, [name, load]] of loads.entries()) runs[i]!.push(await measure(name, load));
  }
  return runs.map((r) => {
    const sorted = [...r].sort((a, b) => a.rps - b.rps);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return { ...median, errors: r.reduce((n, m) => n + m.errors, 0), non2xx: r.reduce((n, m) => n + m.non2xx, 0) };
  });
}

export interface Target {
  row: Measured;
  /** Ratio to the row it is compared with must reach this. */
  minRatio?: number;
  comparedWith?: Measured;
}

/** Prints the table with ratios and whether each target is met; answers true when all are. */
export function report(targets: Target[]): boolean {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number, d = 0) => n.toFixed(d).padStart(10);
  let ok = true;
  process.stdout.write(`\n${pad('target', 44)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'errors'.padStart(10)}   ratio\n`);
  for (const { row, minRatio, comparedWith } of targets) {
    const failed = row.errors + row.non2xx;
    let ratio = '';
    if (comparedWith) {
      const r = row.rps / comparedWith.rps;
      const met = minRatio === undefined || r >= minRatio;
      ok &&= met && failed === 0;
      ratio = `${r.toFixed(2)} x ${comparedWith.name}${minRatio === undefined ? '' : ` (target >= ${minRatio}: ${met ? 'met' : 'MISSED'})`}`;
    }
    if (failed > 0) ok = false;
    process.stdout.write(`${pad(row.name, 44)}${num(row.rps)}${num(row.p50, 1)}${num(row.p99, 1)}${num(failed)}   ${ratio}\n`);
  }
  return ok;
}
