import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../config.js';
import { resolveParams, type ParamSpec } from './params.js';
import { parseScenarioRef } from './scenario-ref.js';
import { scenarioFileSchema, selectionFileSchema, type ScenarioFile, type SelectionFile } from './scenario.schema.js';
import type { OutcomeVocabulary, ResourceKind } from './vocabulary.js';

export interface ScenarioDefinition extends Omit<ScenarioFile, 'params'> {
  file: string;
  params: Record<string, ParamSpec>;
}

export interface ScenarioCatalog {
  scenarios: ReadonlyMap<string, ScenarioDefinition>;
  selection: SelectionFile;
  /** The surfaces' outcomes and variants, which outcome views and variant params are checked against. */
  outcomes: OutcomeVocabulary;
}

type Problems = string[];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

function readYaml(path: string, label: string, problems: Problems): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.push(`${label}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function zodProblems(error: z.ZodError, label: string): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => (path ? `${path}.${k}` : k)).join(', ') : undefined;
    return `${label}: ${keys ?? (path || '(root)')}: ${issue.message}`;
  });
}

const refsIn = (value: unknown): string[] =>
  typeof value === 'string' && value.startsWith('$') ? [value.slice(1)] : value && typeof value === 'object' ? Object.values(value).flatMap(refsIn) : [];

function normalizeParams(file: ScenarioFile): Record<string, ParamSpec> {
  return Object.fromEntries(Object.entries(file.params ?? {}).map(([name, p]) => [name, typeof p === 'object' ? p : { default: p }]));
}

/** Targets exist, params exist, every state is reachable, variants have fixtures. */
function crossCheck(def: ScenarioDefinition, label: string, outcomes: OutcomeVocabulary, problems: Problems): void {
  const states = def.states;
  if (!(def.initial in states)) problems.push(`${label}: initial: unknown state "${def.initial}"`);
  for (const [name, state] of Object.entries(states)) {
    const at = `${label}: states.${name}`;
    for (const [event, target] of Object.entries(state.on ?? {})) {
      if (!(target in states)) problems.push(`${at}.on.${event}: unknown state "${target}"`);
    }
    if (state.after && !(state.after.to in states)) problems.push(`${at}.after.to: unknown state "${state.after.to}"`);
    if (state.terminal && (state.after || Object.keys(state.on ?? {}).length > 0)) problems.push(`${at}.terminal: a terminal state has no transitions`);
    for (const ref of refsIn(state)) if (!(ref in def.params)) problems.push(`${at}: unknown param $${ref}`);
    checkFixture(def, state.view, `${at}.view`, outcomes, problems);
  }
  const reached = new Set<string>();
  const visit = (name: string) => {
    if (reached.has(name) || !(name in states)) return;
    reached.add(name);
    const s = states[name]!;
    Object.values(s.on ?? {}).forEach(visit);
    if (s.after) visit(s.after.to);
  };
  visit(def.initial);
  for (const name of Object.keys(states)) if (!reached.has(name)) problems.push(`${label}: states.${name}: unreachable from "${def.initial}"`);
}

/** An outcome view must name an outcome a surface registered, and a variant its fixtures render. */
function checkFixture(
  def: ScenarioDefinition,
  view: { outcome?: string | undefined; variant?: string | undefined } | undefined,
  at: string,
  outcomes: OutcomeVocabulary,
  problems: Problems,
): void {
  if (!view?.outcome) return;
  const values = (v: string): string[] => (v.startsWith('$') ? (def.params[v.slice(1)]?.enum ?? [def.params[v.slice(1)]?.default]).map(String) : [v]);
  const variants = view.variant === undefined ? [] : values(view.variant);
  for (const outcome of values(view.outcome)) {
    const known = outcomes[outcome];
    if (!known) {
      problems.push(`${at}.outcome: unknown outcome "${outcome}" (known: ${Object.keys(outcomes).join(', ')})`);
      continue;
    }
    for (const variant of variants) {
      if (!known.includes(variant)) problems.push(`${at}.variant: unknown fixture "${outcome}/${variant}" (known: ${known.join(', ')})`);
    }
  }
}

/**
 * A param that only ever fills a view's `variant` takes the variants the surfaces render for that view's
 * outcome, unless the file lists its own: the one list of variants is the surfaces'.
 */
function variantEnums(def: ScenarioDefinition, outcomes: OutcomeVocabulary): void {
  for (const state of Object.values(def.states)) {
    const variant = state.view?.variant;
    const outcome = state.view?.outcome;
    if (!variant?.startsWith('$') || outcome === undefined || outcome.startsWith('$')) continue;
    const param = def.params[variant.slice(1)];
    if (param && param.enum === undefined && outcomes[outcome]) param.enum = [...outcomes[outcome]];
  }
}

function checkSelection(selection: SelectionFile, scenarios: ReadonlyMap<string, ScenarioDefinition>, label: string, problems: Problems): void {
  const check = (use: string, at: string, kind?: ResourceKind) => {
    const ref = parseScenarioRef(use);
    const def = ref && scenarios.get(ref.name);
    if (!ref || !def) return problems.push(`${label}: ${at}: unknown scenario "${use}"`);
    if (kind && !def.binds.includes(kind)) problems.push(`${label}: ${at}: scenario "${ref.name}" does not bind to a ${kind}`);
    const resolved = resolveParams(def.params, ref.params);
    if (!resolved.ok) problems.push(`${label}: ${at}: ${resolved.error}`);
  };
  selection.rules.forEach((rule, i) => check(rule.use, `rules.${i}.use`, rule.when.kind));
  for (const [kind, use] of Object.entries(selection.defaults)) check(use, `defaults.${kind}`, kind as ResourceKind);
}

/** Reads every scenario file and `selection.yaml` below the given folders; any problem stops the start. */
export function loadScenarios(dirs: readonly string[], outcomes: OutcomeVocabulary, extraSelection?: unknown): ScenarioCatalog {
  const problems: Problems = [];
  const scenarios = new Map<string, ScenarioDefinition>();
  const selection: SelectionFile = { rules: [], defaults: {} };
  const addSelection = (raw: unknown, label: string, first: boolean) => {
    const parsed = selectionFileSchema.safeParse(raw ?? {});
    if (!parsed.success) return problems.push(...zodProblems(parsed.error, label));
    selection.rules = first ? [...parsed.data.rules, ...selection.rules] : [...selection.rules, ...parsed.data.rules];
    selection.defaults = first ? { ...selection.defaults, ...parsed.data.defaults } : { ...parsed.data.defaults, ...selection.defaults };
  };
  for (const dir of dirs) {
    let files: string[];
    try {
      files = yamlFiles(dir);
    } catch (e) {
      problems.push(`scenarios folder ${dir}: ${(e as Error).message}`);
      continue;
    }
    for (const path of files) {
      const label = relative(dirname(dir), path);
      const raw = readYaml(path, label, problems);
      if (raw === undefined) continue;
      if (basename(path).startsWith('selection.')) {
        addSelection(raw, label, false);
        continue;
      }
      const parsed = scenarioFileSchema.safeParse(raw);
      if (!parsed.success) {
        problems.push(...zodProblems(parsed.error, label));
        continue;
      }
      const def: ScenarioDefinition = { ...parsed.data, file: label, params: normalizeParams(parsed.data) };
      variantEnums(def, outcomes);
      const clash = scenarios.get(def.name);
      if (clash) problems.push(`${label}: name: duplicate scenario "${def.name}" (also in ${clash.file})`);
      else scenarios.set(def.name, def);
      crossCheck(def, label, outcomes, problems);
    }
  }
  if (extraSelection !== undefined) addSelection(extraSelection, 'config scenarios.selection', true);
  if (problems.length === 0) checkSelection(selection, scenarios, 'selection', problems);
  if (problems.length > 0) throw new ConfigError(`invalid scenarios:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { scenarios, selection, outcomes };
}
