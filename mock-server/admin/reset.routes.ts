import { z } from 'zod';
import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';
import { parseAdminInput } from './admin-body.js';

const resetSchema = z.strictObject({ clientId: z.string().min(1).optional() });

/**
 * Resets state: every store collection (whatever surfaces keep there), the scenario queue, product keys,
 * its webhook deliveries, and for a full reset also the verified tokens, the journal, the sinks and the clock;
 * or only one client's.
 */
export async function resetState(ctx: AdminContext, input: unknown): Promise<{ reset: string }> {
  const { clientId } = parseAdminInput(resetSchema, input);
  if (clientId === undefined) {
    for (const collection of ctx.stores.collections()) await collection.clear();
    await ctx.scenarios.engine.queue.clear();
    ctx.clients.restoreProductKeys();
    ctx.verifier.forget();
    ctx.journal.clear();
    ctx.webhooks.clear();
    ctx.webhookSink.clear();
    ctx.clock.reset();
    return { reset: 'all' };
  }
  if (!(await ctx.clients.lookup(clientId))) throw new HttpError(404, 'not_found', `no client ${clientId}`);
  for (const collection of ctx.stores.collections()) await collection.clearOwner(clientId);
  await ctx.scenarios.engine.queue.clear(clientId);
  ctx.clients.restoreProductKeys(clientId);
  ctx.webhooks.clear(clientId);
  return { reset: clientId };
}

export function resetRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.post('/reset', async function reset(req, res) {
    res.json(await resetState(ctx, req.body));
  });
}
