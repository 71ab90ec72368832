import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';

/**
 * Whether a session exists and whose it is: the device simulator asks before it plays the phone, since
 * the SDK endpoints take any tag and an unknown session would only show up at bind time.
 */
export function sessionsRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.get('/sessions/:sessionId', async function sessionExists(req, res) {
    const id = String(req.params.sessionId);
    const session = await ctx.sessions.find(id);
    if (!session) throw new HttpError(404, 'not_found', `no session ${id}`);
    res.json({
      id: session.id,
      clientId: session.owner,
      createdAt: new Date(session.createdAt).toISOString(),
      ...(session.scenario === undefined ? {} : { scenario: session.scenario }),
    });
  });
}
