import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Served } from './processes.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Prism's static mock of Regula's Document Reader definitions (the patched local copy), multiprocess mode as Prism advises under load. */
export function servePrism(port: number): Promise<Served> {
  const child = spawn(`${ROOT}node_modules/.bin/prism`, ['mock', '-m', '-h', '127.0.0.1', '-p', String(port), 'openapi/regula/docreader.json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/Prism is listening/.test(out)) {
        resolve({
          url: `http://127.0.0.1:${port}`,
          child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`prism exited with ${code}: ${out.slice(-2000)}`)));
  });
}
