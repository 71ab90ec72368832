import type { RequestHandler } from 'express';
import type { Clock } from '../core/clock.js';
import type { RequestNote } from './request-note.js';

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

/** A fixed-size ring of the latest requests: memory stays flat however long the mock runs. */
export class RequestJournal {
  private readonly ring: Array<JournalEntry | undefined>;
  private next = 0;
  private recorded = 0;

  constructor(readonly capacity: number) {
    this.ring = new Array<JournalEntry | undefined>(capacity);
  }

  record(entry: JournalEntry): void {
    if (this.capacity === 0) return;
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    this.recorded++;
  }

  /** Newest first. */
  query(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const limit = filter.limit ?? 100;
    for (let i = 1; i <= this.capacity && out.length < limit; i++) {
      const entry = this.ring[(this.next - i + this.capacity) % this.capacity];
      if (!entry) break;
      if (filter.clientId !== undefined && entry.clientId !== filter.clientId) continue;
      if (filter.path !== undefined && !entry.path.startsWith(filter.path)) continue;
      if (filter.status !== undefined && entry.status !== filter.status) continue;
      if (filter.unmatched !== undefined && Boolean(entry.unmatched) !== filter.unmatched) continue;
      out.push(entry);
    }
    return out;
  }

  stats(): { capacity: number; held: number; recorded: number } {
    return { capacity: this.capacity, held: Math.min(this.recorded, this.capacity), recorded: this.recorded };
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.recorded = 0;
  }
}

/** Records each request when its response is done (or its connection is gone: status 0). */
export function journalRecorder(journal: RequestJournal, clock: Clock): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      const note = res.locals.note as RequestNote | undefined;
      journal.record({
        ...note,
        at: clock.now(),
        method: req.method,
        path: req.originalUrl.length > MAX_PATH ? req.originalUrl.slice(0, MAX_PATH) : req.originalUrl,
        status: res.writableFinished ? res.statusCode : 0,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      });
    });
    next();
  };
}
