import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Served } from './processes.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface PrismOptions {
  /** `-m`: the HTTP server in a process of its own, its log handled by the CLI's ("for faster log processing"). */
  multiprocess?: boolean;
  /** `--verboseLevel`: `info` is Prism's default (log lines for every request), `silent` logs nothing, like the mock. */
  verbosity?: 'info' | 'silent';
}

/**
 * Prism's static mock of Regula's Document Reader definitions (the patched local copy); by default as
 * `prism mock` runs with no flags. Its log goes to a file, not through this process: the benchmark's
 * load generator runs here, and reading Prism's request log would slow it and understate Prism.
 */
export function servePrism(port: number, { multiprocess = false, verbosity = 'info' }: PrismOptions = {}): Promise<Served> {
  const logFile = join(mkdtempSync(join(tmpdir(), 'zs-prism-')), 'prism.log');
  const log = openSync(logFile, 'w');
  const child = spawn(
    `${ROOT}node_modules/.bin/prism`,
    ['mock', ...(multiprocess ? ['-m'] : []), '-v', verbosity, '-h', '127.0.0.1', '-p', String(port), 'openapi/regula/docreader.json'],
    {
      cwd: ROOT,
      stdio: ['ignore', log, log],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  return new Promise((resolve, reject) => {
    let exited = false;
    const removeLog = () => {
      closeSync(log);
      rmSync(dirname(logFile), { recursive: true, force: true });
    };
    child.once('exit', (code) => {
      exited = true;
      const tail = readFileSync(logFile, 'utf8').slice(-2000);
      removeLog();
      reject(new Error(`prism exited with ${code}: ${tail}`));
    });
    // With `-v silent` Prism says nothing, so readiness is its port answering.
    const poll = () => {
      if (exited) return;
      fetch(`${url}/api/ping`).then(
        () => {
          resolve({
            url,
            child,
            stop: () =>
              new Promise((done) => {
                child.removeAllListeners('exit');
                child.once('exit', () => {
                  removeLog();
                  done();
                });
                child.kill('SIGTERM');
              }),
          });
        },
        () => setTimeout(poll, 200),
      );
    };
    poll();
  });
}
