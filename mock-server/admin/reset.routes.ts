import { z } from 'zod';
import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';
import { adminBody } from './admin-body.js';

const resetSchema = z.strictObject({ clientId: z.string().min(1).optional() });

/** Resets state: everything (sessions, bindings, scenario bindings, queue, clock, journal, product keys) or one client's. */
export function resetRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.post('/reset', async (req, res) => {
    const { clientId } = adminBody(resetSchema, req);
    if (clientId === undefined) {
      await ctx.sessions.clear();
      await ctx.transactions.clear();
      await ctx.scenarios.engine.forget(() => true);
      ctx.scenarios.engine.queue.clear();
      ctx.clients.restoreProductKeys();
      ctx.verifier.forget();
      ctx.journal.clear();
      ctx.clock.reset();
      res.json({ reset: 'all' });
      return;
    }
    if (!ctx.clients.find(clientId)) throw new HttpError(404, 'not_found', `no client ${clientId}`);
    await ctx.sessions.clear(clientId);
    await ctx.transactions.clear(clientId);
    await ctx.scenarios.engine.forget((i) => i.clientId === clientId);
    ctx.scenarios.engine.queue.clear(clientId);
    ctx.clients.restoreProductKeys(clientId);
    res.json({ reset: clientId });
  });
}
