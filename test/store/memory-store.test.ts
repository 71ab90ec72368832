import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../mock-server/core/clock.js';
import { MemoryStore } from '../../mock-server/store/memory-store.js';

const frozenClock = () => {
  const clock = new VirtualClock(() => 1_000_000);
  clock.freeze();
  return clock;
};

describe('MemoryStore', () => {
  it('when an entry outlives its TTL, then it is gone', async () => {
    const clock = frozenClock();
    const store = new MemoryStore<number>(clock, { ttlMs: 1000, maxEntries: 10 });
    await store.set('a', 1);
    clock.advance(999);
    expect(await store.get('a')).toBe(1);
    clock.advance(1);
    expect(await store.get('a')).toBeUndefined();
  });

  it('when more entries are written than the cap, then the oldest go and the size stays at the cap', async () => {
    const store = new MemoryStore<number>(frozenClock(), { ttlMs: 60_000, maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) await store.set(`k${i}`, i);
    expect(await store.size()).toBe(100);
    expect(await store.get('k0')).toBeUndefined();
    expect(await store.get('k9999')).toBe(9999);
  });

  it('when expired entries pile up, then writes sweep them', async () => {
    const clock = frozenClock();
    const store = new MemoryStore<number>(clock, { ttlMs: 10, maxEntries: 1_000_000 });
    for (let i = 0; i < 1000; i++) await store.set(`k${i}`, i);
    clock.advance(10);
    await store.set('fresh', 1);
    expect(await store.size()).toBe(1);
  });

  it('when setIfAbsent races with itself, then the first value wins', async () => {
    const store = new MemoryStore<string>(frozenClock(), { ttlMs: 1000, maxEntries: 10 });
    const [a, b] = await Promise.all([store.setIfAbsent('k', 'first'), store.setIfAbsent('k', 'second')]);
    expect([a, b]).toEqual(['first', 'first']);
  });
});
