// Debian's redis-server on a free loopback port, for the bench, the soak and the tests (no vitest here).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningRedis {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const REDIS_SERVER = '/usr/bin/redis-server';
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

// A process (a test file, the bench, the soak) that ends or fails without calling stop() must not leave its Redis behind: at exit,
// every server still running here gets SIGKILL, by its own PID.
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port from the OS'));
      });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
}

/** Resolves once the server says it accepts connections; rejects with its output if it exits first. */
function ready(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      finish(new Error(`redis-server not ready after ${READY_TIMEOUT_MS} ms:\n${output()}`));
    }, READY_TIMEOUT_MS);
    const check = () => {
      if (output().includes('Ready to accept connections')) finish();
    };
    const early = (code: number | null) => {
      finish(new Error(`redis-server exited (${code}) before it was ready:\n${output()}`));
    };
    function finish(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', early);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', check);
    child.once('exit', early);
    check();
  });
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--logfile', ''],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));
  // The log is kept only while it may explain a failed start; afterwards it is read and dropped, so the pipe never fills.
  let output = '';
  const keep = (d: Buffer) => {
    if (output.length < 64_000) output += d.toString();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  try {
    await ready(child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    await exited(child);
    throw error;
  } finally {
    output = '';
    child.stdout.off('data', keep);
    child.stderr.off('data', keep);
    child.stdout.resume();
    child.stderr.resume();
  }
  return child;
}

/**
 * Starts /usr/bin/redis-server on a free loopback port with no persistence (--save '' --appendonly no),
 * in a temp dir that stop() removes; stop() SIGTERMs exactly that PID and waits for exit.
 */
export async function startRedis(): Promise<RunningRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'zignsec-redis-'));
  try {
    // The port is free when asked and taken a moment later: another process may win it in between, so a
    // server that cannot bind is retried on a new port.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        const child = await launch(port, dir);
        return running(child, port, dir);
      } catch (error) {
        if (attempt >= 5 || !String(error).includes('Address already in use')) throw error;
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function running(child: ChildProcess, port: number, dir: string): RunningRedis {
  const pid = child.pid!;
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // A test may have paused it (SIGSTOP): a stopped process keeps SIGTERM pending until it runs again.
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `redis://127.0.0.1:${port}`, port, pid, stop: () => (stopping ??= stop()) };
}
