import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import type { DefinitionFiles } from './patch-definitions.js';

const DEFINITION = /\.ya?ml$/;

/** Every YAML file under `dir` (dot-folders such as .github skipped), keyed by posix path relative to it. */
export function readDefinitionFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && DEFINITION.test(entry.name)) {
        files.set(relative(dir, full).split(sep).join('/'), readFileSync(full, 'utf8'));
      }
    }
  };
  walk(dir);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Content hash of a set of files, independent of where they sit on disk. */
export function hashFiles(files: DefinitionFiles, hash = createHash('sha256')): string {
  for (const [path, text] of files) hash.update(path).update('\0').update(text).update('\0');
  return hash.digest('hex');
}
