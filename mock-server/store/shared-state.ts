/**
 * What instances of one gateway share beside the store's collections: small records of the control plane
 * (signing keys, clients, the clock), lists (the scenario queue) and a bus telling the others of a change.
 * Absent (`undefined` in Deps) with the in-memory store: one process is the whole gateway then.
 */
export interface SharedState {
  /** Names this process in the journal and in messages: other instances ignore their own. */
  readonly instanceId: string;
  /** A named hash of JSON records. */
  records<V>(name: string): SharedRecords<V>;
  /** Named lists of strings, one per key, each bounded. */
  lists(name: string): SharedLists;
  /** Tells every other instance; handlers run for messages from others only. */
  publish(topic: string, data: unknown): Promise<void>;
  subscribe(topic: string, handler: (data: unknown) => void): void;
  close(): Promise<void>;
}

export interface SharedRecords<V> {
  get(field: string): Promise<V | undefined>;
  all(): Promise<Map<string, V>>;
  set(field: string, value: V): Promise<void>;
  /** Stores only when absent; answers what the field holds afterwards (exactly one of racing writers wins). */
  setIfAbsent(field: string, value: V): Promise<V>;
  delete(field: string): Promise<void>;
  clear(): Promise<void>;
}

export interface SharedLists {
  /** Appends unless the list holds `max` already; answers the new length, or -1 when full. */
  push(key: string, item: string, max: number): Promise<number>;
  /** Removes and answers the first item, atomically across instances. */
  take(key: string): Promise<string | undefined>;
  /** Every non-empty list whose key starts with `prefix`. */
  entries(prefix?: string): Promise<Array<[key: string, items: string[]]>>;
  /** Deletes every list whose key starts with `prefix` (all when absent). */
  clear(prefix?: string): Promise<void>;
}
