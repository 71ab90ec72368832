/** The closed vocabulary scenario files may use; the loader refuses anything outside it. */

/** What a scenario instance is bound to. A token's resource id is its `jti`. */
export const RESOURCE_KINDS = ['token', 'session', 'transaction'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Domain events services emit; scenario states move on them. */
export const EVENTS = [
  'token-issued',
  'api-called',
  'session-created',
  'transaction-created',
  'transaction-bound',
  'transaction-uploaded',
  'transaction-processed',
  'results-read',
  'liveness-read',
  'rotation-requested',
] as const;
export type EventName = (typeof EVENTS)[number];

/** Named effects run when a state is entered. */
export const EFFECTS = ['rotate-product-key', 'restore-product-keys', 'expire-token', 'rotate-signing-key'] as const;
export type EffectName = (typeof EFFECTS)[number];

/** Outcomes every surface with a decision shares, with the variants their fixtures can render. */
export const OUTCOME_VARIANTS = {
  accepted: ['default'],
  rejected: ['expired', 'mrz-visual-mismatch', 'security-feature', 'face-mismatch'],
  inconclusive: ['checks-not-done', 'poor-image-quality', 'near-threshold'],
  failed: ['processing-error', 'timeout', 'face-service-error', 'liveness-failed'],
} as const;
export type Outcome = keyof typeof OUTCOME_VARIANTS;
export const OUTCOMES = Object.keys(OUTCOME_VARIANTS) as Outcome[];

export const FAULT_TYPES = ['flaky', 'unavailable', 'rate-limited', 'connection-reset'] as const;
export type FaultType = (typeof FAULT_TYPES)[number];
