import { posix } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';

/**
 * Patches the two known defects of Regula's definitions in a local copy. The files are edited as text,
 * line by line: they hold multi-line quoted scalars that strict YAML 1.2 parsers (the `yaml` package)
 * reject and that js-yaml (what Redocly and openapi-typescript read with) accepts, so a parse-and-rewrite
 * would either fail or reformat every file. The result is checked by parsing it the way Redocly does.
 */

/** The definitions of one API: YAML text by path relative to its folder (posix separators). */
export type DefinitionFiles = ReadonlyMap<string, string>;

export interface PatchReport {
  file: string;
  line: number;
  change: string;
}

const SCHEMA_NAME = /^[A-Za-z_][\w.-]*$/;
const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlankOrComment = (line: string): boolean => /^\s*(#.*)?$/.test(line);

/** Which files define `components.schemas[name]`, by schema name. */
function schemaHomes(parsed: ReadonlyMap<string, unknown>): Map<string, string[]> {
  const homes = new Map<string, string[]>();
  for (const [file, doc] of parsed) {
    const schemas = (doc as { components?: { schemas?: Record<string, unknown> } } | null)?.components?.schemas;
    for (const name of Object.keys(schemas ?? {})) homes.set(name, [...(homes.get(name) ?? []), file]);
  }
  return homes;
}

/** A `$ref` from `fromFile` to the schema `name` defined in `toFile`. */
function schemaRef(fromFile: string, toFile: string, name: string): string {
  if (fromFile === toFile) return `#/components/schemas/${name}`;
  let rel = posix.relative(posix.dirname(fromFile), toFile);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return `${rel}#/components/schemas/${name}`;
}

/**
 * Defect 1: `discriminator.mapping` values are bare schema names. OpenAPI allows a name there, but
 * Redocly's bundler and openapi-typescript read every mapping value as a $ref and fail. Each name becomes
 * a $ref to where the schema is actually defined: the same file when it is there, else the one other
 * file of the API that defines it.
 */
function qualifyMappings(file: string, lines: string[], homes: Map<string, string[]>, report: PatchReport[]): void {
  for (let i = 0; i < lines.length; i++) {
    const disc = /^(\s*)discriminator:\s*(#.*)?$/.exec(lines[i]!);
    if (!disc) continue;
    const discIndent = disc[1]!.length;
    let j = i + 1;
    // Find `mapping:` among the discriminator's own keys.
    for (; j < lines.length && (isBlankOrComment(lines[j]!) || indentOf(lines[j]!) > discIndent); j++) {
      if (/^\s*mapping:\s*(#.*)?$/.test(lines[j]!)) break;
    }
    if (j >= lines.length || !/^\s*mapping:/.test(lines[j]!)) continue;
    const mapIndent = indentOf(lines[j]!);
    for (let k = j + 1; k < lines.length && (isBlankOrComment(lines[k]!) || indentOf(lines[k]!) > mapIndent); k++) {
      const entry = /^(\s*)([^:#]+?):\s*(["']?)([^"'#]+?)\3\s*(#.*)?$/.exec(lines[k]!);
      if (!entry) continue;
      const name = entry[4]!;
      if (!SCHEMA_NAME.test(name)) continue; // already a reference
      const where = homes.get(name) ?? [];
      const home = where.includes(file) ? file : where.length === 1 ? where[0]! : undefined;
      if (home === undefined) {
        throw new Error(`${file}:${k + 1}: discriminator mapping names "${name}", defined in ${where.join(', ') || 'no file'}`);
      }
      const ref = schemaRef(file, home, name);
      lines[k] = `${entry[1]}${entry[2]}: "${ref}"`;
      report.push({ file, line: k + 1, change: `mapping ${entry[2]}: "${name}" -> "${ref}"` });
    }
    i = j;
  }
}

/**
 * Defect 2: `description:` followed only by a comment (the next key at the same indentation) is null,
 * which OpenAPI forbids and which makes Prism give up validating requests. The comment becomes the
 * description; with no comment the key goes. A property *named* description is followed by a deeper
 * block and is left alone.
 */
function fillNullDescriptions(file: string, lines: string[], report: PatchReport[]): void {
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)description:\s*(?:#\s*(.*?))?\s*$/.exec(lines[i]!);
    if (!m) continue;
    let next = i + 1;
    while (next < lines.length && isBlankOrComment(lines[next]!)) next++;
    if (next < lines.length && indentOf(lines[next]!) > m[1]!.length) continue; // a block value follows
    const comment = m[2];
    if (comment) {
      lines[i] = `${m[1]}description: ${JSON.stringify(comment)}`;
      report.push({ file, line: i + 1, change: 'null description -> its comment' });
    } else {
      lines.splice(i, 1);
      report.push({ file, line: i + 1, change: 'null description removed' });
      i--;
    }
  }
}

/** Anything still wrong after patching, found by reading the files as Redocly does. */
function remainingDefects(file: string, doc: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        walk(v, `${path}/${i}`);
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && value === null) found.push(`${file}${path}/description is null`);
      if (key === 'discriminator' && value && typeof value === 'object') {
        for (const [k, v] of Object.entries((value as { mapping?: Record<string, unknown> }).mapping ?? {})) {
          if (typeof v !== 'string' || !v.includes('#')) found.push(`${file}${path}/discriminator/mapping/${k} is not a $ref`);
        }
      }
      walk(value, `${path}/${key}`);
    }
  };
  walk(doc, '#');
  return found;
}

/** Applies both patches to one API's definitions; returns the patched texts and what changed. */
export function patchDefinitions(files: DefinitionFiles): { files: Map<string, string>; report: PatchReport[] } {
  const parsed = new Map<string, unknown>();
  for (const [file, text] of files) parsed.set(file, parseYaml(text));
  const homes = schemaHomes(parsed);
  const report: PatchReport[] = [];
  const out = new Map(files);
  for (const [file, text] of files) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(/\r?\n/);
    const before = report.length;
    qualifyMappings(file, lines, homes, report);
    fillNullDescriptions(file, lines, report);
    if (report.length > before) out.set(file, lines.join(eol));
  }
  const left = [...out].flatMap(([file, text]) => remainingDefects(file, parseYaml(text)));
  if (left.length > 0) throw new Error(`patching left defects:\n  ${left.join('\n  ')}`);
  return { files: out, report };
}
