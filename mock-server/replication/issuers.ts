import type { KnownIssuers } from '../auth/known-issuers.js';
import type { SharedState } from '../store/shared-state.js';

/** Issuers one instance shares at most: Hosts come from clients, so what they can make it write is bounded. */
const MAX_SHARED = 1024;

/** An issuer one instance put in a token is accepted on the others (a token fetched from A works on B). */
export function shareIssuers(issuers: KnownIssuers, name: string, shared: SharedState): void {
  const records = shared.records<true>(`issuers:${name}`);
  const sent = new Set<string>();
  const landing = new Map<string, Promise<void>>();
  issuers.lookUpElsewhere(async (issuer) => (await records.get(issuer)) === true);
  // Awaited by the token's answer: a client may take its token to another instance at once. A write that
  // fails (the store away) fails the token request with the store's 503, and the next one tries again.
  issuers.onRemember((issuer) => {
    if (sent.has(issuer) || sent.size >= MAX_SHARED) return;
    let write = landing.get(issuer);
    if (!write) {
      write = records
        .set(issuer, true)
        .then(() => {
          sent.add(issuer);
        })
        .finally(() => landing.delete(issuer));
      landing.set(issuer, write);
    }
    return write;
  });
}
