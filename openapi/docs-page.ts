import type { OpenApiDocument } from './definitions.js';

/**
 * A human-readable page of OpenAPI documents, rendered on the server into one self-contained HTML file:
 * no script, no stylesheet or font from elsewhere (the mock may run where nothing can be fetched).
 * It shows what a reader needs: operations with their auth, parameters, bodies and responses, and schemas.
 */

/** The parts of an OpenAPI 3.x document the page reads (from untyped JSON: each may be missing). */
interface Ref {
  $ref?: string;
}
interface Schema extends Ref {
  type?: string | string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  description?: string;
}
type Content = Record<string, { schema?: Schema }>;
interface Parameter extends Ref {
  name?: string;
  in?: string;
  required?: boolean;
  schema?: Schema;
  description?: string;
}
interface RequestBody extends Ref {
  required?: boolean;
  content?: Content;
}
interface Response extends Ref {
  description?: string;
  content?: Content;
  headers?: Record<string, Ref & { required?: boolean }>;
}
type Security = Record<string, string[]>[];
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: Security;
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses?: Record<string, Response>;
}
type PathItem = Partial<Record<(typeof METHODS)[number], Operation>> & { parameters?: Parameter[] };
interface SecurityScheme {
  type?: string;
  scheme?: string;
  in?: string;
  name?: string;
  description?: string;
}
interface Document {
  info?: { title?: string; version?: string; description?: string };
  servers?: { url?: string }[];
  security?: Security;
  paths?: Record<string, PathItem>;
  components?: { securitySchemes?: Record<string, SecurityScheme>; schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

// String(): a YAML `version: 1.0` arrives as a number.
const esc = (s: string | number | boolean | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The little Markdown our descriptions use: `code`, **bold**, paragraphs and pipe tables. */
function markdown(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') return '';
  // Odd pieces between backticks are code; bold only outside them (`/mobilesdk/**` is not emphasis).
  const inline = (s: string) =>
    s
      .split('`')
      .map((piece, i) => (i % 2 ? `<code>${esc(piece)}</code>` : esc(piece).replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')))
      .join('');
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.trim().split('\n');
      if (!lines.every((l) => l.trim().startsWith('|'))) return `<p>${inline(block)}</p>`;
      const cells = (l: string) =>
        l
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => c.trim());
      const [head, , ...rows] = lines;
      return `<table><tr>${cells(head!)
        .map((c) => `<th>${inline(c)}</th>`)
        .join('')}</tr>${rows
        .map(
          (r) =>
            `<tr>${cells(r)
              .map((c) => `<td>${inline(c)}</td>`)
              .join('')}</tr>`,
        )
        .join('')}</table>`;
    })
    .join('');
}

const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

function resolve<T extends Ref>(doc: Document, node: T | undefined): T {
  let current: Ref = node ?? {};
  for (let hops = 0; typeof current.$ref === 'string' && current.$ref.startsWith('#/') && hops < 10; hops++) {
    current =
      current.$ref
        .slice(2)
        .split('/')
        .reduce<unknown>((n, key) => (n as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc) ?? {};
  }
  return current as T;
}

/** A one-line description of a schema, linking named schemas to their section. */
function schemaLabel(id: string, schema: Schema | undefined): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') return `<a href="#${id}-schema-${esc(refName(schema.$ref))}">${esc(refName(schema.$ref))}</a>`;
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) return `${key === 'allOf' ? 'all of' : 'one of'} ${branches.map((s) => schemaLabel(id, s)).join(' | ')}`;
  }
  if (schema.type === 'array') return `array of ${schemaLabel(id, schema.items) || 'any'}`;
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  const extra = [
    schema.format && `format ${schema.format}`,
    schema.const !== undefined && `= ${JSON.stringify(schema.const)}`,
    Array.isArray(schema.enum) && `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`,
    schema.pattern && `pattern ${schema.pattern}`,
  ].filter(Boolean);
  return esc([type, ...extra].join(', '));
}

function securityLabel(doc: Document, op: Operation): string {
  const requirements = op.security ?? doc.security ?? [];
  if (requirements.length === 0) return 'none';
  return requirements.map((r) => (Object.keys(r).length === 0 ? 'none' : Object.keys(r).map(esc).join(' + '))).join(' <em>or</em> ');
}

function contentRows(id: string, content: Content | undefined): string {
  return Object.entries(content ?? {})
    .map(([type, media]) => `<div><code>${esc(type)}</code> ${schemaLabel(id, media.schema)}</div>`)
    .join('');
}

