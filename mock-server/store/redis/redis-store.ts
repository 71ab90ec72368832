import type { Redis } from 'ioredis';
import type { Clock } from '../../core/clock.js';
import { QuotaExceeded } from '../../core/quota-exceeded.js';
import type { CollectionOptions, KeyValueStore, RegisteredCollection, StoreFactory, StoreLimits } from '../store.js';
import { decodeValue, encodeValue, readStored } from './codec.js';
import { storeScripts, type StoreScripts } from './scripts.js';
import { storeCall } from './store-call.js';

export interface RedisCollection<V> {
  redis: Redis;
  clock: Clock;
  limits: StoreLimits;
  namespace: string;
  name: string;
  /** The client a value belongs to: what clearOwner removes. */
  owner: (value: V) => string;
  quotaBucket: (value: V) => string;
}

/** Entries read per HSCAN step of find and deleteWhere, and dropped per step of clearOwner. */
const CHUNK = 256;
/** A Redis key nobody writes for this long past its TTL goes (wall time; expiry itself is the virtual clock's). */
const BACKSTOP_MS = 24 * 3600 * 1000;
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * A collection of the shared store: the same semantics as MemoryStore (TTL on the injected clock, per-bucket
 * quota, global cap paid by the largest bucket), held in Redis so every process on one namespace sees one
 * collection. Reads are one command; every change is one Lua script (see scripts.ts).
 */
export class RedisStore<V> implements KeyValueStore<V> {
  private readonly redis: Redis & StoreScripts;
  private readonly prefix: string;
  private readonly values: string;

  constructor(private readonly c: RedisCollection<V>) {
    if (!NAME.test(c.namespace)) throw new RangeError(`store namespace "${c.namespace}": letters, digits, _ . - only (1 to 64)`);
    if (!NAME.test(c.name)) throw new RangeError(`collection name "${c.name}": letters, digits, _ . - only (1 to 64)`);
    this.redis = storeScripts(c.redis);
    this.prefix = `${c.namespace}:c:${c.name}`;
    this.values = `${this.prefix}:v`;
  }

  async get(key: string): Promise<V | undefined> {
    const blob = await this.call(this.redis.hgetBuffer(this.values, key));
    if (!blob) return undefined;
    const entry = readStored(blob);
    return entry.expiresAt > this.c.clock.now() ? (decodeValue(entry.bytes) as V) : undefined;
  }

  async set(key: string, value: V): Promise<void> {
    await this.write(key, value, false);
  }

  async setIfAbsent(key: string, value: V): Promise<V> {
    return (await this.write(key, value, true)) ?? value;
  }

  async delete(key: string): Promise<boolean> {
    return (await this.call(this.redis.zsStoreDelete(this.prefix, this.c.clock.now(), key))) === 1;
  }

  async find(predicate: (value: V) => boolean, limit = Infinity): Promise<V[]> {
    const found: V[] = [];
    if (limit <= 0) return found;
    await this.scan((key, value) => {
      if (predicate(value)) found.push(value);
      return found.length < limit;
    });
    return found;
  }

  async deleteWhere(predicate: (value: V) => boolean): Promise<number> {
    let deleted = 0;
    await this.scan(
      (key, value, seq, matched) => {
        if (predicate(value)) matched.push(key, seq);
        return true;
      },
      async (matched) => {
        if (matched.length > 0) deleted += await this.call(this.redis.zsStoreDeleteUnchanged(this.prefix, this.c.clock.now(), ...matched));
      },
    );
    return deleted;
  }

  async size(): Promise<number> {
    return this.call(this.redis.zcount(`${this.prefix}:x`, `(${this.c.clock.now()}`, '+inf'));
  }

  async clear(): Promise<void> {
    await this.call(this.redis.zsStoreClear(this.prefix));
  }

  /** Every entry of one owner, through its own index: a per-client reset reads nothing of other clients. */
  async clearOwner(owner: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const [gone, left] = await this.call(this.redis.zsStoreClearOwner(this.prefix, this.c.clock.now(), owner, CHUNK));
      deleted += gone;
      if (left === 0) return deleted;
    }
  }

  /** Answers the live value kept when `ifAbsent` found one; undefined when this value was stored. */
  private async write(key: string, value: V, ifAbsent: boolean): Promise<V | undefined> {
    const { clock, limits } = this.c;
    const now = clock.now();
    const reply = await this.call(
      this.redis.zsStoreWriteBuffer(
        this.prefix,
        key,
        now,
        now + limits.ttlMs,
        this.c.owner(value),
        this.c.quotaBucket(value),
        limits.maxEntries,
        limits.maxEntriesPerOwner,
        limits.ttlMs + BACKSTOP_MS,
        ifAbsent ? '1' : '0',
        encodeValue(value),
      ),
    );
    if (reply[0] === 1) return decodeValue(readStored(reply[1]).bytes) as V;
    if (reply[0] === 2) throw new QuotaExceeded(this.c.name, Math.max(1, Math.ceil(reply[1] / 1000)));
    return undefined;
  }

  /**
   * Walks the collection's live values in HSCAN chunks until `visit` answers false. HSCAN may return an
   * entry twice (while Redis rehashes): each key is visited once. `endOfChunk` runs after each chunk with
   * what the visits collected (deleteWhere's key and seq pairs).
   */
  private async scan(
    visit: (key: string, value: V, seq: string, collected: string[]) => boolean,
    endOfChunk?: (collected: string[]) => Promise<void>,
  ): Promise<void> {
    const seen = new Set<string>();
    let cursor = '0';
    do {
      const [next, flat] = await this.call(this.redis.hscanBuffer(this.values, cursor, 'COUNT', CHUNK));
      cursor = next.toString();
      const now = this.c.clock.now();
      const collected: string[] = [];
      let more = true;
      for (let i = 0; i < flat.length && more; i += 2) {
        const key = flat[i]!.toString();
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = readStored(flat[i + 1]!);
        if (entry.expiresAt > now) more = visit(key, decodeValue(entry.bytes) as V, entry.seq, collected);
      }
      await endOfChunk?.(collected);
      if (!more) return;
    } while (cursor !== '0');
  }

  private call<T>(command: Promise<T>): Promise<T> {
    return storeCall(this.c.name, command);
  }
}

/**
 * Collections on one Redis under one namespace: every factory made with the same namespace (another
 * process, another instance) sees the same collections.
 */
export function redisStoreFactory(redis: Redis, clock: Clock, defaults: StoreLimits, namespace: string): StoreFactory {
  const registered: RegisteredCollection[] = [];
  return {
    collection: <V>(name: string, { owner, quotaBucket = owner, ...limits }: CollectionOptions<V>) => {
      const store = new RedisStore<V>({ redis, clock, limits: { ...defaults, ...limits }, namespace, name, owner, quotaBucket });
      registered.push({
        name,
        find: (predicate, limit) => store.find(predicate, limit),
        clear: () => store.clear(),
        clearOwner: (who) => store.clearOwner(who),
      });
      return store;
    },
    collections: () => registered,
  };
}
