import type { Clock } from '../core/clock.js';
import type { KeyValueStore, StoreFactory, StoreLimits } from './store.js';

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * Map-backed store. Every write re-inserts its key, so the Map stays ordered by expiry (one TTL per
 * collection): expired entries are swept from the head, and the oldest entry goes first when full.
 */
export class MemoryStore<V> implements KeyValueStore<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: StoreLimits,
  ) {}

  async get(key: string): Promise<V | undefined> {
    return this.live(key)?.value;
  }

  async set(key: string, value: V): Promise<void> {
    this.write(key, value);
  }

  async setIfAbsent(key: string, value: V): Promise<V> {
    const existing = this.live(key);
    if (existing) return existing.value;
    this.write(key, value);
    return value;
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
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
    for (const [key, { value }] of this.entries) {
      if (predicate(value)) {
        this.entries.delete(key);
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
  }

  private live(key: string): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private write(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock.now() + this.limits.ttlMs });
    this.sweep();
    while (this.entries.size > this.limits.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Drops expired entries from the head; amortised O(1) because the Map is ordered by expiry. */
  private sweep(): void {
    const now = this.clock.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }
}

export function memoryStoreFactory(clock: Clock, defaults: StoreLimits): StoreFactory {
  return {
    collection: <V>(_name: string, limits: Partial<StoreLimits> = {}) => new MemoryStore<V>(clock, { ...defaults, ...limits }),
  };
}
