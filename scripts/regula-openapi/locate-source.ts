import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { REGULA_APIS } from '../../openapi/regula-files.js';

export interface SourceInputs {
  projectRoot: string;
  /** `REGULA_OPENAPI_DIR`: a folder holding docreader/ and faceapi/. When set it must be usable. */
  regulaOpenapiDir?: string | undefined;
  /** `SHARED_DIR`: the project's shared folder; its regula-openapi/ is used when present. */
  sharedDir?: string | undefined;
}

export type Source = { kind: 'folder'; dir: string; why: string } | { kind: 'download' };

const hasBothApis = (dir: string): boolean => REGULA_APIS.every((api) => existsSync(join(dir, api, 'index.yml')));

/**
 * Where the definitions come from, in order: REGULA_OPENAPI_DIR, SHARED_DIR/regula-openapi,
 * ../shared/regula-openapi beside the project, else the pinned commits downloaded from GitHub.
 */
export function locateSource(inputs: SourceInputs): Source {
  const { projectRoot, regulaOpenapiDir, sharedDir } = inputs;
  if (regulaOpenapiDir) {
    const dir = isAbsolute(regulaOpenapiDir) ? regulaOpenapiDir : resolve(projectRoot, regulaOpenapiDir);
    if (!hasBothApis(dir)) {
      throw new Error(`REGULA_OPENAPI_DIR=${regulaOpenapiDir}: expected ${join(dir, 'docreader', 'index.yml')} and ${join(dir, 'faceapi', 'index.yml')}`);
    }
    return { kind: 'folder', dir, why: 'REGULA_OPENAPI_DIR' };
  }
  if (sharedDir) {
    const dir = join(resolve(projectRoot, sharedDir), 'regula-openapi');
    if (hasBothApis(dir)) return { kind: 'folder', dir, why: 'SHARED_DIR' };
  }
  const sibling = resolve(projectRoot, '..', 'shared', 'regula-openapi');
  if (hasBothApis(sibling)) return { kind: 'folder', dir: sibling, why: '../shared' };
  return { kind: 'download' };
}
