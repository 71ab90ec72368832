import type { Clock } from '../core/clock.js';
import type { KeyValueStore } from '../store/store.js';
import type { IdFactory } from '../core/ids.js';
import type { Attempt, WebhookDeliveryRecord, WebhookEvent } from './delivery-record.js';
import type { PostWebhook } from './post-webhook.js';
import { delayMs, type RetrySchedule } from '../core/retry-schedule.js';
import { targetRefusal, type TargetPolicy } from './target-policy.js';

export interface DeliveryLimits extends RetrySchedule, TargetPolicy {
  /** Deliveries not yet ended, in all and per target (a URL's origin); past either, new events are dropped and counted. */
  maxQueued: number;
  maxQueuedPerTarget: number;
  /** POSTs on the wire at once, in all and per target: a receiver that never answers cannot hold up the others. */
  maxInFlight: number;
  maxInFlightPerTarget: number;
  timeoutMs: number;
  /** Ended deliveries kept for the control plane (the oldest go first). */
  retained: number;
}

export interface DeliveryTools {
  clock: Clock;
  ids: IdFactory;
  random: () => number;
  /** A monotonic clock for latencies (ms). */
  elapsed: () => number;
  post: PostWebhook;
  /** Told once per this many drops, so a flood does not flood the log too. */
  onDrop?: (reason: DropReason, dropped: number) => void;
  /** Who sends an event (several instances may see the same one end): the first to claim it. */
  claims?: KeyValueStore<EventClaim>;
  /** Every record as it changes, so the control plane of any instance on the store lists and replays it. */
  mirror?: KeyValueStore<WebhookDeliveryRecord>;
  /** A write to the store that failed (the delivery itself goes on). */
  onStoreError?: (e: unknown) => void;
}

/** The instance that will send one event: `token` is the claimer's own, so a claim tells whether it won. */
export interface EventClaim {
  owner: string;
  token: string;
}

export type DropReason = 'queue-full' | 'target-full';

export interface DeliveryStats {
  queued: number;
  inFlight: number;
  delivered: number;
  failed: number;
  dropped: Record<DropReason, number>;
}

export interface DeliveryFilter {
  owner?: string | undefined;
  source?: string | undefined;
  resourceId?: string | undefined;
}

/** Attempts left for a delivery: the schedule's, or one more for a replay of an ended one. */
interface Active {
  record: WebhookDeliveryRecord;
  target: string;
  budget: number;
}

/**
 * The outbox every surface's webhooks go through: bounded, at-least-once, retried with exponential
 * backoff and jitter on the injected clock until a 2xx or the last attempt. Attempts become due as the
 * clock moves: a wall-clock timer (started by the server) and every move of the virtual clock pump it.
 */
const matches = (filter: DeliveryFilter, r: WebhookDeliveryRecord): boolean =>
  (filter.owner === undefined || r.owner === filter.owner) &&
  (filter.source === undefined || r.source === filter.source) &&
  (filter.resourceId === undefined || r.resourceId === filter.resourceId);

const newestFirst = (a: WebhookDeliveryRecord, b: WebhookDeliveryRecord): number => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

