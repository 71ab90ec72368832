import type { Request, RequestHandler, Response, Router } from 'express';
import type { components } from '../../../openapi/scanning.types.js';
import { zignsecEnvelope } from '../../core/envelopes.js';
import type { Deps } from '../../deps.js';
import { noteOf } from '../../pipeline/request-note.js';
import { catalogRouter } from '../../pipeline/route-catalog.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import type { MountContext } from '../surface.js';
import { livenessRequest, scanningRequest, type CreateChecks } from './create-request.js';
import type { ScanFlow } from './scan.js';
import { callerOf, scanningGuard } from './scanning.guard.js';
import type { ScanningService } from './scanning.service.js';
import type { ScanLinks } from './scan-links.js';
import type { PagesParts } from './pages/pages.routes.js';

type CreatedSession = components['schemas']['CreatedSession'];

/** The parts of the surface the routers share, built once in its mount. */
export interface ScanningParts extends PagesParts {
  service: ScanningService;
  links: ScanLinks;
  checks: CreateChecks;
  /** Where the hosted pages are, as the request reached us. */
  pagesBase(req: Request): string;
}

/** /v3/scanning: create document and liveness sessions, read their results. */
export function scanningApiRoutes(deps: Deps, ctx: MountContext, r: ReturnType<typeof catalogRouter>, parts: ScanningParts): void {
  const guard = scanningGuard(deps.clients, deps.config.scanning);
  const { service, links } = parts;

  const create = (flow: Exclude<ScanFlow, 'api'>): RequestHandler =>
    async function createSession(req: Request, res: Response) {
      const request = flow === 'liveness' ? livenessRequest(req.body, parts.checks) : scanningRequest(req.body, parts.checks);
      const caller = callerOf(res);
      const scan = await service.create(caller, flow, request, req.get(SCENARIO_HEADER), noteOf(res));
      const otp = await links.issue(scan, 'desktop');
      const path = flow === 'liveness' ? `${scan.id}/liveness` : scan.id;
      const body: CreatedSession = { id: scan.id, errors: [], redirect_url: `${parts.pagesBase(req)}/${path}?otp=${otp}` };
      res.json(body);
    };
  r.post('/scanning', guard, ctx.jsonBody, create('document'));
  r.post('/scanning/liveness', guard, ctx.jsonBody, create('liveness'));

  const result: RequestHandler<{ id: string }> = async function scanningResult(req, res) {
    const scan = await service.owned(callerOf(res).clientId, req.params.id);
    res.json(await service.read(scan, noteOf(res)));
  };
  for (const path of ['/scanning/:id', '/scanning/:id/result', '/scanning/liveness/:id', '/scanning/liveness/:id/result']) {
    r.get(path, guard, result as RequestHandler);
  }
}

/** The whole surface: the API, the API flow and the hosted pages, under one prefix. */
export function finishScanning(ctx: MountContext, r: ReturnType<typeof catalogRouter>): Router {
  ctx.finish(r.router, r.own, zignsecEnvelope);
  return r.router;
}
