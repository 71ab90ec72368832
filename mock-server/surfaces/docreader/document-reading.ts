import type { DocOutcome, ProcessingScenario } from '../../../fixtures/docreader/index.js';
import type { Decision } from '../../scenario-engine/runtime.js';
import type { ProcessInput } from './process-request.js';

/** What the Document Reader reads for a decision under one request: decided once, when it is processed. */
export interface DocumentReading {
  outcome: DocOutcome;
  variant: string;
  /** Why the reading differs from what the scenario names (sent as X-Mock-Diagnostic). */
  diagnostic?: string;
}

/** The fixtures know FullProcess and FullAuth; any other processing scenario reads as FullProcess (no security checks). */
export const processingOf = (scenario: string): ProcessingScenario => (scenario === 'FullAuth' ? 'FullAuth' : 'FullProcess');

const NEEDS_FACE = new Set(['face-mismatch', 'near-threshold', 'face-service-error']);

const readsAccepted = (decision: Decision, reason: string): DocumentReading => ({
  outcome: 'accepted',
  variant: 'default',
  diagnostic: `${decision.outcome};variant=${decision.variant}: ${reason}, so the document reads as accepted`,
});

/**
 * Scenario decision → the Document Reader's reading. A check the request did not ask for cannot fail:
 * without useFaceApi no portrait is compared, FullProcess checks no security feature. A liveness failure
 * is the Face API's business: the document reads as accepted, the spoof shows in GET /api/v2/liveness.
 */
export function documentReading(decision: Decision, input: ProcessInput): DocumentReading {
  const { variant } = decision;
  if (variant === 'liveness-failed') return readsAccepted(decision, 'a liveness failure shows in GET /api/v2/liveness');
  if (NEEDS_FACE.has(variant) && !input.useFaceApi) return readsAccepted(decision, 'the portrait is compared only with processParam.useFaceApi');
  if (variant === 'face-mismatch' && input.threshold === 0) return readsAccepted(decision, 'every similarity passes a threshold of 0');
  if (variant === 'security-feature' && processingOf(input.processScenario) !== 'FullAuth')
    return readsAccepted(decision, 'security features are checked only under FullAuth');
  return { outcome: decision.outcome as DocOutcome, variant };
}
