import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface Served {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A port nothing listens on right now (for servers that cannot be given port 0). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a TypeScript entry in its own process (so it gets a core of its own) and waits for its URL. */
export function serve(entry: string, args: string[] = [], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const match = /listening on (https?:\/\/\S+)/.exec(out);
      if (match) {
        // Whatever it prints later is drained unread: the load generator shares this process.
        child.stdout.off('data', onData).resume();
        resolve({
          url: match[1]!,
          child,
          stop: () =>
            new Promise((done) => {
              // One that already ended (a Ctrl-C reaches the whole process group) has nothing left to stop.
              if (child.exitCode !== null || child.signalCode !== null) {
                done();
                return;
              }
              child.once('exit', () => {
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`${entry} exited with ${code} before listening: ${out}`));
    });
  });
}

/**
 * The mock with a config file in a temporary folder (read once, at its start, then removed), on a free port,
 * logging nothing; `args` are more flags (`--store`, `--workers`), `env` more variables (STORE_NAMESPACE).
 */
export async function serveWithConfig(config: Record<string, unknown>, args: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  const configDir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
  const file = join(configDir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  try {
    return await serve('mock-server/main.ts', ['--port', '0', '--config', file, ...args], { LOG_LEVEL: 'silent', ...env });
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}
