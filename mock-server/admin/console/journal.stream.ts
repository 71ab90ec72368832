import type { Request, Response } from 'express';
import type { AdminContext } from '../admin-context.js';
import { filterFromQuery, matcherOf } from './journal-filter.js';
import { journalRow } from './journal.page.js';
import type { SurfaceNames } from './surface-of.js';

/** A comment line this often keeps proxies from closing a quiet stream; the draining flag is looked at every tick. */
const TICK_MS = 1000;
const HEARTBEAT_TICKS = 15;

/**
 * GET /ui/journal/stream: server-sent events, one `request` event per journal entry recorded from now
 * on that matches the page's filters, carrying the row already rendered (escaped here, as the page's
 * rows are). Ends when the mock starts draining, so a stopping server is not held open by a console.
 */
export function journalStream(base: string, ctx: AdminContext, surfaces: SurfaceNames) {
  return function consoleJournalStream(req: Request, res: Response): void {
    const matches = matcherOf(filterFromQuery(req.query), surfaces);
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // Proxies that buffer (nginx) must pass each event at once.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write(`retry: 2000\n: journal of instance ${ctx.instanceId.replace(/[\r\n]/g, ' ')}\n\n`);
    const stop = ctx.journal.onRecord((entry) => {
      if (!matches(entry)) return;
      res.write(
        `event: request\nid: ${entry.seq}\ndata: ${JSON.stringify({ seq: entry.seq, html: journalRow(base, entry, surfaces.of(entry.path)).value })}\n\n`,
      );
    });
    let ticks = 0;
    const timer = setInterval(() => {
      if (ctx.lifecycle.draining) {
        res.end();
        return;
      }
      if (++ticks % HEARTBEAT_TICKS === 0) res.write(': heartbeat\n\n');
    }, TICK_MS);
    timer.unref();
    res.on('close', () => {
      clearInterval(timer);
      stop();
    });
  };
}
