import { z } from 'zod';
import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';
import { adminBody } from './admin-body.js';

const deviceSchema = z.strictObject({
  sessionId: z.string().min(1),
  scenario: z.string().min(1).optional(),
  liveness: z.enum(['passive', 'active']).default('passive'),
  /** One id for both transactions (ids are per kind), so a pact's single `${transactionId}` binds as either. */
  transactionId: z.uuid().optional(),
});

const PACKAGE_BYTES = 16 * 1024;
const SELFIE_BYTES = 4 * 1024;

/**
 * Plays the phone for a session, as its owner: a liveness transaction and a document package through the
 * same services the SDK endpoints use, both tagged with the session. The backend then binds and reprocesses.
 */
export function deviceRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.post('/device', async function playDevice(req, res) {
    const body = adminBody(deviceSchema, req);
    const session = await ctx.sessions.find(body.sessionId);
    if (!session) throw new HttpError(404, 'not_found', `no session ${body.sessionId}`);
    const id = body.transactionId?.toLowerCase();
    if (id !== undefined && ((await ctx.transactions.get('liveness', id)) || (await ctx.transactions.get('document', id)))) {
      throw new HttpError(409, 'conflict', `transaction ${id} exists already`);
    }
    const liveness = await ctx.liveness.start(session.owner, { tag: session.id, type: body.liveness }, body.scenario, undefined, id);
    const { verdict } = await ctx.liveness.upload(session.owner, liveness.id, SELFIE_BYTES);
    const document = await ctx.docreader.start(session.owner, session.id, body.scenario, undefined, id);
    await ctx.docreader.upload(session.owner, document.id, PACKAGE_BYTES);
    res.status(201).json({
      sessionId: session.id,
      clientId: session.owner,
      livenessTransactionId: liveness.id,
      livenessOnDevice: verdict.outcome,
      documentTransactionId: document.id,
    });
  });
}
