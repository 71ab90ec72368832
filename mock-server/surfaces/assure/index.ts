import type { Router } from 'express';
import { ASSURE_VARIANTS } from '../../../fixtures/assure/index.js';
import type { Deps } from '../../deps.js';
import { catalogRouter } from '../../pipeline/route-catalog.js';
import type { AdminResource, MountContext, Surface } from '../surface.js';
import { assureAdminRoutes } from './assure.admin.js';
import { deleteAssureResource } from './assure.delete.js';
import { assureEnvelope } from './assure.errors.js';
import { ASSURE_NAME, ASSURE_PREFIX, assureParts, CAPTURE_NAME, CAPTURE_PREFIX } from './assure.parts.js';
import { assureRoutes } from './assure.router.js';
import { capturePagesRoutes } from './capture/capture.routes.js';
import { checkEventsWebhook } from './assure.webhook-check.js';

function mountAssure(deps: Deps, ctx: MountContext): Router {
  const r = catalogRouter(ctx.prefix, ctx.catalog);
  assureRoutes(deps, ctx, r, assureParts(deps));
  ctx.finish(r.router, r.own, assureEnvelope);
  return r.router;
}

function mountCapture(deps: Deps, ctx: MountContext): Router {
  const r = catalogRouter(ctx.prefix, ctx.catalog);
  capturePagesRoutes(deps, r, assureParts(deps));
  ctx.finish(r.router, r.own, assureEnvelope);
  return r.router;
}

/** Signicat Assure: dossiers, processes for eid and PictureID, their images, results, media and events. */
export const assure: Surface = {
  name: ASSURE_NAME,
  defaultPrefix: ASSURE_PREFIX,
  definition: 'assure',
  envelope: assureEnvelope,
  outcomes: ASSURE_VARIANTS,
  mount: mountAssure,
  controlPlane: assureAdminRoutes,
  checkWebhookSignature: checkEventsWebhook,
  async resources(deps, clientId, limit): Promise<AdminResource[]> {
    const { service } = assureParts(deps);
    const dossiers = await service.listDossiers(clientId, limit);
    const out: AdminResource[] = [];
    for (const d of dossiers) {
      out.push({ kind: 'dossier', id: d.id, clientId: d.owner, createdAt: new Date(d.createdAt).toISOString(), processes: d.processIds.length });
      for (const p of await service.processesOf(d)) {
        out.push({
          kind: 'process',
          id: p.id,
          clientId: p.owner,
          createdAt: new Date(p.createdAt).toISOString(),
          dossierId: d.id,
          provider: p.provider,
          processType: p.processType,
          status: service.status(p),
          ...(p.scenario === undefined ? {} : { scenario: p.scenario }),
        });
      }
    }
    return out.slice(0, limit);
  },
  deleteResource: deleteAssureResource,
};

/** Assure's hosted capture pages, at the host's root as Signicat serves them (`/capture/#/artifact=…`). */
export const assureCapture: Surface = {
  name: CAPTURE_NAME,
  defaultPrefix: CAPTURE_PREFIX,
  definition: 'assure',
  envelope: assureEnvelope,
  mount: mountCapture,
};
