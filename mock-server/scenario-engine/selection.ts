import type { SelectionFile } from './scenario.schema.js';
import { parseScenarioRef, type ScenarioRef } from './scenario-ref.js';
import type { ResourceKind } from './vocabulary.js';

/** What the creating request tells the rules about the new resource. */
export interface SelectionInput {
  clientId: string;
  attributes?: Readonly<Record<string, string | undefined>>;
}

type Match = (value: string | undefined) => boolean;

/** `/regex/` or `*` or an exact value; a list matches when any item does. */
function matcher(spec: string | string[]): Match {
  const one = (s: string): Match => {
    if (s === '*') return (v) => v !== undefined;
    const regex = /^\/(.*)\/([a-z]*)$/.exec(s);
    if (regex) {
      const re = new RegExp(regex[1]!, regex[2]);
      return (v) => v !== undefined && re.test(v);
    }
    return (v) => v === s;
  };
  const all = (Array.isArray(spec) ? spec : [spec]).map(one);
  return (v) => all.some((m) => m(v));
}

interface CompiledRule {
  kind?: ResourceKind;
  clientId?: Match;
  attributes: Array<[string, Match]>;
  use: ScenarioRef;
}

/** The selection rules (first match wins) and the per-kind defaults, compiled once. */
export class SelectionRules {
  private readonly rules: CompiledRule[];
  private readonly defaults: Partial<Record<ResourceKind, ScenarioRef>>;

  constructor(file: SelectionFile) {
    this.rules = file.rules.map((r) => ({
      ...(r.when.kind ? { kind: r.when.kind } : {}),
      ...(r.when.clientId ? { clientId: matcher(r.when.clientId) } : {}),
      attributes: Object.entries(r.when.attributes ?? {}).map(([k, m]) => [k, matcher(m)] as [string, Match]),
      use: parseScenarioRef(r.use)!,
    }));
    this.defaults = Object.fromEntries(Object.entries(file.defaults).map(([k, v]) => [k, parseScenarioRef(v)!]));
  }

  match(kind: ResourceKind, input: SelectionInput, binds: (ref: ScenarioRef) => readonly ResourceKind[]): ScenarioRef | undefined {
    for (const rule of this.rules) {
      if (rule.kind && rule.kind !== kind) continue;
      if (!rule.kind && !binds(rule.use).includes(kind)) continue;
      if (rule.clientId && !rule.clientId(input.clientId)) continue;
      if (!rule.attributes.every(([name, m]) => m(input.attributes?.[name]))) continue;
      return rule.use;
    }
    return undefined;
  }

  defaultFor(kind: ResourceKind): ScenarioRef | undefined {
    return this.defaults[kind];
  }
}
