import type { catalogRouter } from '../pipeline/route-catalog.js';
import { SURFACES } from '../surfaces/index.js';
import type { AdminResource } from '../surfaces/surface.js';
import type { AdminContext } from './admin-context.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** Every surface's resources of one client (or of all): sessions with their bindings, transactions, ... */
export function resourcesRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.get('/resources', async function listResources(req, res) {
    const clientId = typeof req.query.clientId === 'string' && req.query.clientId !== '' ? req.query.clientId : undefined;
    const asked = Number(req.query.limit ?? DEFAULT_LIMIT);
    const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_LIMIT) : DEFAULT_LIMIT;
    const bySurface: Record<string, AdminResource[]> = {};
    for (const surface of SURFACES) if (surface.resources) bySurface[surface.name] = await surface.resources(ctx, clientId, limit);
    res.json({ ...(clientId === undefined ? {} : { clientId }), surfaces: bySurface });
  });
}
