import type { RequestHandler } from 'express';
import type { Clock } from '../core/clock.js';
import type { RequestNote } from '../core/request-note.js';
import { captureResponse, ExchangeRing, exchangeOf, type Exchange } from './request-exchanges.js';

export interface JournalEntry extends RequestNote {
  /** This instance's number for the request, counting from 0 since it started (a clear does not reuse numbers). */
  seq: number;
  at: number;
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

export interface JournalFilter {
  clientId?: string;
  path?: string;
  status?: number;
  unmatched?: boolean;
  /** Any other test, on the entry as held (before it is copied). */
  match?: (entry: Readonly<JournalEntry>) => boolean;
  limit?: number;
}

/** How many of the latest requests keep their whole exchange (headers, body heads), and how many bytes of each body. */
export interface ExchangeLimits {
  exchanges: number;
  bodyBytes: number;
}

const MAX_PATH = 256;

const blank = (): JournalEntry => ({ seq: -1, at: 0, method: '', path: '', status: 0, durationMs: 0 });

const copyOf = (entry: JournalEntry): JournalEntry => Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as unknown as JournalEntry;

/**
 * A fixed-size ring of the latest requests: memory stays flat however long the mock runs. Its slots are
 * allocated once and overwritten in place, so recording a request allocates nothing the GC must chase.
 * Beside it, a smaller ring of the latest whole exchanges, for the console's view of one request.
 */
export class RequestJournal {
  private readonly ring: JournalEntry[];
  private readonly exchanges: ExchangeRing;
  private readonly listeners = new Set<(entry: JournalEntry) => void>();
  private next = 0;
  private recorded = 0;
  /** The next request's number; `next` is always this modulo the capacity. */
  private seqNext = 0;

  constructor(
    readonly capacity: number,
    readonly limits: ExchangeLimits = { exchanges: 0, bodyBytes: 0 },
  ) {
    this.ring = Array.from({ length: capacity }, blank);
    this.exchanges = new ExchangeRing(capacity === 0 ? 0 : limits.exchanges);
  }

  /** Whether the recorder should copy whole exchanges. */
  get keepsExchanges(): boolean {
    return this.exchanges.capacity > 0;
  }

  /** Records a finished request; answers its sequence number (-1 when the journal is off). */
  record(
    at: number,
    method: string,
    path: string,
    status: number,
    durationMs: number,
    note: RequestNote | undefined,
    exchange?: (seq: number) => Exchange,
  ): number {
    if (this.capacity === 0) return -1;
    const seq = this.seqNext++;
    const slot = this.ring[this.next]!;
    slot.seq = seq;
    slot.at = at;
    slot.method = method;
    slot.path = path.length > MAX_PATH ? path.slice(0, MAX_PATH) : path;
    slot.status = status;
    slot.durationMs = durationMs;
    slot.clientId = note?.clientId;
    slot.resource = note?.resource;
    slot.scenario = note?.scenario;
    slot.stateBefore = note?.stateBefore;
    slot.stateAfter = note?.stateAfter;
    slot.unmatched = note?.unmatched;
    this.next = (this.next + 1) % this.capacity;
    this.recorded++;
    if (exchange && this.keepsExchanges) this.exchanges.put(exchange(seq));
    if (this.listeners.size > 0) {
      const copy = copyOf(slot);
      for (const listener of this.listeners) listener(copy);
    }
    return seq;
  }

  /** Newest first, as copies without empty fields. */
  query(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const limit = filter.limit ?? 100;
    const held = Math.min(this.recorded, this.capacity);
    for (let i = 1; i <= held && out.length < limit; i++) {
      const entry = this.ring[(this.next - i + this.capacity) % this.capacity]!;
      if (filter.clientId !== undefined && entry.clientId !== filter.clientId) continue;
      if (filter.path !== undefined && !entry.path.startsWith(filter.path)) continue;
      if (filter.status !== undefined && entry.status !== filter.status) continue;
      if (filter.unmatched !== undefined && Boolean(entry.unmatched) !== filter.unmatched) continue;
      if (filter.match && !filter.match(entry)) continue;
      out.push(copyOf(entry));
    }
    return out;
  }

  /** One entry by its sequence number, while the ring still holds it. */
  entry(seq: number): JournalEntry | undefined {
    const held = Math.min(this.recorded, this.capacity);
    if (!Number.isInteger(seq) || seq < this.seqNext - held || seq >= this.seqNext) return undefined;
    return copyOf(this.ring[seq % this.capacity]!);
  }

  /** The whole exchange of one request, while the smaller exchange ring still holds it. */
  exchange(seq: number): Exchange | undefined {
    return this.exchanges.get(seq);
  }

  /** Calls `listener` with each request recorded from now on (the console's live view); answers how to stop. */
  onRecord(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  stats(): { capacity: number; held: number; recorded: number; exchanges: number } {
    return { capacity: this.capacity, held: Math.min(this.recorded, this.capacity), recorded: this.recorded, exchanges: this.exchanges.capacity };
  }

  clear(): void {
    for (let i = 0; i < this.capacity; i++) this.ring[i] = blank();
    this.exchanges.clear();
    this.next = this.seqNext % Math.max(1, this.capacity);
    this.recorded = 0;
  }
}

/** Records each request when its response is done (or its connection is gone: status 0), with its exchange when kept. */
export function journalRecorder(journal: RequestJournal, clock: Clock): RequestHandler {
  const { bodyBytes } = journal.limits;
  return (req, res, next) => {
    const started = performance.now();
    const capture = journal.keepsExchanges ? captureResponse(res, bodyBytes) : undefined;
    // 'close' comes once per response; `on` spares the wrapper `once` builds on every request.
    res.on('close', () => {
      const durationMs = Math.round((performance.now() - started) * 100) / 100;
      journal.record(
        clock.now(),
        req.method,
        req.originalUrl,
        res.writableFinished ? res.statusCode : 0,
        durationMs,
        res.locals.note as RequestNote | undefined,
        capture && ((seq) => exchangeOf(seq, req, res, capture, bodyBytes)),
      );
    });
    next();
  };
}
