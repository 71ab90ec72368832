import { mockAdmin, type MockAdmin, type ScenarioSummary } from './mock-admin.js';
import { listPactFiles, readPact, statesOf, type PactFile } from './pact-files.js';
import { resolveState, type StatesMap } from './provider-states.js';
import { formatReport, parseVerifierResults, type InteractionFailure, type VerificationOutcome } from './verification-report.js';
import { runVerifierInChild } from './verifier-process.js';

export interface VerifyOptions {
  /** A running mock, e.g. one from startMock() or `npx zignsec-mock`. */
  baseUrl: string;
  /** Pact files, or folders of them. */
  pacts: string | readonly string[];
  statesMap?: StatesMap;
  logLevel?: 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

export interface VerificationResult extends VerificationOutcome {
  /** The outcome in words, for a person reading a CI log. */
  report: string;
  /** What pact-js's verifier printed, captured from its own process (ANSI colours included); empty if it did not run. */
  verifierOutput: string;
}

interface StateUse {
  interactions: string[];
  params: Array<Record<string, unknown> | undefined>;
}

function collectStates(pacts: readonly PactFile[]): Map<string, StateUse> {
  const uses = new Map<string, StateUse>();
  for (const pact of pacts) {
    for (const interaction of pact.interactions) {
      for (const state of statesOf(interaction)) {
        const use = uses.get(state.name) ?? { interactions: [], params: [] };
        use.interactions.push(`${pact.consumer.name}: ${interaction.description}`);
        use.params.push(state.params);
        uses.set(state.name, use);
      }
    }
  }
  return uses;
}

/**
 * Every state the pacts name must mean something before anything runs: pact-js only warns about a state
 * it has no handler for, and the interaction then runs without its precondition. Scenario params are
 * checked too, by queueing each for a throwaway client (the mock answers 400 to what it refuses).
 */
async function checkStates(admin: MockAdmin, uses: Map<string, StateUse>, map: StatesMap, scenarios: ReadonlyMap<string, ScenarioSummary>) {
  const unknown: VerificationResult['unknownStates'] = [];
  const refs = new Set<string>();
  for (const [name, use] of uses) {
    for (const params of use.params) {
      const steps = resolveState({ name, ...(params ? { params } : {}) }, map, scenarios);
      if ('unknown' in steps) {
        unknown.push({ state: name, reason: `no scenario, built-in state or mapping called ${steps.unknown}`, interactions: use.interactions });
        break;
      }
      for (const step of steps) if (step.kind === 'scenario') refs.add(`${step.ref}\u0000${name}`);
    }
  }
  if (refs.size > 0) {
    const probe = await admin.newClient();
    for (const entry of refs) {
      const [ref, name] = entry.split('\u0000') as [string, string];
      await admin
        .queue(probe.clientId, ref)
        .catch((e: unknown) => unknown.push({ state: name, reason: e instanceof Error ? e.message : String(e), interactions: uses.get(name)!.interactions }));
    }
    await admin.resetClient(probe.clientId);
  }
  return unknown;
}

/** Verifies pacts against a running mock, each interaction under the scenarios its states name. */
export async function verifyPacts(options: VerifyOptions): Promise<VerificationResult> {
  const pactFiles = (typeof options.pacts === 'string' ? [options.pacts] : [...options.pacts]).flatMap(listPactFiles);
  const pacts = pactFiles.map(readPact);
  const interactions = pacts.reduce((n, p) => n + p.interactions.length, 0);
  const map = options.statesMap ?? {};
  const admin = mockAdmin(options.baseUrl);
  const scenarios = new Map((await admin.scenarios()).map((s) => [s.name, s]));
  const uses = collectStates(pacts);
  const base = { pactFiles, interactions, failures: [] as InteractionFailure[], setupErrors: [] as string[] };

  const unknownStates = await checkStates(admin, uses, map, scenarios);
  if (pactFiles.length === 0 || interactions === 0 || unknownStates.length > 0) {
    const result = { ...base, ok: false, unknownStates };
    return { ...result, report: formatReport(result, [...scenarios.keys()]), verifierOutput: '' };
  }

  const { raw, setupErrors, output } = await runVerifierInChild({
    baseUrl: options.baseUrl,
    pactFiles,
    stateNames: [...uses.keys()],
    statesMap: map,
    scenarios: [...scenarios.values()],
    logLevel: options.logLevel ?? 'error',
  });
  const failures = parseVerifierResults(raw);
  const result = { ...base, ok: failures.length === 0 && setupErrors.length === 0, unknownStates, failures, setupErrors };
  return { ...result, report: formatReport(result, [...scenarios.keys()]), verifierOutput: output };
}
