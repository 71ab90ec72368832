import type { RequestHandler } from 'express';
import { jsonBody } from '../pipeline/json-body.js';
import type { Replication } from '../replication/replicate.js';
import { catalogRouter, type RouteCatalog } from '../pipeline/route-catalog.js';
import { SURFACES } from '../surfaces/index.js';
import { adminAuth } from './admin-auth.js';
import type { AdminContext } from './admin-context.js';
import { clientsRoutes } from './clients.routes.js';
import { clockRoutes } from './clock.routes.js';
import { consoleRoutes } from './console/console.routes.js';
import { deviceRoutes } from './device.routes.js';
import { journalRoutes } from './journal.routes.js';
import { keysRoutes } from './keys.routes.js';
import { openapiRoutes } from './openapi.routes.js';
import { resetRoutes } from './reset.routes.js';
import { resourcesRoutes } from './resources.routes.js';
import { scenariosRoutes } from './scenarios.routes.js';
import { sessionsRoutes } from './sessions.routes.js';
import { tlsRoutes } from './tls.routes.js';
import { webhookSinkRoutes, webhooksRoutes } from './webhooks.routes.js';

/** How long an admin change waits to be on the shared store before it is answered anyway. */
const SHARED_WITHIN_MS = 3_000;

/**
 * A change the control plane reports is on the shared store already: the answer to a write waits for the
 * writes it started, so the next call, on any instance, sees it.
 */
function answerOnceShared(replication: Replication): RequestHandler {
  return function answerOnceShared(req, res, next) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        // With the store away the change holds here and is retried until shared; the answer says so.
        void replication.settled(SHARED_WITHIN_MS).then((shared) => {
          if (!shared) res.setHeader('x-mock-replication', 'pending');
          json(body);
        });
        return res;
      };
    }
    next();
  };
}

/** /__admin: the mock's own control plane. */
export function adminRouter(prefix: string, ctx: AdminContext, catalog: RouteCatalog) {
  const r = catalogRouter(prefix, catalog);
  r.router.use(
    adminAuth(ctx.config.host, ctx.config.admin.token, [
      ...ctx.config.admin.hosts,
      ...(ctx.config.publicUrl === undefined ? [] : [new URL(ctx.config.publicUrl).hostname]),
    ]),
  );
  webhookSinkRoutes(r, ctx);
  consoleRoutes(r, ctx, prefix);
  r.router.use(jsonBody(64 * 1024, ctx.config.limits.jsonDepth));
  r.router.use(answerOnceShared(ctx.replication));
  r.get('/health', function health(_req, res) {
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    const about = { instance: ctx.instanceId, store: ctx.shared ? 'redis' : 'memory', memory: { rss, heapUsed, heapTotal } };
    if (ctx.lifecycle.draining) res.status(503).json({ status: 'DRAINING', ...about });
    else res.json({ status: 'UP', ...about });
  });
  tlsRoutes(r, ctx);
  resourcesRoutes(r, ctx);
  scenariosRoutes(r, ctx);
  clockRoutes(r, ctx);
  keysRoutes(r, ctx);
  clientsRoutes(r, ctx);
  journalRoutes(r, ctx);
  resetRoutes(r, ctx);
  sessionsRoutes(r, ctx);
  deviceRoutes(r, ctx);
  webhooksRoutes(r, ctx);
  for (const surface of SURFACES) surface.controlPlane?.(r, ctx);
  openapiRoutes(r, ctx, prefix);
  return r.router;
}
