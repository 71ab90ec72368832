import type { ClockState, VirtualClock } from '../core/clock.js';
import type { SharedState } from '../store/shared-state.js';
import type { PendingWrites } from './pending-writes.js';

const FIELD = 'clock';
const TOPIC = 'clock';

/** The virtual clock as one: a move on any instance is every instance's, and a new instance starts where the others are. */
export async function shareClock(clock: VirtualClock, shared: SharedState, writes: PendingWrites): Promise<void> {
  const records = shared.records<ClockState>('control');
  const held = await records.get(FIELD);
  if (held) clock.restore(held);
  shared.subscribe(TOPIC, (state) => {
    clock.restore(state as ClockState);
  });
  clock.onMove((state) => {
    writes.add(async () => {
      await records.set(FIELD, state);
      await shared.publish(TOPIC, state);
    });
  });
}
