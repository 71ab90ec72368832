import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../mock-server/core/clock.js';
import { MemoryStore } from '../../mock-server/store/memory-store.js';

const frozenClock = () => {
  const clock = new VirtualClock(() => 1_000_000);
  clock.freeze();
  return clock;
};

// What both stores promise is test/store/store-contract.test.ts; these are the memory store's own.
describe('MemoryStore', () => {
  it('when expired entries pile up, then writes sweep them', async () => {
    const clock = frozenClock();
    const store = new MemoryStore<number>(clock, { ttlMs: 10, maxEntries: 1_000_000, maxEntriesPerOwner: 1_000_000 });
    for (let i = 0; i < 1000; i++) await store.set(`k${i}`, i);
    clock.advance(10);
    await store.set('fresh', 1);
    expect(await store.size()).toBe(1);
  });

  describe('quotas per owner', () => {
    interface Owned {
      owner: string;
      n: number;
    }
    const owned = (clock = frozenClock(), maxEntries = 1000) =>
      new MemoryStore<Owned>(clock, { ttlMs: 60_000, maxEntries, maxEntriesPerOwner: 3 }, (v) => v.owner, 'sessions');

    it('when an owner rewrites a key it holds, or one of its entries expires or is deleted, then it has room again', async () => {
      const clock = frozenClock();
      const store = owned(clock);
      for (let n = 0; n < 3; n++) await store.set(`a${n}`, { owner: 'a', n });
      await store.set('a0', { owner: 'a', n: 10 });
      expect(await store.setIfAbsent('a1', { owner: 'a', n: 11 })).toEqual({ owner: 'a', n: 1 });

      await store.delete('a0');
      await store.set('a3', { owner: 'a', n: 3 });
      clock.advance(60_000);
      for (let n = 4; n < 7; n++) await store.set(`a${n}`, { owner: 'a', n });
      expect(await store.size()).toBe(3);
      await store.deleteWhere((v) => v.n === 4);
      await expect(store.set('a7', { owner: 'a', n: 7 })).resolves.toBeUndefined();
    });
  });
});
