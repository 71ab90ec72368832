import type { RequestHandler } from 'express';
import type { Clock } from '../../core/clock.js';
import { catalogRouter, type RouteCatalog } from '../../pipeline/route-catalog.js';
import { docreaderDeviceInfo } from './device-info.js';

export interface DocreaderDeps {
  clock: Clock;
  guard: RequestHandler;
  jsonBody: RequestHandler;
}

/** /mobilesdk/docreader: Regula Document Reader Web API behind the gateway. */
export function mountDocreader(prefix: string, deps: DocreaderDeps, catalog: RouteCatalog) {
  const r = catalogRouter(prefix, catalog);
  r.router.use(deps.guard, deps.jsonBody);
  const deviceInfo = docreaderDeviceInfo(deps.clock);
  r.get('/api/ping', (_req, res) => {
    res.type('application/json').send(deviceInfo());
  });
  return r.router;
}
