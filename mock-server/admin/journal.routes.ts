import { HttpError } from '../core/http-error.js';
import type { JournalFilter } from '../pipeline/request-journal.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';
import { showExchange } from './exchange-view.js';

function filterFrom(query: Record<string, unknown>): JournalFilter {
  const text = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
  const int = (name: string) => {
    const value = text(name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new HttpError(400, 'mock_invalid_request', `${name} must be a whole number`);
    return Number(value);
  };
  const unmatched = text('unmatched');
  const filter: JournalFilter = { limit: Math.min(int('limit') ?? 100, 10_000) };
  const clientId = text('clientId');
  const path = text('path');
  const status = int('status');
  if (clientId !== undefined) filter.clientId = clientId;
  if (path !== undefined) filter.path = path;
  if (status !== undefined) filter.status = status;
  if (unmatched !== undefined) filter.unmatched = unmatched === 'true';
  return filter;
}

/** The request journal: newest first, filtered by client, path prefix, status or unmatched. */
export function journalRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.get('/requests', function listRequests(req, res) {
    res.json({ instance: ctx.instanceId, ...ctx.journal.stats(), requests: ctx.journal.query(filterFrom(req.query)) });
  });
  // One request by its number: the entry, its whole exchange while held (credentials masked), the scenario decision.
  r.get('/requests/:seq', async function readRequest(req, res) {
    const text = String(req.params.seq);
    const shown = /^\d{1,15}$/.test(text) ? await showExchange(ctx, Number(text)) : undefined;
    if (!shown) throw new HttpError(404, 'not_found', `no request ${text.slice(0, 40)} in this instance's journal (it holds the last ${ctx.journal.capacity})`);
    res.json(shown);
  });
  r.delete('/requests', function clearRequests(_req, res) {
    ctx.journal.clear();
    res.status(204).end();
  });
}
