import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGULA_APIS, REGULA_DIR, regulaFiles, stampFile, type RegulaApi } from '../../openapi/regula-files.js';
import { hashFiles, readDefinitionFiles } from './definition-files.js';
import { locateSource, type SourceInputs } from './locate-source.js';
import { downloadDefinitions } from './download.js';
import { patchDefinitions, type PatchReport } from './patch-definitions.js';
import { PINNED } from './pinned.js';

export interface InstallOptions extends SourceInputs {
  outDir?: string;
  /** Rebuild even when the stamp says nothing changed. */
  force?: boolean;
  log?: (line: string) => void;
  /** Replaces the GitHub download (tests). */
  download?: (api: RegulaApi) => Promise<Map<string, string>>;
}

export type InstallOutcome = { status: 'up-to-date' } | { status: 'installed'; source: string; patches: Record<RegulaApi, PatchReport[]> };

interface Stamp {
  source: string;
  pipeline: string;
}

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** Changes when this pipeline's code or the generator it drives changes, so the outputs are rebuilt. */
function pipelineFingerprint(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(here).sort()) hash.update(name).update(readFileSync(join(here, name)));
  for (const pkg of ['openapi-typescript/package.json', '@redocly/openapi-core/package.json']) {
    hash.update((JSON.parse(readFileSync(require.resolve(pkg), 'utf8')) as { version: string }).version);
  }
  return hash.digest('hex');
}

function readStamp(outDir: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(stampFile(outDir), 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

function writeCopy(dir: string, files: ReadonlyMap<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/**
 * Fills the git-ignored openapi/regula/ with a patched copy of Regula's definitions, one bundled JSON
 * document per API and its generated types. Skips all work when the source and this pipeline are unchanged.
 */
export async function installRegulaOpenapi(options: InstallOptions): Promise<InstallOutcome> {
  const outDir = options.outDir ?? REGULA_DIR;
  const log = options.log ?? (() => {});
  const source = locateSource(options);

  let sources: Map<RegulaApi, Map<string, string>> | undefined;
  let identity: string;
  if (source.kind === 'folder') {
    sources = new Map(REGULA_APIS.map((api) => [api, readDefinitionFiles(join(source.dir, api))]));
    identity = `folder:${hashFiles(new Map([...sources].flatMap(([api, files]) => [...files].map(([p, t]) => [`${api}/${p}`, t]))))}`;
  } else {
    identity = `github:${REGULA_APIS.map((api) => PINNED[api].commit).join(',')}`;
  }

  const pipeline = pipelineFingerprint();
  const stamp = readStamp(outDir);
  const outputsExist = REGULA_APIS.every((api) => {
    const f = regulaFiles(api, outDir);
    return existsSync(f.entry) && existsSync(f.bundle) && existsSync(f.types);
  });
  if (!options.force && outputsExist && stamp?.source === identity && stamp.pipeline === pipeline) {
    log('Regula definitions: up to date');
    return { status: 'up-to-date' };
  }

  const from = source.kind === 'folder' ? `${source.dir} (${source.why})` : 'the pinned commits on GitHub';
  log(`Regula definitions: installing from ${from}`);
  if (!sources) {
    const download = options.download ?? ((api: RegulaApi) => downloadDefinitions(api));
    sources = new Map();
    for (const api of REGULA_APIS) sources.set(api, await download(api));
  }

  // Loaded only when there is work: the generator pulls in the TypeScript compiler.
  const [{ bundleDefinitions }, { generateTypes }] = await Promise.all([import('./bundle.js'), import('./generate-types.js')]);
  rmSync(stampFile(outDir), { force: true });
  const patches = {} as Record<RegulaApi, PatchReport[]>;
  for (const api of REGULA_APIS) {
    const files = regulaFiles(api, outDir);
    const patched = patchDefinitions(sources.get(api)!);
    patches[api] = patched.report;
    writeCopy(files.copy, patched.files);
    const bundled = await bundleDefinitions(files.entry);
    writeFileSync(files.bundle, JSON.stringify(bundled));
    writeFileSync(files.types, await generateTypes(bundled));
    const mappings = patched.report.filter((r) => r.change.startsWith('mapping')).length;
    log(`  ${api}: ${mappings} discriminator mappings qualified, ${patched.report.length - mappings} null descriptions fixed`);
  }
  writeFileSync(stampFile(outDir), JSON.stringify({ source: identity, pipeline } satisfies Stamp, null, 2));
  return { status: 'installed', source: from, patches };
}
