import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];

// Registered when a test file first imports this (vitest gives each file its own modules): whatever that
// file made here is removed after its last test, pass or fail.
afterAll(() => {
  while (created.length) rmSync(created.pop()!, { recursive: true, force: true });
});

/** A fresh folder in the temp dir, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}
