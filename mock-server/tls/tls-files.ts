import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '../config.js';

/** Private keys: readable by their owner only. */
export const KEY_MODE = 0o600;
export const CERT_MODE = 0o644;

/** The folder of the development CA, made private to its owner when it is made. */
export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new ConfigError(`https.dir ${dir}: cannot create it: ${(e as Error).message}`);
  }
}

/** A file's text, or undefined when it is not there (any other failure is the user's to fix). */
export function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

/** Written beside and renamed over, so a reader never sees half a file; the mode is set even on an old file. */
export function writeAtomically(path: string, data: string | Buffer, mode: number): void {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, data, { mode });
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new ConfigError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

/** A lock left by a process that died while making certificates (making them takes milliseconds). */
const STALE_LOCK_MS = 30_000;
const WAIT_MS = 25;
const GIVE_UP_MS = 15_000;

/**
 * Runs `work` while holding `dir/.lock`, so mocks starting together (workers, a second terminal) never
 * write a CA and a key that do not belong together, nor read one file of a pair being replaced.
 */
export async function withDirLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lock = join(dir, '.lock');
  const started = Date.now();
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', KEY_MODE));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new ConfigError(`https.dir ${dir}: cannot lock it: ${(e as Error).message}`);
      if (lockAge(lock) > STALE_LOCK_MS) rmSync(lock, { force: true });
      else if (Date.now() - started > GIVE_UP_MS)
        throw new ConfigError(`https.dir ${dir}: ${lock} is held by another zignsec-mock; remove it if none is starting`);
      else await sleep(WAIT_MS);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function lockAge(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}
