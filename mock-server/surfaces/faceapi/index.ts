import type { RequestHandler } from 'express';
import type { Clock } from '../../core/clock.js';
import { catalogRouter, type RouteCatalog } from '../../pipeline/route-catalog.js';
import { faceapiDeviceInfo } from './device-info.js';

export interface FaceapiDeps {
  clock: Clock;
  guard: RequestHandler;
  jsonBody: RequestHandler;
}

/** /mobilesdk/faceapi: Regula Face API behind the gateway. */
export function mountFaceapi(prefix: string, deps: FaceapiDeps, catalog: RouteCatalog) {
  const r = catalogRouter(prefix, catalog);
  r.router.use(deps.guard, deps.jsonBody);
  const deviceInfo = faceapiDeviceInfo(deps.clock);
  r.get('/api/ping', (_req, res) => {
    res.type('application/json').send(deviceInfo());
  });
  return r.router;
}
