import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { archiveUrl } from './pinned.js';
import { readDefinitionFiles } from './definition-files.js';
import type { RegulaApi } from '../../openapi/regula-files.js';

/** Thrown when the pinned commit cannot be fetched; the message says what to do instead. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/**
 * Fetches the pinned commit's archive from GitHub and returns its YAML files. Unpacking uses the system
 * `tar` (present on Linux, macOS and Windows 10+), which keeps the install step free of archive libraries.
 */
export async function downloadDefinitions(api: RegulaApi, options: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<Map<string, string>> {
  const { fetch: get = fetch, timeoutMs = 60_000 } = options;
  const url = archiveUrl(api);
  let archive: Buffer;
  try {
    const res = await get(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    archive = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    throw new DownloadError(`downloading ${url} failed: ${cause}`);
  }
  const dir = mkdtempSync(join(tmpdir(), `regula-${api}-`));
  try {
    const untar = spawnSync('tar', ['-xzf', '-', '-C', dir, '--strip-components=1'], { input: archive });
    if (untar.status !== 0) {
      throw new DownloadError(`unpacking ${url} failed: ${untar.error?.message ?? untar.stderr.toString().trim()}`);
    }
    const files = readDefinitionFiles(dir);
    if (!files.has('index.yml')) throw new DownloadError(`${url} has no index.yml at its root`);
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
