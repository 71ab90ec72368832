import express, { type Request, type RequestHandler } from 'express';
import { principalOf } from '../../auth/gateway-guard.js';
import { publicBaseUrl } from '../../auth/realm-urls.js';
import { noteOf } from '../../pipeline/request-note.js';
import { catalogRouter, type RouteCatalog } from '../../pipeline/route-catalog.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import { faceapiDeviceInfo, faceapiHealthcheck } from './device-info.js';
import { livenessTransactionInfo } from './liveness-info.js';
import { faceError, type LivenessService } from './liveness.service.js';
import type { Clock } from '../../core/clock.js';

export interface FaceapiDeps {
  clock: Clock;
  guard: RequestHandler;
  jsonBody: RequestHandler;
  uploadBody: RequestHandler;
  liveness: LivenessService;
  publicUrl: string | undefined;
  /** Match and detect, added by the results module. */
  extraRoutes?: (r: ReturnType<typeof catalogRouter>) => void;
}

const queryId = (req: Request): string => {
  const id = req.query.transactionId;
  if (typeof id !== 'string' || id === '') throw faceError(400, 'transactionId is required.');
  return id;
};

const uploadedBytes = (req: Request): number => (Buffer.isBuffer(req.body) ? req.body.length : Number(req.get('content-length') ?? 0));

/** /mobilesdk/faceapi: Regula Face API behind the gateway. */
export function mountFaceapi(prefix: string, deps: FaceapiDeps, catalog: RouteCatalog) {
  const r = catalogRouter(prefix, catalog);
  r.router.use(deps.guard);
  const deviceInfo = faceapiDeviceInfo(deps.clock);
  const health = JSON.stringify(faceapiHealthcheck());
  const storage = (req: Request) => publicBaseUrl(req, deps.publicUrl);

  r.get('/api/ping', (_req, res) => {
    res.type('application/json').send(deviceInfo());
  });
  r.get('/api/healthz', (_req, res) => {
    res.type('application/json').send(health);
  });
  // Regula's own web client asks /api/readiness; the definitions call it /api/readyz.
  for (const path of ['/api/readyz', '/api/readiness']) {
    r.get(path, (_req, res) => {
      res.status(200).end();
    });
  }

  r.post('/api/v2/liveness/start', deps.jsonBody, async (req, res) => {
    const body = (req.body ?? {}) as { tag?: unknown; type?: unknown; metadata?: unknown };
    const t = await deps.liveness.start(principalOf(res).clientId, body, req.get(SCENARIO_HEADER), noteOf(res));
    res.json({ transactionId: t.id, tag: t.tag });
  });
  r.post('/api/v2/liveness', deps.uploadBody, async (req, res) => {
    const { transaction, verdict } = await deps.liveness.upload(principalOf(res).clientId, queryId(req), uploadedBytes(req), noteOf(res));
    res.json(livenessTransactionInfo(transaction, verdict, storage(req)));
  });
  r.get('/api/v2/liveness', async (req, res) => {
    const { transaction, verdict } = await deps.liveness.read(principalOf(res).clientId, queryId(req), noteOf(res));
    res.json(livenessTransactionInfo(transaction, verdict, storage(req)));
  });
  r.delete('/api/v2/liveness', async (req, res) => {
    const text = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
    const transactionId = text('transactionId');
    const tag = text('tag');
    await deps.liveness.delete(principalOf(res).clientId, { ...(transactionId ? { transactionId } : {}), ...(tag ? { tag } : {}) });
    res.status(204).end();
  });
  deps.extraRoutes?.(r);
  return r.router;
}

/** Raw bodies for the SDK uploads (encrypted; any content type). */
export const uploadParser = (limit: number): RequestHandler => express.raw({ type: () => true, limit });
