// Drives whole flows (bench/flow.ts) at one or more addresses of one gateway, with undici's keep-alive pools:
// N flows at once for a time (capacity), or flows started at a fixed rate (the soak).
import { Pool } from 'undici';
import { runFlow } from './flow.js';

/** What the driver saw since the last `take()`. Latencies are per request, in milliseconds. */
export interface FlowInterval {
  seconds: number;
  flows: number;
  failedFlows: number;
  requests: number;
  /** Requests answered with an unexpected status, or not answered. */
  errors: number;
  /** Flows the rate asked for but not started: too many were still running (the gateway is behind). */
  skipped: number;
  p50: number;
  p99: number;
  /** Each failed request's route and answer ("POST /mobilesdk/sessions 429"), with how many times. */
  failures: Record<string, number>;
}

export interface FixedRate {
  /** Stops starting flows, waits for those running, and rethrows what a flow threw beyond a failed request. */
  stop(): Promise<void>;
}

/** Adds the failures of one interval to a tally. */
export function addFailures(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [what, n] of Object.entries(from)) into[what] = (into[what] ?? 0) + n;
  return into;
}

/** "POST /mobilesdk/sessions 429 x3, ..."; empty when nothing failed. */
export const describeFailures = (failures: Record<string, number>): string =>
  Object.entries(failures)
    .sort((a, b) => b[1] - a[1])
    .map(([what, n]) => `${what} x${n}`)
    .join(', ');

/** The q-th quantile (0..1) of the values, by nearest rank; 0 when there are none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export class FlowDriver {
  private readonly pools: Pool[];
  private flowsStarted = 0;
  private since = performance.now();
  private latencies: number[] = [];
  private failures: Record<string, number> = {};
  private counts = { flows: 0, failedFlows: 0, requests: 0, errors: 0, skipped: 0 };

  /**
   * `urls`: the gateway's addresses (instances of one gateway). The n-th request of the k-th flow goes to
   * address (k + n) mod their count, as a balancer without stickiness would send it: a flow's token, session
   * and transactions are made on one instance and used on another.
   */
  constructor(urls: readonly string[], connections: number) {
    if (urls.length === 0) throw new Error('FlowDriver: no address');
    this.pools = urls.map((url) => new Pool(url, { connections, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000 }));
  }

  /** Runs one flow to its end; counts it and its requests. */
  private async one(): Promise<void> {
    const flow = this.flowsStarted++;
    const ok = await runFlow(
      (step) => this.pools[(flow + step) % this.pools.length]!,
      (millis, answered, failure) => {
        this.counts.requests++;
        if (!answered) this.counts.errors++;
        if (failure !== undefined) this.failures[failure] = (this.failures[failure] ?? 0) + 1;
        this.latencies.push(millis);
      },
    );
    if (ok) this.counts.flows++;
    else this.counts.failedFlows++;
  }

  /** `concurrency` flows at a time, each started when one ends, for `seconds`; what was seen in that time. */
  async closedLoop(concurrency: number, seconds: number): Promise<FlowInterval> {
    this.take();
    const end = performance.now() + seconds * 1000;
    const lane = async () => {
      while (performance.now() < end) await this.one();
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return this.take();
  }

  /** Starts `rate` flows a second, never more than `maxInFlight` running at once (those over it are skipped and counted). */
  fixedRate(rate: number, maxInFlight: number): FixedRate {
    const startedAt = performance.now();
    let launched = 0;
    let running = 0;
    let failure: Error | undefined;
    const idle: Array<() => void> = [];
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - startedAt) / 1000) * rate) - launched;
      for (let i = 0; i < due; i++) {
        launched++;
        if (running >= maxInFlight) {
          this.counts.skipped++;
          continue;
        }
        running++;
        this.one()
          .catch((e: unknown) => {
            failure ??= e instanceof Error ? e : new Error(String(e));
          })
          .finally(() => {
            running--;
            if (running === 0) for (const resolve of idle.splice(0)) resolve();
          });
      }
    }, 5);
    return {
      stop: async () => {
        clearInterval(timer);
        if (running > 0) await new Promise<void>((resolve) => idle.push(resolve));
        if (failure !== undefined) throw failure;
      },
    };
  }

  /** The counts and latencies since the last call, which start again from zero. */
  take(): FlowInterval {
    const now = performance.now();
    const interval: FlowInterval = {
      seconds: (now - this.since) / 1000,
      ...this.counts,
      p50: quantile(this.latencies, 0.5),
      p99: quantile(this.latencies, 0.99),
      failures: this.failures,
    };
    this.since = now;
    this.latencies = [];
    this.failures = {};
    this.counts = { flows: 0, failedFlows: 0, requests: 0, errors: 0, skipped: 0 };
    return interval;
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.map((pool) => pool.close()));
  }
}
