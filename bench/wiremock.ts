// WireMock's standalone jar (shipped in the `wiremock` npm package) on Debian's Java, as a peer: static
// stubs from a mappings folder in a temp dir, no request journal, no request log, on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './processes.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const JAVA = '/usr/bin/java';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** One static answer: the exact bytes and content type at a method and URL. */
export interface Stub {
  method: 'GET' | 'POST';
  url: string;
  contentType: string;
  body: string;
}

export interface RunningWireMock {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The jar inside node_modules/wiremock (its version is in the file name). */
export function wireMockJar(): string {
  const dir = join(ROOT, 'node_modules/wiremock/build');
  const jar = existsSync(dir) ? readdirSync(dir).find((f) => /^wiremock-standalone-.*\.jar$/.test(f)) : undefined;
  if (!jar) throw new Error(`no WireMock jar under ${dir}: npm install (the wiremock devDependency ships it)`);
  return join(dir, jar);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
}

/** Polls WireMock's own health route until it answers, or fails with its output when it exits or takes too long. */
async function ready(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WireMock exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/__admin/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`WireMock not ready after ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

/**
 * Starts WireMock with these stubs. stop() SIGTERMs exactly its java PID (SIGKILL after a grace) and
 * removes the temp folder with the mappings.
 */
export async function startWireMock(stubs: readonly Stub[]): Promise<RunningWireMock> {
  if (!existsSync(JAVA)) throw new Error(`${JAVA} not found: apt-get install openjdk-17-jre-headless (WireMock runs on Java)`);
  const dir = mkdtempSync(join(tmpdir(), 'zs-wiremock-'));
  mkdirSync(join(dir, 'mappings'));
  mkdirSync(join(dir, '__files'));
  stubs.forEach((stub, i) => {
    const mapping = {
      request: { method: stub.method, url: stub.url },
      response: { status: 200, headers: { 'Content-Type': stub.contentType }, body: stub.body },
    };
    writeFileSync(join(dir, 'mappings', `stub-${i}.json`), JSON.stringify(mapping));
  });
  const port = await freePort();
  const child = spawn(
    JAVA,
    [
      '-jar',
      wireMockJar(),
      '--port',
      String(port),
      '--bind-address',
      '127.0.0.1',
      '--root-dir',
      dir,
      // No journal (unbounded by default: the out-of-memory users report), no log line per request, no banner.
      '--no-request-journal',
      '--disable-request-logging',
      '--disable-banner',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (d: Buffer) => {
    if (output.length < 64_000) output += d.toString();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ready(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  // Its log is read only while it may explain a failed start; afterwards it is drained unread, so the pipes never fill.
  child.stdout.off('data', keep);
  child.stderr.off('data', keep);
  child.stdout.resume();
  child.stderr.resume();
  return { url, pid: child.pid!, stop };
}
