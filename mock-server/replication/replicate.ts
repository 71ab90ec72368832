import type { ClientRegistry } from '../auth/client-registry.js';
import type { KeyRing } from '../auth/key-ring.js';
import type { KnownIssuers } from '../auth/known-issuers.js';
import type { VirtualClock } from '../core/clock.js';
import type { SharedState } from '../store/shared-state.js';
import { shareClients } from './clients.js';
import { shareClock } from './clock.js';
import { shareIssuers } from './issuers.js';
import { shareKeyRing } from './key-ring.js';
import { PendingWrites } from './pending-writes.js';

export interface ReplicatedParts {
  clock: VirtualClock;
  clients: ClientRegistry;
  /** Each token service's keys and issuers, by name (`realm`, `signicat`). */
  tokenServices: Record<string, { keys: KeyRing; issuers: KnownIssuers }>;
}

/** What the control plane awaits before it answers, so a change it reports is on the shared store already. */
export interface Replication {
  /** True once this instance's changes so far are shared; false if that took longer than `withinMs`. */
  settled(withinMs?: number): Promise<boolean>;
  /** Lets queued changes land for up to `withinMs`, then stops (the store closes next). */
  close(withinMs: number): Promise<void>;
}

/** Ties this instance's control-plane state to the others' on the shared store. */
export async function replicate(parts: ReplicatedParts, shared: SharedState, onError: (e: unknown) => void): Promise<Replication> {
  const writes = new PendingWrites(onError);
  await shareClock(parts.clock, shared, writes);
  await shareClients(parts.clients, shared, writes);
  for (const [name, service] of Object.entries(parts.tokenServices)) {
    await shareKeyRing(service.keys, name, shared, writes);
    shareIssuers(service.issuers, name, shared);
  }
  return writes;
}

/** One instance alone: nothing to wait for. */
export const ALONE: Replication = { settled: () => Promise.resolve(true), close: () => Promise.resolve() };
