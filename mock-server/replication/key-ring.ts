import type { KeyRing, KeyRingState } from '../auth/key-ring.js';
import type { SharedState } from '../store/shared-state.js';
import type { PendingWrites } from './pending-writes.js';

const kids = (state: KeyRingState) => state.keys.map((k) => `${k.jwk.kid}:${k.status}:${k.retireAt ?? ''}`).join(',');

/**
 * One key ring for every instance, private keys included: the first instance's keys are everyone's, a
 * rotation or removal anywhere is seen everywhere, and a token naming a kid not yet heard of looks again.
 */
export async function shareKeyRing(ring: KeyRing, name: string, shared: SharedState, writes: PendingWrites): Promise<void> {
  const records = shared.records<KeyRingState>('control');
  const field = `keys:${name}`;
  const topic = `keys:${name}`;
  let seen = kids(await ring.exportState());
  const take = async (state: KeyRingState | undefined): Promise<boolean> => {
    if (!state || kids(state) === seen) return false;
    await ring.restore(state);
    seen = kids(state);
    return true;
  };
  await take(await records.setIfAbsent(field, await ring.exportState()));
  let looking: Promise<boolean> | undefined;
  // Concurrent misses share one look, so a burst of unknown kids costs one read.
  ring.refreshWith(() => {
    looking ??= records
      .get(field)
      .then(take)
      .finally(() => (looking = undefined));
    return looking;
  });
  shared.subscribe(topic, (state) => {
    void take(state as KeyRingState);
  });
  ring.onChange(() => {
    writes.add(async () => {
      const state = await ring.exportState();
      seen = kids(state);
      await records.set(field, state);
      await shared.publish(topic, state);
    });
  });
}
