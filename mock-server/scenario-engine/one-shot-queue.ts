import type { SharedLists } from '../store/shared-state.js';
import type { ScenarioRef } from './scenario-ref.js';
import type { ResourceKind } from './vocabulary.js';

const MAX_PER_KEY = 1000;
const SEPARATOR = '\u0000';

export interface QueuedScenarios {
  clientId: string;
  kind: ResourceKind;
  scenarios: string[];
}

/** Scenarios queued through the admin API for a client's next resources of one kind, used up in order. */
export interface ScenarioQueue {
  /** Answers the scenario's position; throws RangeError past the per-client-and-kind cap. */
  push(clientId: string, kind: ResourceKind, ref: ScenarioRef): Promise<number>;
  take(clientId: string, kind: ResourceKind): Promise<ScenarioRef | undefined>;
  pending(clientId?: string): Promise<QueuedScenarios[]>;
  clear(clientId?: string): Promise<void>;
}

const full = () => new RangeError(`at most ${MAX_PER_KEY} scenarios can wait for one client and kind`);
const keyOf = (clientId: string, kind: ResourceKind) => `${clientId}${SEPARATOR}${kind}`;
const splitKey = (key: string) => key.split(SEPARATOR) as [string, ResourceKind];

/** In this process: the embedded default. */
// Synchronous work behind the async interface the shared queue needs.
/* eslint-disable @typescript-eslint/require-await */
export class OneShotQueue implements ScenarioQueue {
  private readonly queues = new Map<string, ScenarioRef[]>();

  async push(clientId: string, kind: ResourceKind, ref: ScenarioRef): Promise<number> {
    const key = keyOf(clientId, kind);
    const queue = this.queues.get(key) ?? [];
    if (queue.length >= MAX_PER_KEY) throw full();
    queue.push(ref);
    this.queues.set(key, queue);
    return queue.length;
  }

  async take(clientId: string, kind: ResourceKind): Promise<ScenarioRef | undefined> {
    if (this.queues.size === 0) return undefined;
    const key = keyOf(clientId, kind);
    const queue = this.queues.get(key);
    const ref = queue?.shift();
    if (queue && queue.length === 0) this.queues.delete(key);
    return ref;
  }

  async pending(clientId?: string): Promise<QueuedScenarios[]> {
    return [...this.queues]
      .map(([key, refs]) => {
        const [id, kind] = splitKey(key);
        return { clientId: id, kind, scenarios: refs.map((r) => r.name) };
      })
      .filter((q) => clientId === undefined || q.clientId === clientId);
  }

  async clear(clientId?: string): Promise<void> {
    if (clientId === undefined) this.queues.clear();
    else for (const key of [...this.queues.keys()]) if (key.startsWith(`${clientId}${SEPARATOR}`)) this.queues.delete(key);
  }
}
/* eslint-enable @typescript-eslint/require-await */

/** On the shared store: a scenario queued on one instance is taken once, by whichever instance creates the resource. */
export class SharedOneShotQueue implements ScenarioQueue {
  constructor(private readonly lists: SharedLists) {}

  async push(clientId: string, kind: ResourceKind, ref: ScenarioRef): Promise<number> {
    const length = await this.lists.push(keyOf(clientId, kind), JSON.stringify(ref), MAX_PER_KEY);
    if (length < 0) throw full();
    return length;
  }

  async take(clientId: string, kind: ResourceKind): Promise<ScenarioRef | undefined> {
    const item = await this.lists.take(keyOf(clientId, kind));
    return item === undefined ? undefined : (JSON.parse(item) as ScenarioRef);
  }

  async pending(clientId?: string): Promise<QueuedScenarios[]> {
    const entries = await this.lists.entries(clientId === undefined ? undefined : `${clientId}${SEPARATOR}`);
    return entries.map(([key, items]) => {
      const [id, kind] = splitKey(key);
      return { clientId: id, kind, scenarios: items.map((i) => (JSON.parse(i) as ScenarioRef).name) };
    });
  }

  clear(clientId?: string): Promise<void> {
    return this.lists.clear(clientId === undefined ? undefined : `${clientId}${SEPARATOR}`);
  }
}
