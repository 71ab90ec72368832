import type { RequestHandler } from 'express';
import { principalOf } from '../../auth/gateway-guard.js';
import type { ClientRegistry } from '../../auth/client-registry.js';
import type { TransactionKind } from '../../store/entities.js';
import type { GatewaySchema } from '../../../openapi/gateway-schema.js';
import { noteOf } from '../../pipeline/request-note.js';
import { unmatchedHandler } from '../../pipeline/error-handler.js';
import { catalogRouter, type RouteCatalog } from '../../pipeline/route-catalog.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import type { SessionsService } from './sessions.service.js';

export interface SessionsRouterDeps {
  service: SessionsService;
  clients: ClientRegistry;
  guard: RequestHandler;
  jsonBody: RequestHandler;
}

/** /mobilesdk/sessions: create a session, bind liveness and document transactions to it. */
export function sessionsRouter(prefix: string, deps: SessionsRouterDeps, catalog: RouteCatalog) {
  const r = catalogRouter(prefix, catalog);
  r.router.use(deps.guard, deps.jsonBody);

  r.post('/', async (req, res) => {
    const { clientId } = principalOf(res);
    const client = deps.clients.find(clientId);
    if (!client) throw new Error(`token client ${clientId} is not registered`);
    const session = await deps.service.create(client, req.get(SCENARIO_HEADER), noteOf(res));
    const body: GatewaySchema<'Session'> = { id: session.id, clientId: session.clientId, clientIdLong: session.clientIdLong, uniqueId: session.uniqueId };
    res.json(body);
  });

  const bind =
    (kind: TransactionKind): RequestHandler<{ sessionId: string; transactionId: string }> =>
    async (req, res) => {
      await deps.service.bind(principalOf(res).clientId, req.params.sessionId, kind, req.params.transactionId, noteOf(res));
      res.status(204).end();
    };
  r.post('/:sessionId/liveness/transactions/:transactionId', bind('liveness') as RequestHandler);
  r.post('/:sessionId/transactions/:transactionId', bind('document') as RequestHandler);
  // Unknown paths under this surface are answered here, hinted from its own routes only.
  r.router.use(unmatchedHandler(r.own));
  return r.router;
}
