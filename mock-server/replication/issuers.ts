import type { KnownIssuers } from '../auth/known-issuers.js';
import type { SharedState } from '../store/shared-state.js';
import type { PendingWrites } from './pending-writes.js';

/** Issuers one instance shares at most: Hosts come from clients, so what they can make it write is bounded. */
const MAX_SHARED = 1024;

/** An issuer one instance put in a token is accepted on the others (a token fetched from A works on B). */
export function shareIssuers(issuers: KnownIssuers, name: string, shared: SharedState, writes: PendingWrites): void {
  const records = shared.records<true>(`issuers:${name}`);
  const sent = new Set<string>();
  issuers.lookUpElsewhere(async (issuer) => (await records.get(issuer)) === true);
  issuers.onRemember((issuer) => {
    if (sent.has(issuer) || sent.size >= MAX_SHARED) return;
    sent.add(issuer);
    writes.add(() => records.set(issuer, true));
  });
}
