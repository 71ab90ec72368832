import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The two Regula APIs the gateway fronts. */
export type RegulaApi = 'docreader' | 'faceapi';
export const REGULA_APIS: readonly RegulaApi[] = ['docreader', 'faceapi'];

/**
 * Where the install step writes Regula's definitions and what it makes of them. The folder is git-ignored:
 * Regula's definitions are read, never committed.
 */
export const REGULA_DIR = fileURLToPath(new URL('./regula/', import.meta.url));

export const regulaFiles = (api: RegulaApi, dir = REGULA_DIR) => ({
  /** The patched copy of the definitions, one YAML file per part as upstream lays them out. */
  copy: join(dir, api),
  entry: join(dir, api, 'index.yml'),
  /** One JSON document, internal `$ref`s only. */
  bundle: join(dir, `${api}.json`),
  /** openapi-typescript's `paths`, `components` and `operations`. */
  types: join(dir, `${api}.d.ts`),
});

/** Fingerprint of what the folder was built from; the install step skips work when it is unchanged. */
export const stampFile = (dir = REGULA_DIR) => join(dir, '.stamp.json');
