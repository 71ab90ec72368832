import { existsSync, readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { convertDocument, resolveLocalRef } from './oas30-json-schema.js';
import { REGULA_DIR, regulaFiles, type RegulaApi } from './regula-files.js';

/**
 * Validates bodies against Regula's own definitions (the bundles the install step writes into
 * openapi/regula/). Used by tests on every fixture, and meant for a strict mode of the server later.
 */

export interface Violation {
  /** JSON pointer into the body (`/ContainerList/List/0/Status/overallStatus`), `` for the root. */
  path: string;
  message: string;
}

/** An operationId, `"GET /api/v2/transaction/{transactionId}/results"`, or its parts. */
export type OperationRef = string | { method: string; path: string };

type Json = Record<string, unknown>;

// ajv-formats is CommonJS; its default export arrives nested under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Regula's `format: base64` (not an OpenAPI format) on image fields. GET .../results?withImages=false
 * answers URLs in the same fields ("With base64 images or url" in p-transaction.yml; no other field holds
 * them), so an absolute http(s) URL is accepted there too.
 */
const base64OrUrl = (value: string): boolean => BASE64.test(value) || /^https?:\/\/\S+$/.test(value);

/** Every `format` named anywhere in the document. */
function formatsUsed(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((v) => formatsUsed(v, into));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'format' && typeof v === 'string') into.add(v);
      else formatsUsed(v, into);
    }
  }
  return into;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `/api/v2/transaction/{transactionId}/results` matches itself and any concrete transaction id. */
function pathMatches(template: string, concrete: string): boolean {
  const want = template.split('/');
  const have = concrete.split('?')[0]!.split('/');
  return want.length === have.length && want.every((seg, i) => seg === have[i] || (/^\{[^}]+\}$/.test(seg) && have[i] !== ''));
}

class ApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, validateSchema: false });
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly id: string;

  constructor(
    readonly api: RegulaApi,
    private readonly doc: Json,
  ) {
    addFormats(this.ajv);
    this.ajv.addFormat('base64', base64OrUrl);
    // A format Ajv does not know is an annotation in OpenAPI: accept it rather than warn on every compile.
    for (const format of formatsUsed(doc)) if (!(format in this.ajv.formats)) this.ajv.addFormat(format, true);
    this.id = `regula-${api}.json`;
    this.ajv.addSchema({ $id: this.id, ...convertDocument(doc) });
  }

  private compile(pointer: string): ValidateFunction {
    let fn = this.cache.get(pointer);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `${this.id}#${pointer}` });
      this.cache.set(pointer, fn);
    }
    return fn;
  }

  private findOperation(ref: OperationRef): { pointer: string; op: Json } {
    const paths = (this.doc.paths ?? {}) as Record<string, Json>;
    const wanted = typeof ref === 'string' ? /^([A-Za-z]+)\s+(\/\S*)$/.exec(ref) : [undefined, ref.method, ref.path];
    for (const [template, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const hit = wanted ? method === wanted[1]!.toLowerCase() && pathMatches(template, wanted[2]!) : op.operationId === ref;
        if (hit) return { pointer: `/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`, op };
      }
    }
    throw new Error(`${this.api}: no operation ${typeof ref === 'string' ? ref : `${ref.method} ${ref.path}`}`);
  }

  /** The pointer of the JSON schema of a response, or why there is none. */
  private responseSchema(ref: OperationRef, status: number): { pointer?: string; violation?: Violation } {
    const { pointer, op } = this.findOperation(ref);
    const responses = (op.responses ?? {}) as Json;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (key === undefined) {
      return { violation: { path: '', message: `status ${status} is not declared (declared: ${Object.keys(responses).join(', ')})` } };
    }
    let responsePointer = `${pointer}/responses/${key}`;
    const raw = responses[key] as Json;
    if (typeof raw.$ref === 'string') responsePointer = raw.$ref.slice(1);
    const response = resolveLocalRef(this.doc, raw) ?? {};
    const content = (response.content ?? {}) as Record<string, Json>;
    const type = Object.keys(content).find((t) => /json/i.test(t));
    if (type === undefined || content[type]!.schema === undefined) return {};
    return { pointer: `${responsePointer}/content/${type.replace(/\//g, '~1')}/schema` };
  }

  validateResponse(ref: OperationRef, status: number, body: unknown): Violation[] {
    const { pointer, violation } = this.responseSchema(ref, status);
    if (violation) return [violation];
    if (pointer === undefined) return [];
    return this.run(this.compile(pointer), body);
  }

  validateSchema(name: string, value: unknown): Violation[] {
    if (!(name in (((this.doc.components as Json | undefined)?.schemas ?? {}) as Json))) {
      throw new Error(`${this.api}: no schema ${name}`);
    }
    return this.run(this.compile(`/components/schemas/${name}`), value);
  }

  private run(fn: ValidateFunction, body: unknown): Violation[] {
    if (fn(body)) return [];
    return toViolations(fn.errors ?? []);
  }
}

/** Ajv's errors as violations; the wrappers of discriminator dispatch (`if`) say nothing of their own. */
function toViolations(errors: ErrorObject[]): Violation[] {
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    let message = e.message ?? e.keyword;
    if (e.keyword === 'required') message = `must have required property '${String(e.params.missingProperty)}'`;
    if (e.keyword === 'enum') message = `must be one of ${JSON.stringify(e.params.allowedValues).slice(0, 200)}`;
    const line = `${e.instancePath} ${message}`;
    if (seen.has(line)) continue;
    seen.add(line);
    out.push({ path: e.instancePath, message });
  }
  return out;
}

export interface RegulaValidator {
  validateResponse(api: RegulaApi, operation: OperationRef, status: number, body: unknown): Violation[];
  /** Validates a value against one named schema of the definitions (`components.schemas`). */
  validateSchema(api: RegulaApi, schema: string, value: unknown): Violation[];
}

/** A validator over the bundles in `dir` (openapi/regula/ by default); each API is loaded on first use. */
export function createRegulaValidator(dir = REGULA_DIR): RegulaValidator {
  const apis = new Map<RegulaApi, ApiValidator>();
  const get = (api: RegulaApi): ApiValidator => {
    let v = apis.get(api);
    if (!v) {
      const file = regulaFiles(api, dir).bundle;
      if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run regula:install\``);
      v = new ApiValidator(api, JSON.parse(readFileSync(file, 'utf8')) as Json);
      apis.set(api, v);
    }
    return v;
  };
  return {
    validateResponse: (api, operation, status, body) => get(api).validateResponse(operation, status, body),
    validateSchema: (api, schema, value) => get(api).validateSchema(schema, value),
  };
}

let shared: RegulaValidator | undefined;

/** Violations of a response body against Regula's definitions; empty when it conforms. */
export function validateResponse(api: RegulaApi, operation: OperationRef, status: number, body: unknown): Violation[] {
  shared ??= createRegulaValidator();
  return shared.validateResponse(api, operation, status, body);
}

/** Violations of a value against one named schema of Regula's definitions. */
export function validateSchema(api: RegulaApi, schema: string, value: unknown): Violation[] {
  shared ??= createRegulaValidator();
  return shared.validateSchema(api, schema, value);
}
