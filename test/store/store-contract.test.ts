import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../mock-server/core/clock.js';
import { QuotaExceeded } from '../../mock-server/core/quota-exceeded.js';
import { StoreUnavailable } from '../../mock-server/core/store-unavailable.js';
import { memoryStoreFactory } from '../../mock-server/store/memory-store.js';
import { connectRedis } from '../../mock-server/store/redis/connect.js';
import { redisStoreFactory } from '../../mock-server/store/redis/redis-store.js';
import type { KeyValueStore, StoreFactory, StoreLimits } from '../../mock-server/store/store.js';
import { useRedis } from '../helpers/redis-server.js';

// One contract, two stores: every service is written against StoreFactory, so whatever the memory store
// promises the Redis store must keep (the multi-instance tests then only add what sharing adds).

interface Owned {
  owner: string;
  n: number;
}

const frozenClock = () => {
  const clock = new VirtualClock(() => 1_000_000);
  clock.freeze();
  return clock;
};

type MakeFactory = (clock: VirtualClock, limits: StoreLimits, namespace?: string) => StoreFactory;

const redis = useRedis();
let connection: Redis;
beforeAll(async () => {
  connection = await connectRedis(redis.url, 'store-contract');
});
afterAll(() => {
  connection.disconnect();
});

const stores: Array<[string, MakeFactory]> = [
  ['memory', (clock, limits) => memoryStoreFactory(clock, limits)],
  ['redis', (clock, limits, namespace = `contract-${randomUUID()}`) => redisStoreFactory(connection, clock, limits, namespace)],
];

const LIMITS: StoreLimits = { ttlMs: 60_000, maxEntries: 1000, maxEntriesPerOwner: 1000 };