export class WebhookDelivery {
  private readonly active = new Map<string, Active>();
  /** Due now, per target, oldest first: the pump takes from each target in turn, so none waits behind another. */
  private readonly ready = new Map<string, Set<Active>>();
  /** Retries due later, and the earliest of them (the pump looks at them only once it has come). */
  private readonly waiting = new Set<Active>();
  private earliestWaiting = Infinity;
  private readonly ended = new Map<string, WebhookDeliveryRecord>();
  private readonly perTarget = new Map<string, number>();
  private readonly inFlightPerTarget = new Map<string, number>();
  private inFlight = 0;
  private delivered = 0;
  private failed = 0;
  private readonly dropped: Record<DropReason, number> = { 'queue-full': 0, 'target-full': 0 };
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limits: DeliveryLimits,
    private readonly tools: DeliveryTools,
  ) {}

  /** Why deliveries to this URL would be refused (surfaces answer their own 400 with it), or undefined. */
  checkTarget(url: string): string | undefined {
    return targetRefusal(url, this.limits);
  }

  /**
   * Queues an event once however many times (and on however many instances) it is seen: `once` names it
   * (e.g. `scanning:<id>:end`). Undefined when another claim won or a cap dropped it.
   */
  async enqueueOnce(event: WebhookEvent, once: string): Promise<WebhookDeliveryRecord | undefined> {
    if (this.tools.claims) {
      const mine = { owner: event.owner, token: this.tools.ids.uuid() };
      try {
        const held = await this.tools.claims.setIfAbsent(once, mine);
        if (held.token !== mine.token) return undefined;
      } catch (e) {
        // At least once: with the store away, sending twice beats not sending.
        this.tools.onStoreError?.(e);
      }
    }
    return this.enqueue(event);
  }

  /** Queues one event; undefined when a cap dropped it (counted in stats). */
  enqueue(event: WebhookEvent): WebhookDeliveryRecord | undefined {
    const target = new URL(event.url).origin;
    if (this.active.size >= this.limits.maxQueued) return this.drop('queue-full');
    if ((this.perTarget.get(target) ?? 0) >= this.limits.maxQueuedPerTarget) return this.drop('target-full');
    const id = this.tools.ids.uuid();
    const record: WebhookDeliveryRecord = {
      id,
      ...event,
      // The same on every attempt: a receiver that saw it already can tell a retry (delivery is at least once).
      headers: { ...event.headers, 'idempotency-key': id },
      createdAt: new Date(this.tools.clock.now()).toISOString(),
      state: 'queued',
      nextAttemptAt: this.tools.clock.now(),
      attempts: [],
    };
    const active: Active = { record, target, budget: this.limits.maxAttempts };
    this.active.set(record.id, active);
    this.perTarget.set(target, (this.perTarget.get(target) ?? 0) + 1);
    this.makeReady(active);
    this.mirrored(record);
    this.pump();
    return record;
  }

  private mirrored(record: WebhookDeliveryRecord): void {
    const { mirror, onStoreError } = this.tools;
    if (!mirror) return;
    // A copy: the record goes on changing here while the write is on its way.
    mirror.set(record.id, { ...record, attempts: [...record.attempts] }).catch((e: unknown) => onStoreError?.(e));
  }

  /** {@link list}, with what other instances on the shared store queued (theirs as last written). */
  async listAnywhere(filter: DeliveryFilter, limit: number): Promise<WebhookDeliveryRecord[]> {
    const here = this.list(filter, limit);
    if (!this.tools.mirror) return here;
    const ids = new Set(here.map((r) => r.id));
    const elsewhere = await this.tools.mirror.find((r) => matches(filter, r) && !ids.has(r.id), limit);
    return [...here, ...elsewhere].sort(newestFirst).slice(0, limit);
  }

  async getAnywhere(id: string): Promise<WebhookDeliveryRecord | undefined> {
    return this.get(id) ?? (await this.tools.mirror?.get(id));
  }

  /** {@link replay}; a delivery another instance queued is taken over here, one attempt beyond its schedule. */
  async replayAnywhere(id: string): Promise<WebhookDeliveryRecord | undefined> {
    const here = this.replay(id);
    if (here || !this.tools.mirror) return here;
    const record = await this.tools.mirror.get(id);
    if (!record) return undefined;
    this.ended.set(id, { ...record, attempts: [...record.attempts], state: record.state === 'delivered' ? 'delivered' : 'failed' });
    if (record.state === 'delivered') this.delivered++;
    else this.failed++;
    return this.replay(id);
  }

  /** Newest first. */
  list(filter: DeliveryFilter, limit: number): WebhookDeliveryRecord[] {
    const all = [...[...this.active.values()].map((a) => a.record), ...this.ended.values()].filter((r) => matches(filter, r));
    return all.sort(newestFirst).slice(0, limit);
  }

  get(id: string): WebhookDeliveryRecord | undefined {
    return this.active.get(id)?.record ?? this.ended.get(id);
  }

  /** One more attempt now: a queued delivery's next one moves up; an ended one gets one attempt beyond its schedule. */
  replay(id: string): WebhookDeliveryRecord | undefined {
    const queued = this.active.get(id);
    if (queued) {
      if (queued.record.state === 'queued' && this.waiting.delete(queued)) {
        queued.record.nextAttemptAt = this.tools.clock.now();
        this.makeReady(queued);
      }
      this.pump();
      return queued.record;
    }
    const record = this.ended.get(id);
    if (!record) return undefined;
    this.ended.delete(id);
    if (record.state === 'delivered') this.delivered--;
    else this.failed--;
    const target = new URL(record.url).origin;
    record.state = 'queued';
    record.nextAttemptAt = this.tools.clock.now();
    const active: Active = { record, target, budget: record.attempts.length + 1 };
    this.active.set(id, active);
    this.perTarget.set(target, (this.perTarget.get(target) ?? 0) + 1);
    this.makeReady(active);
    this.pump();
    return record;
  }

  stats(): DeliveryStats {
    return { queued: this.active.size - this.inFlight, inFlight: this.inFlight, delivered: this.delivered, failed: this.failed, dropped: { ...this.dropped } };
  }

  /** Forgets deliveries (all, or one client's) that are not on the wire; counters restart with a full reset. */
  clear(owner?: string): void {
    for (const [id, a] of this.active) {
      if ((owner === undefined || a.record.owner === owner) && a.record.state === 'queued') {
        this.active.delete(id);
        this.waiting.delete(a);
        this.ready.get(a.target)?.delete(a);
        this.release(a.target);
      }
    }
    for (const [id, r] of this.ended) if (owner === undefined || r.owner === owner) this.ended.delete(id);
    if (owner === undefined) {
      this.delivered = 0;
      this.failed = 0;
      this.dropped['queue-full'] = 0;
      this.dropped['target-full'] = 0;
    }
  }

  /** Starts every attempt that is due, as far as the in-flight caps allow, taking from each target in turn. */
  pump(): void {
    const now = this.tools.clock.now();
    if (now >= this.earliestWaiting) this.wake(now);
    let started = true;
    while (started && this.inFlight < this.limits.maxInFlight) {
      started = false;
      for (const [target, queue] of this.ready) {
        if (this.inFlight >= this.limits.maxInFlight) break;
        if ((this.inFlightPerTarget.get(target) ?? 0) >= this.limits.maxInFlightPerTarget) continue;
        const next = queue.values().next().value;
        if (next === undefined) continue;
        queue.delete(next);
        if (queue.size === 0) this.ready.delete(target);
        this.attempt(next);
        started = true;
      }
    }
  }

  /** Moves the retries whose time has come to their targets' ready queues. */
  private wake(now: number): void {
    let earliest = Infinity;
    for (const a of this.waiting) {
      const due = a.record.nextAttemptAt ?? 0;
      if (due <= now) {
        this.waiting.delete(a);
        this.makeReady(a);
      } else if (due < earliest) earliest = due;
    }
    this.earliestWaiting = earliest;
  }

  private makeReady(a: Active): void {
    let queue = this.ready.get(a.target);
    if (!queue) {
      queue = new Set();
      this.ready.set(a.target, queue);
    }
    queue.add(a);
  }

  /** Resolves once nothing is on the wire (attempts that became due meanwhile included). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** The wall-clock pump; unref'd, so it never keeps the process alive. */
  start(intervalMs = 200): void {
    this.timer ??= setInterval(() => {
      this.pump();
    }, intervalMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private attempt(a: Active): void {
    const { record, target } = a;
    record.state = 'in-flight';
    delete record.nextAttemptAt;
    this.inFlight++;
    this.inFlightPerTarget.set(target, (this.inFlightPerTarget.get(target) ?? 0) + 1);
    const at = new Date(this.tools.clock.now()).toISOString();
    const started = this.tools.elapsed();
    const run = this.tools
      .post(record.url, record.body, record.headers, this.limits.timeoutMs)
      .then((outcome) => {
        const attempt: Attempt = { at, ...outcome, latencyMs: Math.round(this.tools.elapsed() - started) };
        this.finish(a, attempt);
      })
      .finally(() => {
        this.running.delete(run);
        this.pump();
      });
    this.running.add(run);
  }

  private finish(a: Active, attempt: Attempt): void {
    const { record, target } = a;
    record.attempts.push(attempt);
    this.inFlight--;
    this.mirroredAfter(record);
    const onWire = (this.inFlightPerTarget.get(target) ?? 1) - 1;
    if (onWire === 0) this.inFlightPerTarget.delete(target);
    else this.inFlightPerTarget.set(target, onWire);
    // Cleared by a reset while on the wire: the attempt is recorded on the record, which nothing lists any more.
    if (!this.active.has(record.id)) return;
    const ok = attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;
    if (!ok && record.attempts.length < a.budget) {
      record.state = 'queued';
      record.nextAttemptAt = this.tools.clock.now() + delayMs(this.limits, record.attempts.length, this.tools.random);
      this.waiting.add(a);
      this.earliestWaiting = Math.min(this.earliestWaiting, record.nextAttemptAt);
      return;
    }
    record.state = ok ? 'delivered' : 'failed';
    if (ok) this.delivered++;
    else this.failed++;
    this.active.delete(record.id);
    this.release(target);
    this.ended.set(record.id, record);
    if (this.ended.size > this.limits.retained) this.ended.delete(this.ended.keys().next().value!);
  }

  /** Mirrors once the attempt's outcome (queued again, delivered, failed) is on the record. */
  private mirroredAfter(record: WebhookDeliveryRecord): void {
    if (this.tools.mirror)
      queueMicrotask(() => {
        this.mirrored(record);
      });
  }

  private release(target: string): void {
    const left = (this.perTarget.get(target) ?? 1) - 1;
    if (left === 0) this.perTarget.delete(target);
    else this.perTarget.set(target, left);
  }

  private drop(reason: DropReason): WebhookDeliveryRecord | undefined {
    this.dropped[reason]++;
    this.tools.onDrop?.(reason, this.dropped[reason]);
    return undefined;
  }
}
