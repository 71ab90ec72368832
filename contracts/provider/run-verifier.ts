import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { mockAdmin, type ScenarioSummary } from './mock-admin.js';
import { readPact } from './pact-files.js';
import { resolveState, type StatesMap, type StateStep } from './provider-states.js';
import { contractRequestFilter, ownApiKeys, productKeyPlaces } from './request-filter.js';
import { VerificationContext } from './verification-context.js';

/** What one run of pact-js's verifier needs: plain data, so that it can cross into a child process. */
export interface VerifierRun {
  baseUrl: string;
  pactFiles: string[];
  stateNames: string[];
  statesMap: StatesMap;
  scenarios: ScenarioSummary[];
  logLevel: NonNullable<VerifierOptions['logLevel']>;
}

export interface VerifierOutcome {
  /** The verifier's JSON results (or its error message). */
  raw: string;
  setupErrors: string[];
}

/** Runs pact-js's verifier in this process, each interaction under the scenarios its states name. */
export async function runVerifier(run: VerifierRun): Promise<VerifierOutcome> {
  const pacts = run.pactFiles.map(readPact);
  const scenarios = new Map(run.scenarios.map((s) => [s.name, s]));
  const context = new VerificationContext(mockAdmin(run.baseUrl));
  const handler = (name: string) => ({
    setup: async (params?: unknown) => {
      try {
        const steps = resolveState(
          { name, ...(params && typeof params === 'object' ? { params: params as Record<string, unknown> } : {}) },
          run.statesMap,
          scenarios,
        ) as StateStep[];
        return await context.apply(steps);
      } catch (e) {
        context.errors.push(`state "${name}": ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
    },
  });
  // pact-js types state handlers as HTTP and message handlers at once; these are HTTP ones.
  const stateHandlers = Object.fromEntries(run.stateNames.map((name) => [name, handler(name)])) as unknown as NonNullable<VerifierOptions['stateHandlers']>;
  const verifier = new Verifier({
    provider: pacts[0]!.provider.name,
    providerBaseUrl: run.baseUrl,
    pactUrls: run.pactFiles,
    stateHandlers,
    requestFilter: contractRequestFilter(context, productKeyPlaces(pacts), ownApiKeys(pacts)),
    beforeEach: () => context.reset(),
    afterEach: () => context.reset(),
    logLevel: run.logLevel,
  });
  let raw: string;
  try {
    raw = await verifier.verifyProvider();
  } catch (e) {
    raw = e instanceof Error ? e.message : String(e);
  }
  return { raw, setupErrors: [...context.errors] };
}
