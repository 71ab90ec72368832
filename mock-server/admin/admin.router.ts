import { catalogRouter, type RouteCatalog } from '../pipeline/route-catalog.js';

export interface AdminDeps {
  lifecycle: { draining: boolean };
}

/** /__admin: the mock's own control plane. */
export function adminRouter(prefix: string, deps: AdminDeps, catalog: RouteCatalog) {
  const r = catalogRouter(prefix, catalog);
  r.get('/health', (_req, res) => {
    if (deps.lifecycle.draining) res.status(503).json({ status: 'DRAINING' });
    else res.json({ status: 'UP' });
  });
  return r.router;
}
