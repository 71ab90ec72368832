/**
 * A keyed collection with a time-to-live and a maximum size. Async so that a shared implementation
 * (Redis) can replace the in-memory one without touching services.
 */
export interface KeyValueStore<V> {
  get(key: string): Promise<V | undefined>;
  /** Throws {@link QuotaExceeded} when a new key would take its owner past the per-owner cap. */
  set(key: string, value: V): Promise<void>;
  /** Stores only when the key is absent (or expired); answers the value now stored under the key. */
  setIfAbsent(key: string, value: V): Promise<V>;
  delete(key: string): Promise<boolean>;
  /** Values for which the predicate holds, at most `limit` of them. */
  find(predicate: (value: V) => boolean, limit?: number): Promise<V[]>;
  /** Deletes every value for which the predicate holds; answers how many went. */
  deleteWhere(predicate: (value: V) => boolean): Promise<number>;
  size(): Promise<number>;
  clear(): Promise<void>;
}

export interface StoreLimits {
  ttlMs: number;
  /** The last guard of memory, over all owners; past it the largest owner's oldest entry goes. */
  maxEntries: number;
  /** Live entries one quota bucket (a client, per kind of resource) may hold; past it writes are refused. */
  maxEntriesPerOwner: number;
}

export interface CollectionOptions<V> extends Partial<StoreLimits> {
  /** The client a value belongs to: what a per-client reset removes. */
  owner: (value: V) => string;
  /** The quota bucket a value counts against; its owner unless one collection holds several kinds. */
  quotaBucket?: (value: V) => string;
}

/** A collection as the control plane sees it: every one is reset, all of it or one client's. */
export interface RegisteredCollection {
  name: string;
  /** Values of any owner, at most `limit` (the control plane's look inside; tests that check what is held). */
  find(predicate: (value: unknown) => boolean, limit?: number): Promise<unknown[]>;
  clear(): Promise<void>;
  clearOwner(owner: string): Promise<number>;
}

/** Makes the named collections of one app instance, and lists them. */
export interface StoreFactory {
  collection<V>(name: string, options: CollectionOptions<V>): KeyValueStore<V>;
  collections(): readonly RegisteredCollection[];
}
