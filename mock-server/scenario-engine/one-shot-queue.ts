import type { ScenarioRef } from './scenario-ref.js';
import type { ResourceKind } from './vocabulary.js';

const MAX_PER_KEY = 1000;

/** Scenarios queued through the admin API for a client's next resources of one kind, used up in order. */
export class OneShotQueue {
  private readonly queues = new Map<string, ScenarioRef[]>();

  push(clientId: string, kind: ResourceKind, ref: ScenarioRef): number {
    const key = `${clientId}\u0000${kind}`;
    const queue = this.queues.get(key) ?? [];
    if (queue.length >= MAX_PER_KEY) throw new RangeError(`at most ${MAX_PER_KEY} scenarios can wait for one client and kind`);
    queue.push(ref);
    this.queues.set(key, queue);
    return queue.length;
  }

  take(clientId: string, kind: ResourceKind): ScenarioRef | undefined {
    if (this.queues.size === 0) return undefined;
    const key = `${clientId}\u0000${kind}`;
    const queue = this.queues.get(key);
    const ref = queue?.shift();
    if (queue && queue.length === 0) this.queues.delete(key);
    return ref;
  }

  pending(clientId?: string): Array<{ clientId: string; kind: ResourceKind; scenarios: string[] }> {
    return [...this.queues]
      .map(([key, refs]) => {
        const [id, kind] = key.split('\u0000') as [string, ResourceKind];
        return { clientId: id, kind, scenarios: refs.map((r) => r.name) };
      })
      .filter((q) => clientId === undefined || q.clientId === clientId);
  }

  clear(clientId?: string): void {
    if (clientId === undefined) this.queues.clear();
    else for (const key of [...this.queues.keys()]) if (key.startsWith(`${clientId}\u0000`)) this.queues.delete(key);
  }
}
