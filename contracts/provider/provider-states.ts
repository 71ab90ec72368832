import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { formatScenarioRef, parseScenarioRef } from '../../mock-server/scenario-engine/scenario-ref.js';
import type { ScenarioSummary } from './mock-admin.js';
import type { ProviderState } from './pact-files.js';

/**
 * Provider states are the mock's scenario names (`key-rotation`, `unavailable`, `rejected;variant=expired`,
 * params also from the pact's state params), plus these few about the resources an interaction needs.
 */
export const BUILT_IN_STATES = {
  'session exists':
    "a session of the interaction's client exists and the device simulator started one liveness and one document transaction of it under one id (not bound); provides ${sessionId} and that ${transactionId}",
  'session does not exist': 'no session has the id; provides ${sessionId} and ${transactionId} for the path',
  'demo client': 'the interaction runs as demo-client (its fixed GUID and keys) instead of a fresh client',
  'transactions bound':
    "a session of the interaction's client, the device simulator's liveness and document transactions for it, both bound to it; provides ${sessionId}, ${livenessTransactionId} and ${documentTransactionId}",
  'transactions not bound': 'the same session and device transactions, not bound (zero trust refuses them); provides the same values',
  'scan exists':
    "a document scan of the interaction's client, created through scanning v3 with its API key, not finished (Pending; its outcome scenario, if a state names one, bound); provides ${scanId}",
  'scan finished':
    "a scan of the interaction's client that has ended: made through the API flow (a passport photo, a document analysis) under the outcome a state names (accepted otherwise); provides ${scanId}, readable at /v3/scanning/${scanId}",
  'scan does not exist': 'no scan has the id; provides ${scanId} for the path',
  'unknown api key': "the interaction's scanning requests carry an API key no account has, whatever key the pact sends",
  'an Assure dossier exists': "a dossier of the interaction's Assure client (a client of Signicat's token service); provides ${dossierId}",
  'an Assure PictureID process awaits verification':
    'a pending signicatpictureid process (document, documentId 137) in a dossier of the client, its front image already set; provides ${dossierId} and ${processId}',
  'an Assure process finished accepted':
    'an accepted process of the provider the state names (param provider: eid, decided by the RA endpoint, or signicatpictureid, verified with the clock moved past processing); provides ${dossierId} and ${processId}',
  'an Assure process was started': 'a PictureID process whose verification has been started; provides ${dossierId} and ${processId}',
  'the Assure token has expired': "the interaction's stale bearer is sent as it is, so Assure refuses it as expired tokens are refused",
} as const;

export type BuiltInState = keyof typeof BUILT_IN_STATES;

export type StateStep =
  | { kind: 'built-in'; state: BuiltInState; params: Record<string, string> }
  | {
      kind: 'scenario';
      ref: string;
      name: string;
      params: Record<string, string>;
      /** Its first resource kind, the one the mock binds it to unless told. */
      bindsTo: string;
      /** Every kind it can bind to: an outcome binds to a session or a scan, whichever the interaction makes. */
      binds: string[];
    };

/** A user's names for states, each mapped to one of ours or to a list of ours (applied in order). */
export type StatesMap = Readonly<Record<string, string | readonly string[]>>;

export function loadStatesMap(file: string): StatesMap {
  const text = readFileSync(file, 'utf8');
  const parsed: unknown = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((v) => typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string')));
  if (!valid) throw new Error(`${file}: a states map is an object from state names to a scenario or state, or a list of them`);
  return parsed as StatesMap;
}

const isBuiltIn = (name: string): name is BuiltInState => Object.hasOwn(BUILT_IN_STATES, name);

/** What one pact state means here, or why it means nothing. */
export function resolveState(state: ProviderState, map: StatesMap, scenarios: ReadonlyMap<string, ScenarioSummary>): StateStep[] | { unknown: string } {
  const mapped = map[state.name];
  const targets = mapped === undefined ? [state.name] : typeof mapped === 'string' ? [mapped] : [...mapped];
  const steps: StateStep[] = [];
  for (const target of targets) {
    if (isBuiltIn(target)) {
      steps.push({ kind: 'built-in', state: target, params: Object.fromEntries(Object.entries(state.params ?? {}).map(([k, v]) => [k, String(v)])) });
      continue;
    }
    const ref = parseScenarioRef(target);
    const scenario = ref && scenarios.get(ref.name);
    if (!ref || !scenario) {
      return { unknown: mapped === undefined ? state.name : `${state.name} (mapped to "${target}", which is neither a scenario nor a built-in state)` };
    }
    const params = { ...ref.params, ...Object.fromEntries(Object.entries(state.params ?? {}).map(([k, v]) => [k, String(v)])) };
    steps.push({
      kind: 'scenario',
      ref: formatScenarioRef({ name: ref.name, params }),
      name: ref.name,
      params,
      bindsTo: scenario.binds[0] ?? 'session',
      binds: scenario.binds,
    });
  }
  return steps;
}