describe.each(stores)('the %s store keeps the store contract', (_name, makeFactory) => {
  const collection = <V>(clock: VirtualClock, limits: Partial<StoreLimits> = {}, owner: (v: V) => string = () => 'one') =>
    makeFactory(clock, { ...LIMITS, ...limits }).collection<V>('things', { owner });

  it('when a value is written, then it reads back equal (nested, binary, dates) and delete answers whether it was there', async () => {
    const store = collection<unknown>(frozenClock());
    const value = { id: 'a', nested: { list: [1, 'two', null], flag: true }, bytes: new Uint8Array([1, 2, 3]), at: new Date(5) };
    await store.set('a', value);

    expect(await store.get('a')).toEqual(value);
    expect(await store.get('missing')).toBeUndefined();
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await store.get('a')).toBeUndefined();
  });

  it('when an entry outlives its TTL on the virtual clock, then it is gone, however little wall time passed', async () => {
    const clock = frozenClock();
    const store = collection<number>(clock, { ttlMs: 1000 });
    await store.set('a', 1);
    clock.advance(999);
    expect(await store.get('a')).toBe(1);
    clock.advance(1);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.find(() => true)).toEqual([]);
  });

  it('when more entries are written than the cap, then the oldest go and the size stays at the cap', async () => {
    const store = collection<number>(frozenClock(), { maxEntries: 20 });
    for (let i = 0; i < 200; i++) await store.set(`k${i}`, i);
    expect(await store.size()).toBe(20);
    expect(await store.get('k0')).toBeUndefined();
    expect(await store.get('k199')).toBe(199);
  });

  it('when setIfAbsent races with itself, then the first value wins; after expiry the key is free again', async () => {
    const clock = frozenClock();
    const store = collection<string>(clock, { ttlMs: 1000 });
    const [a, b] = await Promise.all([store.setIfAbsent('k', 'first'), store.setIfAbsent('k', 'second')]);
    expect([a, b]).toEqual(['first', 'first']);
    clock.advance(1000);
    expect(await store.setIfAbsent('k', 'third')).toBe('third');
  });

  it('when find has a limit, then it answers at most that many matches; deleteWhere answers how many went', async () => {
    const store = collection<Owned>(frozenClock());
    for (let n = 0; n < 30; n++) await store.set(`k${n}`, { owner: 'a', n });

    expect(await store.find((v) => v.n % 2 === 0, 5)).toHaveLength(5);
    expect((await store.find((v) => v.n >= 25)).map((v) => v.n).sort((x, y) => x - y)).toEqual([25, 26, 27, 28, 29]);
    expect(await store.deleteWhere((v) => v.n < 10)).toBe(10);
    expect(await store.size()).toBe(20);
    await store.clear();
    expect(await store.size()).toBe(0);
  });

  it('when an owner is at its cap, then a new key is refused with the seconds until its oldest expires, and nothing is evicted', async () => {
    const clock = frozenClock();
    const store = collection<Owned>(clock, { maxEntriesPerOwner: 3 }, (v) => v.owner);
    for (let n = 0; n < 3; n++) {
      await store.set(`a${n}`, { owner: 'a', n });
      clock.advance(10_000);
    }
    await store.set('b0', { owner: 'b', n: 0 });

    const refused = await store.set('a3', { owner: 'a', n: 3 }).catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(QuotaExceeded);
    expect(refused).toMatchObject({ collection: 'things', retryAfterSeconds: 30 });
    expect(await store.size()).toBe(4);
    // A rewrite of a key it holds is no new entry; a delete makes room.
    await store.set('a0', { owner: 'a', n: 10 });
    await store.delete('a1');
    await expect(store.set('a3', { owner: 'a', n: 3 })).resolves.toBeUndefined();
    expect(await store.get('b0')).toEqual({ owner: 'b', n: 0 });
  });

  it('when the global cap is reached, then the largest owner pays with its oldest entry, not a small one', async () => {
    const store = collection<Owned>(frozenClock(), { maxEntries: 4, maxEntriesPerOwner: 3 }, (v) => v.owner);
    await store.set('b0', { owner: 'b', n: 0 });
    for (let n = 0; n < 3; n++) await store.set(`a${n}`, { owner: 'a', n });

    await store.set('c0', { owner: 'c', n: 0 });

    expect(await store.get('b0')).toBeDefined();
    expect(await store.get('a0')).toBeUndefined();
    expect(await store.size()).toBe(4);
  });

  it('when one owner is cleared through the registered collection, then only its entries go', async () => {
    const factory = makeFactory(frozenClock(), LIMITS);
    const store = factory.collection<Owned>('things', { owner: (v) => v.owner });
    for (let n = 0; n < 5; n++) await store.set(`a${n}`, { owner: 'a', n });
    await store.set('b0', { owner: 'b', n: 0 });
    const registered = factory.collections().find((c) => c.name === 'things')!;

    expect(await registered.clearOwner('a')).toBe(5);
    expect(await registered.find(() => true)).toEqual([{ owner: 'b', n: 0 }]);
  });
});

describe('the redis store, shared', () => {
  it('when two factories use one namespace, then they see one collection; another namespace sees nothing of it', async () => {
    const namespace = `contract-${randomUUID()}`;
    const clock = frozenClock();
    const open = (ns: string): KeyValueStore<Owned> => redisStoreFactory(connection, clock, LIMITS, ns).collection<Owned>('things', { owner: (v) => v.owner });
    const [a, b, other] = [open(namespace), open(namespace), open(`${namespace}-other`)];

    await a.set('k', { owner: 'a', n: 1 });

    expect(await b.get('k')).toEqual({ owner: 'a', n: 1 });
    expect(await b.setIfAbsent('k', { owner: 'b', n: 2 })).toEqual({ owner: 'a', n: 1 });
    expect(await other.get('k')).toBeUndefined();
  });

  it('when Redis stops answering, then a call fails as StoreUnavailable within the command timeout, and works again once it is back', async () => {
    const store = redisStoreFactory(connection, frozenClock(), LIMITS, `contract-${randomUUID()}`).collection<number>('things', { owner: () => 'one' });
    await store.set('k', 1);
    process.kill(redis.pid, 'SIGSTOP');
    const started = Date.now();
    let failure: unknown;
    try {
      failure = await store.get('k').catch((e: unknown) => e);
    } finally {
      process.kill(redis.pid, 'SIGCONT');
    }

    expect(failure).toBeInstanceOf(StoreUnavailable);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect.poll(() => store.get('k').catch(() => undefined), { timeout: 10_000 }).toBe(1);
  });
});
