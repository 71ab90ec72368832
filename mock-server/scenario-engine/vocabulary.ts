/** The closed vocabulary scenario files may use; the loader refuses anything outside it. */

/** What a scenario instance is bound to. A token's resource id is its `jti`. */
export const RESOURCE_KINDS = ['token', 'session', 'transaction', 'scan', 'process'] as const;
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
  'scan-created',
  'scan-submitted',
  'scan-read',
  'process-created',
  'process-started',
  'process-read',
] as const;
export type EventName = (typeof EVENTS)[number];

/** Named effects run when a state is entered. */
export const EFFECTS = ['rotate-product-key', 'restore-product-keys', 'expire-token', 'rotate-signing-key'] as const;
export type EffectName = (typeof EFFECTS)[number];

/**
 * Outcomes and the named ways each can happen (its variants; the first is its default). Not the engine's:
 * each surface registers the ones its fixtures render, and the engine works on their union.
 */
export type OutcomeVocabulary = Readonly<Record<string, readonly string[]>>;

/** The union of surfaces' vocabularies: an outcome's variants in the order the surfaces list them. */
export function mergeVocabularies(vocabularies: readonly OutcomeVocabulary[]): OutcomeVocabulary {
  const merged: Record<string, string[]> = {};
  for (const vocabulary of vocabularies) {
    for (const [outcome, variants] of Object.entries(vocabulary)) {
      const known = (merged[outcome] ??= []);
      for (const variant of variants) if (!known.includes(variant)) known.push(variant);
    }
  }
  return merged;
}

export const FAULT_TYPES = ['flaky', 'unavailable', 'rate-limited', 'connection-reset'] as const;
export type FaultType = (typeof FAULT_TYPES)[number];
