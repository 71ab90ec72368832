import cluster, { type Worker } from 'node:cluster';

/** What a worker tells the primary once it listens. */
interface Listening {
  type: 'zignsec-mock:listening';
  baseUrl: string;
}

const isListening = (m: unknown): m is Listening => typeof m === 'object' && m !== null && 'type' in m && m.type === 'zignsec-mock:listening';

/** In a worker: tells the primary where it listens (the primary prints the banner once for all). */
export function reportListening(baseUrl: string): void {
  process.send?.({ type: 'zignsec-mock:listening', baseUrl } satisfies Listening);
}

export const isWorker = (): boolean => cluster.isWorker;

/**
 * The primary of `--workers N`: forks N workers that share one port (node:cluster hands connections out
 * round-robin) and hold no state of their own (the shared store does); a worker that dies unasked is
 * replaced, so a load test does not lose capacity for good; SIGTERM and SIGINT drain every worker, then exit.
 */
export function runPrimary(count: number, onListening: (baseUrl: string) => void, log: (line: string) => void): void {
  let stopping = false;
  let exitCode = 0;
  let announced = false;
  const ready = new Set<number>();
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (m: unknown) => {
      if (!isListening(m)) return;
      ready.add(worker.id);
      if (!announced && ready.size >= count) {
        announced = true;
        onListening(m.baseUrl);
      }
    });
    return worker;
  };
  for (let i = 0; i < count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    ready.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers!).length === 0) process.exit(exitCode);
      return;
    }
    // A worker that never came up would fail again at once: stop rather than fork in a loop.
    if (!announced) {
      log(`zignsec-mock: a worker exited before listening (${signal || `code ${code}`}); stopping`);
      stopAll(1);
      return;
    }
    log(`zignsec-mock: worker ${worker.process.pid} exited (${signal || `code ${code}`}); starting another`);
    fork();
  });
  const stopAll = (code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = Object.values(cluster.workers!).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill('SIGTERM');
  };
  process.once('SIGTERM', () => {
    stopAll();
  });
  process.once('SIGINT', () => {
    stopAll();
  });
}
