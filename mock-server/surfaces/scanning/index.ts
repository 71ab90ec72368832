import type { Router } from 'express';
import { SCAN_VARIANTS } from '../../../fixtures/scanning/index.js';
import { zignsecEnvelope } from '../../core/envelopes.js';
import type { Deps } from '../../deps.js';
import { catalogRouter } from '../../pipeline/route-catalog.js';
import type { AdminResource, MountContext, Surface } from '../surface.js';
import { apiFlowRoutes } from './api-flow.routes.js';
import { scanningPagesRoutes } from './pages/pages.routes.js';
import { SCANNING_NAME, SCANNING_PREFIX, scanningParts } from './scanning.parts.js';
import { finishScanning, scanningApiRoutes } from './scanning.router.js';
import { checkScanWebhook } from './scanning.webhook-check.js';

function mountScanning(deps: Deps, ctx: MountContext): Router {
  const r = catalogRouter(ctx.prefix, ctx.catalog);
  const parts = scanningParts(deps);
  scanningApiRoutes(deps, ctx, r, parts);
  apiFlowRoutes(deps, ctx, r, parts);
  scanningPagesRoutes(deps, r, parts);
  return finishScanning(ctx, r);
}

/** ZignSec scanning v3: document and liveness sessions, their hosted web flow, results and webhooks. */
export const scanning: Surface = {
  name: SCANNING_NAME,
  defaultPrefix: SCANNING_PREFIX,
  definition: 'scanning',
  envelope: zignsecEnvelope,
  outcomes: SCAN_VARIANTS,
  mount: mountScanning,
  checkWebhookSignature: checkScanWebhook,
  async resources(deps, clientId, limit): Promise<AdminResource[]> {
    return (await scanningParts(deps).service.list(clientId, limit)).map((s) => ({
      kind: 'scan',
      id: s.id,
      clientId: s.owner,
      createdAt: new Date(s.createdAt).toISOString(),
      flow: s.flow,
      ...(s.relayState === undefined ? {} : { relayState: s.relayState }),
      ...(s.scenario === undefined ? {} : { scenario: s.scenario }),
      status: s.end ? s.end.outcome : 'pending',
    }));
  },
  async deleteResource(deps, kind, id): Promise<boolean> {
    if (kind !== 'scan') return false;
    const { service, otps, flows } = scanningParts(deps);
    if (!(await service.delete(id))) return false;
    // Its links and flow tokens would open nothing now; they go rather than wait out their time.
    await otps.revoke(id);
    await flows.revoke(id);
    return true;
  },
};
