import type { RequestHandler } from 'express';
import type { Clock } from '../core/clock.js';
import type { RequestNote } from '../core/request-note.js';

export interface JournalEntry extends RequestNote {
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
  limit?: number;
}

const MAX_PATH = 256;

const blank = (): JournalEntry => ({ at: 0, method: '', path: '', status: 0, durationMs: 0 });

/**
 * A fixed-size ring of the latest requests: memory stays flat however long the mock runs. Its slots are
 * allocated once and overwritten in place, so recording a request allocates nothing the GC must chase.
 */
export class RequestJournal {
  private readonly ring: JournalEntry[];
  private next = 0;
  private recorded = 0;

  constructor(readonly capacity: number) {
    this.ring = Array.from({ length: capacity }, blank);
  }

  record(at: number, method: string, path: string, status: number, durationMs: number, note: RequestNote | undefined): void {
    if (this.capacity === 0) return;
    const slot = this.ring[this.next]!;
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
      out.push(Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as unknown as JournalEntry);
    }
    return out;
  }

  stats(): { capacity: number; held: number; recorded: number } {
    return { capacity: this.capacity, held: Math.min(this.recorded, this.capacity), recorded: this.recorded };
  }

  clear(): void {
    for (let i = 0; i < this.capacity; i++) this.ring[i] = blank();
    this.next = 0;
    this.recorded = 0;
  }
}

/** Records each request when its response is done (or its connection is gone: status 0). */
export function journalRecorder(journal: RequestJournal, clock: Clock): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
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
      );
    });
    next();
  };
}
