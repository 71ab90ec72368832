import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import { SURFACES } from '../surfaces/index.js';
import type { AdminResource } from '../surfaces/surface.js';
import type { AdminContext } from './admin-context.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * Deletes one resource by the kind and id the listing gives it, through the surface that holds it. An
 * unknown kind and an unknown id are one answer: the listing is where both are found.
 */
export async function deleteResource(ctx: AdminContext, kind: string, id: string): Promise<void> {
  for (const surface of SURFACES) if (surface.deleteResource && (await surface.deleteResource(ctx, kind, id))) return;
  throw new HttpError(404, 'not_found', "no such resource (GET /__admin/resources lists each surface's, by kind and id)");
}

/** Every surface's resources of one client (or of all): sessions with their bindings, transactions, ...; one of them deleted. */
export function resourcesRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.get('/resources', async function listResources(req, res) {
    const clientId = typeof req.query.clientId === 'string' && req.query.clientId !== '' ? req.query.clientId : undefined;
    const asked = Number(req.query.limit ?? DEFAULT_LIMIT);
    const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_LIMIT) : DEFAULT_LIMIT;
    const bySurface: Record<string, AdminResource[]> = {};
    for (const surface of SURFACES) if (surface.resources) bySurface[surface.name] = await surface.resources(ctx, clientId, limit);
    res.json({ ...(clientId === undefined ? {} : { clientId }), surfaces: bySurface });
  });
  r.delete('/resources/:kind/:id', async function deleteResourceRoute(req, res) {
    await deleteResource(ctx, String(req.params.kind), String(req.params.id));
    res.status(204).end();
  });
}
