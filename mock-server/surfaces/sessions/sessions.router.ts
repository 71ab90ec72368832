import type { RequestHandler, Router } from 'express';
import { principalOf } from '../../auth/gateway-guard.js';
import { problemEnvelope } from '../../core/envelopes.js';
import type { Deps } from '../../deps.js';
import type { TransactionKind } from '../../store/entities.js';
import type { GatewaySchema } from '../../../openapi/gateway-schema.js';
import { noteOf } from '../../pipeline/request-note.js';
import { catalogRouter } from '../../pipeline/route-catalog.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import type { MountContext } from '../surface.js';

/** /mobilesdk/sessions: create a session, bind liveness and document transactions to it. */
export function mountSessions(deps: Deps, ctx: MountContext): Router {
  const r = catalogRouter(ctx.prefix, ctx.catalog);
  r.router.use(ctx.gatewayGuard, ctx.jsonBody);

  r.post('/', async function createSession(req, res) {
    const { clientId } = principalOf(res);
    const client = await deps.clients.lookup(clientId);
    if (!client) throw new Error(`token client ${clientId} is not registered`);
    const session = await deps.sessions.create(client, req.get(SCENARIO_HEADER), noteOf(res));
    const body: GatewaySchema<'Session'> = { id: session.id, clientId: session.clientId, clientIdLong: session.clientIdLong, uniqueId: session.uniqueId };
    res.json(body);
  });

  const bind = (kind: TransactionKind): RequestHandler<{ sessionId: string; transactionId: string }> =>
    async function bindTransaction(req, res) {
      await deps.sessions.bind(principalOf(res).clientId, req.params.sessionId, kind, req.params.transactionId, noteOf(res));
      res.status(204).end();
    };
  r.post('/:sessionId/liveness/transactions/:transactionId', bind('liveness') as RequestHandler);
  r.post('/:sessionId/transactions/:transactionId', bind('document') as RequestHandler);
  ctx.finish(r.router, r.own, problemEnvelope);
  return r.router;
}
