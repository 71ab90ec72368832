/**
 * Writes openapi/<name>.types.ts from each surface's openapi/<name>.yaml, and from each definition a reference client is typed by, with openapi-typescript. The output is
 * committed (the definition is ours); test/openapi/definitions.test.ts fails when it is out of date.
 * Usage: npm run openapi:types [-- --check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { definitionFile } from '../openapi/definitions.js';
import { SURFACES } from '../mock-server/surfaces/index.js';

/**
 * Regula's schemas stay Regula's: the gateway references them in the ignored local copy (openapi/regula/),
 * and the types refer to the types generated there at install, instead of copying them into this file.
 */
const REGULA_TYPES = {
  docreader: { prefix: './regula/docreader/', alias: 'RegulaDocreader', module: './regula/docreader.js' },
  faceapi: { prefix: './regula/faceapi/', alias: 'RegulaFaceapi', module: './regula/faceapi.js' },
} as const;
const MARK = 'x-regula-type';

/** The file's header: Regula's generated types are imported only by a definition that references them. */
const header = (name: string, body: string): string => {
  const regula = Object.values(REGULA_TYPES).filter((r) => body.includes(`${r.alias}[`));
  return `/**
 * Generated from openapi/${name}.yaml by openapi-typescript (npm run openapi:types). Do not edit by hand.${
   regula.length > 0 ? "\n * Regula's bodies are the types generated from the local copy of Regula's definitions (npm install)." : ''
 }
 */
${regula.map((r) => `import type { components as ${r.alias} } from '${r.module}';\n`).join('')}
`;
};

/** Each reference to one of Regula's schemas becomes a marker that the transform below types. */
function markRegulaRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(markRegulaRefs);
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    for (const regula of Object.values(REGULA_TYPES)) {
      const match = ref.startsWith(regula.prefix) ? /#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
      // openapi-typescript offers a schema to the transform only when it has a type.
      if (match) return { type: 'object', [MARK]: [regula.alias, match[1]] };
      if (ref.startsWith(regula.prefix)) throw new Error(`${ref}: only Regula's component schemas can be referenced`);
    }
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, markRegulaRefs(v)]));
}

const f = ts.factory;
const indexed = (type: ts.TypeNode, key: string) => f.createIndexedAccessTypeNode(type, f.createLiteralTypeNode(f.createStringLiteral(key)));

/** `openapi/<name>.types.ts`, beside its definition. */
export const typesFileOf = (name: string): string => fileURLToPath(new URL(`../openapi/${name}.types.ts`, import.meta.url));

/**
 * Definitions a reference client (contracts/client/) is typed by, whether or not a surface serves them yet:
 * Assure's contract came before its surface.
 */
const CLIENT_DEFINITIONS: readonly string[] = ['assure'];

/** Every surface's definition and every client's (each once): the ones whose types the handlers and clients use. */
export const TYPED_DEFINITIONS: readonly string[] = [...new Set([...SURFACES.map((s) => s.definition), ...CLIENT_DEFINITIONS])];

export async function typesSource(name: string): Promise<string> {
  const doc = markRegulaRefs(parseYaml(readFileSync(definitionFile(name), 'utf8'))) as OpenAPI3;
  const ast = await openapiTS(doc, {
    alphabetize: false,
    exportType: false,
    transform(schema) {
      const mark = (schema as Record<string, unknown>)[MARK] as [string, string] | undefined;
      return mark ? indexed(indexed(f.createTypeReferenceNode(mark[0]), 'schemas'), mark[1]) : undefined;
    },
  });
  const body = astToString(ast);
  return header(name, body) + body;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of TYPED_DEFINITIONS) {
    const file = typesFileOf(name);
    const source = await typesSource(name);
    if (process.argv.includes('--check')) {
      if (readFileSync(file, 'utf8') !== source) {
        process.stderr.write(`openapi/${name}.types.ts is out of date: run npm run openapi:types\n`);
        process.exit(1);
      }
    } else {
      writeFileSync(file, source);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
}
