import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { mockAdmin, type MockAdmin, type ScenarioSummary } from './mock-admin.js';
import { listPactFiles, readPact, statesOf, type PactFile } from './pact-files.js';
import { resolveState, type StatesMap, type StateStep } from './provider-states.js';
import { formatReport, parseVerifierResults, type InteractionFailure, type VerificationOutcome } from './verification-report.js';
import { contractRequestFilter, productKeyPlaces } from './request-filter.js';
import { VerificationContext } from './verification-context.js';

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
      await admin.queue(probe.clientId, ref).catch((e: Error) => unknown.push({ state: name, reason: e.message, interactions: uses.get(name)!.interactions }));
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
    return { ...result, report: formatReport(result, [...scenarios.keys()]) };
  }

  const context = new VerificationContext(admin);
  const handler = (name: string) => ({
    setup: async (params?: unknown) => {
      try {
        const steps = resolveState({ name, ...(params && typeof params === 'object' ? { params: params as Record<string, unknown> } : {}) }, map, scenarios) as StateStep[];
        return await context.apply(steps);
      } catch (e) {
        context.errors.push(`state "${name}": ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
    },
  });
  // pact-js types state handlers as HTTP and message handlers at once; these are HTTP ones.
  const stateHandlers = Object.fromEntries([...uses.keys()].map((name) => [name, handler(name)])) as unknown as VerifierOptions['stateHandlers'];
  const verifier = new Verifier({
    provider: pacts[0]!.provider.name,
    providerBaseUrl: options.baseUrl,
    pactUrls: pactFiles,
    stateHandlers,
    requestFilter: contractRequestFilter(context, productKeyPlaces(pacts)),
    beforeEach: () => context.reset(),
    afterEach: () => context.reset(),
    logLevel: options.logLevel ?? 'error',
  });
  let raw: string;
  try {
    raw = await verifier.verifyProvider();
  } catch (e) {
    raw = e instanceof Error ? e.message : String(e);
  }
  const failures = parseVerifierResults(raw);
  const setupErrors = [...context.errors];
  const result = { ...base, ok: failures.length === 0 && setupErrors.length === 0, unknownStates, failures, setupErrors };
  return { ...result, report: formatReport(result, [...scenarios.keys()]) };
}
