export type ParamValue = number | string | boolean;

export interface ParamSpec {
  default: ParamValue;
  enum?: Array<number | string> | undefined;
  min?: number | undefined;
  max?: number | undefined;
  summary?: string | undefined;
}

export type Resolved = { ok: true; values: Record<string, ParamValue> } | { ok: false; error: string };

type Coerced = { value: ParamValue } | { error: string };

/**
 * No numeric param may exceed this, whatever its scenario declares: counts, seconds and milliseconds past it
 * only make instants that are no dates (a token lifetime of 1e300 s) or timers Node cannot hold.
 */
export const MAX_PARAM_MAGNITUDE = 1e12;

function coerce(name: string, spec: ParamSpec, raw: ParamValue): Coerced {
  let value: ParamValue = raw;
  if (typeof spec.default === 'number' && typeof raw === 'string') {
    value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) return { error: `param ${name}: "${raw}" is not a number` };
  } else if (typeof spec.default === 'boolean' && typeof raw === 'string') {
    if (raw !== 'true' && raw !== 'false') return { error: `param ${name}: "${raw}" is not true or false` };
    value = raw === 'true';
  }
  if (typeof value !== typeof spec.default) return { error: `param ${name}: expected a ${typeof spec.default}` };
  if (typeof value === 'number' && !(Math.abs(value) <= MAX_PARAM_MAGNITUDE))
    return { error: `param ${name}: ${value} is out of range (at most ${MAX_PARAM_MAGNITUDE})` };
  if (spec.enum && !spec.enum.map(String).includes(String(value))) return { error: `param ${name}: "${value}" is not one of ${spec.enum.join(', ')}` };
  if (typeof value === 'number' && spec.min !== undefined && value < spec.min) return { error: `param ${name}: ${value} is below ${spec.min}` };
  if (typeof value === 'number' && spec.max !== undefined && value > spec.max) return { error: `param ${name}: ${value} is above ${spec.max}` };
  return { value };
}

/** Defaults overlaid with the given values, each coerced to its default's type and checked. */
export function resolveParams(specs: Record<string, ParamSpec>, given: Record<string, ParamValue>): Resolved {
  const values: Record<string, ParamValue> = {};
  for (const name of Object.keys(given)) {
    if (!(name in specs)) {
      const known = Object.keys(specs);
      return { ok: false, error: `unknown param "${name}"${known.length ? ` (known: ${known.join(', ')})` : ' (this scenario takes none)'}` };
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    const raw = given[name] ?? spec.default;
    const result = coerce(name, spec, raw);
    if ('error' in result) return { ok: false, error: result.error };
    values[name] = result.value;
  }
  return { ok: true, values };
}
