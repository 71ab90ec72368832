import type { Clock } from '../core/clock.js';
import { QuotaExceeded } from '../core/quota-exceeded.js';
import type { CollectionOptions, KeyValueStore, RegisteredCollection, StoreFactory, StoreLimits } from './store.js';

interface Entry<V> {
  value: V;
  expiresAt: number;
  bucket: string | undefined;
}

/**
 * Map-backed store. Every write re-inserts its key, so the Map stays ordered by expiry (one TTL per
 * collection): expired entries are swept from the head. Each quota bucket keeps its keys in the same
 * order, so its size is its count and its first key its oldest.
 */
// The interface is async so that Redis can stand behind it; here every method is synchronous work, and
// `async` still turns a refused write (QuotaExceeded) into a rejection, as a shared store's would be.
/* eslint-disable @typescript-eslint/require-await */
export class MemoryStore<V> implements KeyValueStore<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly buckets = new Map<string, Set<string>>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: StoreLimits,
    private readonly quotaBucket?: (value: V) => string,
    private readonly name = 'entries',
  ) {}

  async get(key: string): Promise<V | undefined> {
    return this.live(key)?.value;
  }

  async set(key: string, value: V): Promise<void> {
    this.write(key, value, this.live(key) !== undefined);
  }

  async setIfAbsent(key: string, value: V): Promise<V> {
    const existing = this.live(key);
    if (existing) return existing.value;
    this.write(key, value, false);
    return value;
  }

  async delete(key: string): Promise<boolean> {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.drop(key, entry);
    return true;
  }

  async find(predicate: (value: V) => boolean, limit = Infinity): Promise<V[]> {
    this.sweep();
    const found: V[] = [];
    for (const { value } of this.entries.values()) {
      if (found.length >= limit) break;
      if (predicate(value)) found.push(value);
    }
    return found;
  }

  async deleteWhere(predicate: (value: V) => boolean): Promise<number> {
    let deleted = 0;
    for (const [key, entry] of this.entries) {
      if (predicate(entry.value)) {
        this.drop(key, entry);
        deleted++;
      }
    }
    return deleted;
  }

  async size(): Promise<number> {
    this.sweep();
    return this.entries.size;
  }

  async clear(): Promise<void> {
    this.entries.clear();
    this.buckets.clear();
  }

  private live(key: string): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock.now()) {
      this.drop(key, entry);
      return undefined;
    }
    return entry;
  }

  /** `replacing`: the key holds a live value already, so the write adds nothing to its owner's count. */
  private write(key: string, value: V, replacing: boolean): void {
    this.sweep();
    const bucket = this.quotaBucket?.(value);
    if (bucket !== undefined && !replacing) this.checkQuota(bucket);
    const previous = this.entries.get(key);
    if (previous) this.drop(key, previous);
    this.entries.set(key, { value, expiresAt: this.clock.now() + this.limits.ttlMs, bucket });
    if (bucket !== undefined) {
      let keys = this.buckets.get(bucket);
      if (!keys) this.buckets.set(bucket, (keys = new Set()));
      keys.add(key);
    }
    while (this.entries.size > this.limits.maxEntries) this.evictOne();
  }

  private checkQuota(bucket: string): void {
    const keys = this.buckets.get(bucket);
    if (!keys || keys.size < this.limits.maxEntriesPerOwner) return;
    const oldest = this.entries.get(keys.values().next().value!);
    const waitMs = oldest ? oldest.expiresAt - this.clock.now() : 0;
    throw new QuotaExceeded(this.name, Math.max(1, Math.ceil(waitMs / 1000)));
  }

  /** At the global cap the largest bucket pays with its oldest entry, so the heaviest client goes first. */
  private evictOne(): void {
    let largest: Set<string> | undefined;
    for (const keys of this.buckets.values()) if (!largest || keys.size > largest.size) largest = keys;
    const key = largest?.values().next().value ?? this.entries.keys().next().value;
    if (key === undefined) return;
    this.drop(key, this.entries.get(key)!);
  }

  private drop(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    if (entry.bucket === undefined) return;
    const keys = this.buckets.get(entry.bucket);
    if (!keys) return;
    keys.delete(key);
    if (keys.size === 0) this.buckets.delete(entry.bucket);
  }

  /** Drops expired entries from the head; amortised O(1) because the Map is ordered by expiry. */
  private sweep(): void {
    const now = this.clock.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.drop(key, entry);
    }
  }
}

/* eslint-enable @typescript-eslint/require-await */

export function memoryStoreFactory(clock: Clock, defaults: StoreLimits): StoreFactory {
  const registered: RegisteredCollection[] = [];
  return {
    collection: <V>(name: string, { owner, quotaBucket = owner, ...limits }: CollectionOptions<V>) => {
      const store = new MemoryStore<V>(clock, { ...defaults, ...limits }, quotaBucket, name);
      registered.push({
        name,
        find: (predicate, limit) => store.find(predicate, limit),
        clear: () => store.clear(),
        clearOwner: (who) => store.deleteWhere((v) => owner(v) === who),
      });
      return store;
    },
    collections: () => registered,
  };
}
