/**
 * Turns the schemas of an OpenAPI 3.0 document into JSON Schema (draft-07) that Ajv validates with the
 * meaning OpenAPI gives them:
 * - `nullable: true` admits null;
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) become numeric;
 * - a `oneOf`/`anyOf` whose branches share a `discriminator` (on the node itself or on a base schema
 *   every branch extends through `allOf`) dispatches on the discriminator value, as OpenAPI tools do,
 *   instead of demanding that exactly one branch matches; Regula's containers differ by `result_type`
 *   and would otherwise match several branches and fail `oneOf`;
 * - the discriminator is dropped from base schemas (kept, it would recurse through `allOf`);
 * - OpenAPI-only keywords (`example`, `xml`, `externalDocs`, `deprecated`, `x-*`) are dropped.
 */

type Json = Record<string, unknown>;

const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions'] as const;
const SCHEMA_LIST_KEYWORDS = ['allOf', 'oneOf', 'anyOf'] as const;
const SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'] as const;
const DROPPED = new Set(['example', 'examples', 'xml', 'externalDocs', 'deprecated', 'discriminator', 'nullable']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function unescapePointer(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Follows local `$ref`s (`#/...`) to the schema they name. */
export function resolveLocalRef(doc: Json, node: unknown): Json | undefined {
  let current: unknown = node;
  for (let hops = 0; hops < 20 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    current = ref
      .slice(2)
      .split('/')
      .map(unescapePointer)
      .reduce<unknown>((at, key) => (isObject(at) || Array.isArray(at) ? (at as Json)[key] : undefined), doc);
  }
  return isObject(current) ? current : undefined;
}

interface Discriminator {
  propertyName: string;
  mapping: Record<string, string>;
  /** Whether the discriminator property is an integer on the wire (mapping keys are always strings). */
  numeric: boolean;
}

function discriminatorOf(doc: Json, schema: Json | undefined): Discriminator | undefined {
  const d = schema?.discriminator;
  if (!isObject(d) || typeof d.propertyName !== 'string' || !isObject(d.mapping)) return undefined;
  const property = resolveLocalRef(doc, (schema!.properties as Json | undefined)?.[d.propertyName]);
  const numeric = property?.type === 'integer' || property?.type === 'number';
  return { propertyName: d.propertyName, mapping: d.mapping as Record<string, string>, numeric };
}

/** The discriminator that governs a `oneOf`/`anyOf`: its own, or the one of a base all branches extend. */
function governingDiscriminator(doc: Json, node: Json, branches: unknown[]): Discriminator | undefined {
  const own = discriminatorOf(doc, node);
  if (own) return own;
  if (!branches.every((b) => isObject(b) && typeof b.$ref === 'string')) return undefined;
  let shared: Discriminator | undefined;
  for (const branch of branches) {
    const target = resolveLocalRef(doc, branch);
    const bases = (Array.isArray(target?.allOf) ? target.allOf : []).map((part) => discriminatorOf(doc, resolveLocalRef(doc, part)));
    const found = bases.find((d) => d !== undefined);
    if (!found || (shared && shared !== found && shared.propertyName !== found.propertyName)) return undefined;
    shared ??= found;
  }
  return shared;
}

/** `if value in [...] then target else (next)`, one link per mapping target, the original union last. */
function dispatch(d: Discriminator, fallback: Json): Json {
  const byTarget = new Map<string, unknown[]>();
  for (const [key, target] of Object.entries(d.mapping)) {
    const value = d.numeric && /^-?\d+(\.\d+)?$/.test(key) ? Number(key) : key;
    byTarget.set(target, [...(byTarget.get(target) ?? []), value]);
  }
  let chain: Json = fallback;
  for (const [target, values] of [...byTarget].reverse()) {
    chain = {
      if: { properties: { [d.propertyName]: { enum: values } }, required: [d.propertyName] },
      then: { $ref: target },
      else: chain,
    };
  }
  return chain;
}

/** Removes a keyword from a schema being converted: a JSON object whose keys are keyword names, not a dictionary a Map could replace. */
function dropKeyword(schema: Json, keyword: string): void {
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the key is always one of the JSON Schema keywords named above
  delete schema[keyword];
}

/** Converts one schema (and everything nested in it). */
export function convertSchema(doc: Json, schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if ((SCHEMA_MAP_KEYWORDS as readonly string[]).includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertSchema(doc, v)]));
    } else if ((SCHEMA_LIST_KEYWORDS as readonly string[]).includes(key) && Array.isArray(value)) {
      out[key] = value.map((v) => convertSchema(doc, v));
    } else if ((SCHEMA_KEYWORDS as readonly string[]).includes(key)) {
      out[key] = convertSchema(doc, value);
    } else {
      out[key] = value;
    }
  }

  for (const bound of ['Minimum', 'Maximum'] as const) {
    const exclusive = `exclusive${bound}`;
    const limit = bound.toLowerCase();
    if (out[exclusive] === true && typeof out[limit] === 'number') {
      out[exclusive] = out[limit];
      dropKeyword(out, limit);
    } else if (out[exclusive] === false) {
      dropKeyword(out, exclusive);
    }
  }

  for (const union of ['oneOf', 'anyOf'] as const) {
    const branches = schema[union];
    if (!Array.isArray(branches)) continue;
    const d = governingDiscriminator(doc, schema, branches);
    if (!d) continue;
    const fallback = { [union]: out[union] };
    dropKeyword(out, union);
    Object.assign(out, dispatch(d, fallback));
  }

  if (schema.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    } else if (out.type === undefined) {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

/** Every schema position of an OpenAPI 3.0 document converted; the rest of the document kept as is. */
export function convertDocument(doc: Json): Json {
  const schemaHolders = new Set(['schema']);
  const walk = (node: unknown, inComponentsSchemas: boolean): unknown => {
    if (Array.isArray(node)) return node.map((v) => walk(v, false));
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (inComponentsSchemas || schemaHolders.has(key)) out[key] = convertSchema(doc, value);
      else out[key] = walk(value, false);
    }
    return out;
  };
  const components = isObject(doc.components) ? doc.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return {
    ...(walk(doc, false) as Json),
    components: { ...(walk(components, false) as Json), schemas: walk(schemas, true) },
  };
}
