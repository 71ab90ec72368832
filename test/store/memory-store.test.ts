import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../mock-server/core/clock.js';
import { QuotaExceeded } from '../../mock-server/core/quota-exceeded.js';
import { MemoryStore } from '../../mock-server/store/memory-store.js';

const frozenClock = () => {
  const clock = new VirtualClock(() => 1_000_000);
  clock.freeze();
  return clock;
};

describe('MemoryStore', () => {
  it('when an entry outlives its TTL, then it is gone', async () => {
    const clock = frozenClock();
    const store = new MemoryStore<number>(clock, { ttlMs: 1000, maxEntries: 10, maxEntriesPerOwner: 10 });
    await store.set('a', 1);
    clock.advance(999);
    expect(await store.get('a')).toBe(1);
    clock.advance(1);
    expect(await store.get('a')).toBeUndefined();
  });

  it('when more entries are written than the cap, then the oldest go and the size stays at the cap', async () => {
    const store = new MemoryStore<number>(frozenClock(), { ttlMs: 60_000, maxEntries: 100, maxEntriesPerOwner: 100 });
    for (let i = 0; i < 10_000; i++) await store.set(`k${i}`, i);
    expect(await store.size()).toBe(100);
    expect(await store.get('k0')).toBeUndefined();
    expect(await store.get('k9999')).toBe(9999);
  });

  it('when expired entries pile up, then writes sweep them', async () => {
    const clock = frozenClock();
    const store = new MemoryStore<number>(clock, { ttlMs: 10, maxEntries: 1_000_000, maxEntriesPerOwner: 1_000_000 });
    for (let i = 0; i < 1000; i++) await store.set(`k${i}`, i);
    clock.advance(10);
    await store.set('fresh', 1);
    expect(await store.size()).toBe(1);
  });

  it('when setIfAbsent races with itself, then the first value wins', async () => {
    const store = new MemoryStore<string>(frozenClock(), { ttlMs: 1000, maxEntries: 10, maxEntriesPerOwner: 10 });
    const [a, b] = await Promise.all([store.setIfAbsent('k', 'first'), store.setIfAbsent('k', 'second')]);
    expect([a, b]).toEqual(['first', 'first']);
  });

  describe('quotas per owner', () => {
    interface Owned {
      owner: string;
      n: number;
    }
    const owned = (clock = frozenClock(), maxEntries = 1000) =>
      new MemoryStore<Owned>(clock, { ttlMs: 60_000, maxEntries, maxEntriesPerOwner: 3 }, (v) => v.owner, 'sessions');

    it('when an owner is at its cap, then a new key is refused with the seconds until its oldest expires, and nothing is evicted', async () => {
      const clock = frozenClock();
      const store = owned(clock);
      for (let n = 0; n < 3; n++) {
        await store.set(`a${n}`, { owner: 'a', n });
        clock.advance(10_000);
      }
      await store.set('b0', { owner: 'b', n: 0 });

      const refused = await store.set('a3', { owner: 'a', n: 3 }).catch((e: unknown) => e);

      expect(refused).toBeInstanceOf(QuotaExceeded);
      expect(refused).toMatchObject({ collection: 'sessions', retryAfterSeconds: 30 });
      expect(await store.size()).toBe(4);
      expect(await store.get('a0')).toEqual({ owner: 'a', n: 0 });
      expect(await store.get('b0')).toEqual({ owner: 'b', n: 0 });
    });

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

    it('when the global cap is reached, then the largest owner pays with its oldest entry, not a small one', async () => {
      const store = owned(frozenClock(), 4);
      await store.set('b0', { owner: 'b', n: 0 });
      for (let n = 0; n < 3; n++) await store.set(`a${n}`, { owner: 'a', n });

      await store.set('c0', { owner: 'c', n: 0 });

      expect(await store.get('b0')).toBeDefined();
      expect(await store.get('a0')).toBeUndefined();
      expect(await store.size()).toBe(4);
    });
  });
});
