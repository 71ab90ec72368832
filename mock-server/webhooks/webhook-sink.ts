/** What a sink received: one POST. */
export interface Received {
  at: string;
  headers: Record<string, string>;
  body: string;
}

const PER_SINK = 100;
const SINKS = 1000;

/**
 * The control plane's built-in receiver: a user without a server of their own points `webhook` at
 * `/__admin/webhooks/sink/{name}` and reads what would have been sent. Bounded: the newest hundred
 * per sink, the thousand sinks last written to.
 */
export class WebhookSink {
  private readonly sinks = new Map<string, Received[]>();

  record(name: string, received: Received): void {
    const list = this.sinks.get(name) ?? [];
    this.sinks.delete(name);
    list.push(received);
    if (list.length > PER_SINK) list.shift();
    this.sinks.set(name, list);
    if (this.sinks.size > SINKS) this.sinks.delete(this.sinks.keys().next().value!);
  }

  /** The sinks that hold something, the last written to first. */
  names(): string[] {
    return [...this.sinks.keys()].reverse();
  }

  /** Newest first. */
  list(name: string): Received[] {
    return [...(this.sinks.get(name) ?? [])].reverse();
  }

  clear(name?: string): void {
    if (name === undefined) this.sinks.clear();
    else this.sinks.delete(name);
  }
}