function operation(id: string, doc: Document, path: string, method: string, op: Operation, shared: Parameter[]): string {
  const params = [...shared, ...(op.parameters ?? [])].map((p) => resolve(doc, p));
  const paramTable = params.length
    ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr>${params
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${schemaLabel(id, p.schema)}</td><td>${markdown(p.description)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const body = op.requestBody ? resolve(doc, op.requestBody) : undefined;
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => {
      const response = resolve(doc, r);
      const headers = Object.entries(response.headers ?? {})
        .map(([name, h]) => `<div>header <code>${esc(name)}</code>${resolve(doc, h).required ? ' (always)' : ''}</div>`)
        .join('');
      return `<tr><td class="status s${esc(status[0])}">${esc(status)}</td><td>${markdown(response.description)}</td><td>${contentRows(id, response.content)}${headers}</td></tr>`;
    })
    .join('');
  return `<section class="op" id="${id}-${esc(op.operationId ?? `${method}-${path}`)}">
<h4><span class="method ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code> ${esc(op.summary ?? '')}</h4>
${markdown(op.description)}<p class="auth">auth: ${securityLabel(doc, op)}</p>${paramTable}
${body ? `<p>request body${body.required ? '' : ' (optional)'}:</p>${contentRows(id, body.content)}` : ''}
<table><tr><th>status</th><th>meaning</th><th>body and headers</th></tr>${responses}</table></section>`;
}

function schemaSection(id: string, name: string, schema: Schema): string {
  const required = new Set<string>(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  const rows = properties
    .map(
      ([prop, s]) =>
        `<tr><td><code>${esc(prop)}</code></td><td>${required.has(prop) ? 'yes' : 'no'}</td><td>${schemaLabel(id, s)}</td><td>${markdown(s.description)}</td></tr>`,
    )
    .join('');
  return `<section class="schema" id="${id}-schema-${esc(name)}"><h4>${esc(name)}</h4>${markdown(schema.description)}
${properties.length ? `<table><tr><th>field</th><th>required</th><th>schema</th><th>description</th></tr>${rows}</table>` : `<p>${schemaLabel(id, schema)}</p>`}</section>`;
}

function documentSection(id: string, doc: OpenApiDocument): string {
  const d = doc as Document;
  const ops: string[] = [];
  for (const [path, item] of Object.entries(d.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) ops.push(operation(id, d, path, method, op, item.parameters ?? []));
    }
  }
  const schemes = Object.entries(d.components?.securitySchemes ?? {})
    .map(
      ([name, s]) =>
        `<tr><td><code>${esc(name)}</code></td><td>${esc([s.type, s.scheme, s.in, s.name].filter(Boolean).join(' '))}</td><td>${markdown(s.description)}</td></tr>`,
    )
    .join('');
  const schemas = Object.entries(d.components?.schemas ?? {}).map(([name, s]) => schemaSection(id, name, s));
  return `<article id="${id}"><h2>${esc(d.info?.title)} <small>${esc(d.info?.version)}</small></h2>
<p>servers: ${(d.servers ?? []).map((s) => `<code>${esc(s.url)}</code>`).join(', ')} · <a href="${id === 'gateway' ? 'openapi' : 'openapi/admin'}">JSON</a></p>
${markdown(d.info?.description)}
<h3>Security schemes</h3><table><tr><th>name</th><th>kind</th><th>description</th></tr>${schemes}</table>
<h3>Operations</h3>${ops.join('\n')}<h3>Schemas</h3>${schemas.join('\n')}</article>`;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#1d232b}
code{font:13px ui-monospace,monospace;background:#f1f3f5;padding:0 .25em;border-radius:3px}
table{border-collapse:collapse;margin:.5em 0;width:100%}td,th{border:1px solid #d8dde3;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f6f8fa}.op,.schema{border-top:1px solid #d8dde3;padding:.5em 0}.method{color:#fff;padding:.1em .5em;border-radius:3px;font-size:13px}
.get{background:#1f7a3d}.post{background:#1f5fa8}.put{background:#8a5a00}.delete{background:#a12b2b}.patch{background:#6b3fa0}
.status{font-weight:bold}td p{margin:0}.s2{color:#1f7a3d}.s4{color:#a15c00}.s5{color:#a12b2b}.auth{color:#555}nav a{margin-right:1em}`;

/** The whole page for the given documents, each under its own anchor. */
export function renderDocsPage(docs: ReadonlyArray<{ id: string; doc: OpenApiDocument }>): string {
  const nav = docs.map(({ id, doc }) => `<a href="#${esc(id)}">${esc((doc as Document).info?.title)}</a>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>zignsec-mock API docs</title><style>${STYLE}</style></head><body><h1>zignsec-mock API docs</h1><nav>${nav}</nav>
${docs.map(({ id, doc }) => documentSection(esc(id), doc)).join('\n')}</body></html>`;
}
