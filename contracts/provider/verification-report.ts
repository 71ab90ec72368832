import { BUILT_IN_STATES } from './provider-states.js';

/** One interaction the provider did not answer as the pact expects, with each difference in words. */
export interface InteractionFailure {
  interaction: string;
  mismatches: string[];
}

interface RawMismatch {
  type?: string;
  key?: string;
  path?: string;
  mismatch?: string;
  expected?: unknown;
  actual?: unknown;
}

interface RawResults {
  errors?: Array<{ interaction?: string; mismatch?: { type?: string; message?: string; mismatches?: RawMismatch[] } }>;
}

const KINDS: Record<string, string> = {
  StatusMismatch: 'status',
  HeaderMismatch: 'header',
  BodyMismatch: 'body',
  BodyTypeMismatch: 'body type',
  MetadataMismatch: 'metadata',
};

function describe(m: RawMismatch): string {
  const where = m.key ?? m.path;
  return `${KINDS[m.type ?? ''] ?? m.type ?? 'mismatch'}${where ? ` ${where}` : ''}: ${m.mismatch ?? `expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`}`;
}

/** The verifier's JSON results (pact-core resolves or rejects with them) as failures; anything unreadable is one failure. */
export function parseVerifierResults(raw: string): InteractionFailure[] {
  let results: RawResults;
  try {
    results = JSON.parse(raw) as RawResults;
  } catch {
    return [{ interaction: '(the verifier did not run)', mismatches: [raw.slice(0, 2000)] }];
  }
  return (results.errors ?? []).map((e) => ({
    interaction: (e.interaction ?? '(unnamed interaction)').replace(/^Verifying a pact between /, ''),
    mismatches: e.mismatch?.mismatches?.map(describe) ?? [e.mismatch?.message ?? JSON.stringify(e.mismatch)],
  }));
}

/** What a verification found. */
export interface VerificationOutcome {
  ok: boolean;
  pactFiles: string[];
  interactions: number;
  /** States with no meaning here (no scenario, no built-in state, no mapping), or whose params the scenario refuses. */
  unknownStates: Array<{ state: string; reason: string; interactions: string[] }>;
  failures: InteractionFailure[];
  setupErrors: string[];
}

/** A plain-text report a person reads in a CI log: what was verified, what failed and why, what to do. */
export function formatReport(r: VerificationOutcome, scenarioNames: readonly string[]): string {
  const lines = ['Pact verification against zignsec-mock', ...r.pactFiles.map((f) => `  pact: ${f}`), `  interactions: ${r.interactions}`, ''];
  if (r.pactFiles.length === 0 || r.interactions === 0) lines.push('No interaction to verify: give a pact file or a folder of them.', '');
  if (r.unknownStates.length > 0) {
    lines.push(`UNKNOWN PROVIDER STATES (nothing was verified): ${r.unknownStates.length}`);
    for (const u of r.unknownStates) {
      lines.push(`  - "${u.state}": ${u.reason}`, ...u.interactions.slice(0, 5).map((i) => `      used by ${i}`));
    }
    lines.push(
      '  A state is a scenario name, optionally with params (name;param=value), or one of these:',
      ...Object.entries(BUILT_IN_STATES).map(([name, meaning]) => `      "${name}": ${meaning}`),
      `  Scenarios: ${scenarioNames.join(', ')}`,
      '  Map your own state names to these with --states-map FILE.',
      '',
    );
  }
  if (r.failures.length > 0) {
    lines.push(`FAILED: ${r.failures.length} of ${r.interactions} interactions`);
    r.failures.forEach((f, n) => lines.push(`  ${n + 1}) ${f.interaction}`, ...f.mismatches.map((m) => `       - ${m}`)));
    lines.push('');
  }
  if (r.setupErrors.length > 0)
    lines.push('STATE SETUP ERRORS (the interactions ran without their precondition):', ...r.setupErrors.map((e) => `  - ${e}`), '');
  lines.push(r.ok ? `OK: all ${r.interactions} interactions verified` : 'RESULT: verification failed');
  return lines.join('\n');
}
