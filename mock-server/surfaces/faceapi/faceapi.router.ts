import type { Request, RequestHandler, Response } from 'express';
import { principalOf } from '../../auth/gateway-guard.js';
import { publicBaseUrl } from '../../pipeline/public-base-url.js';
import type { GatewaySchema } from '../../../openapi/gateway-schema.js';
import { noteOf } from '../../pipeline/request-note.js';
import { unmatchedHandler } from '../../pipeline/error-handler.js';
import { catalogRouter, type RouteCatalog } from '../../pipeline/route-catalog.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import { faceapiDeviceInfo, faceapiHealthcheck, LIVENESS_PORTRAIT_FILE, livenessPortraitPng, livenessSessionPath } from '../../../fixtures/faceapi/index.js';
import type { Clock } from '../../core/clock.js';
import type { View } from '../../scenario-engine/compile.js';
import type { FaceBody, FaceResults } from './face-results.js';
import { faceError, type LivenessService } from './liveness.service.js';

export interface FaceapiDeps {
  clock: Clock;
  guard: RequestHandler;
  jsonBody: RequestHandler;
  uploadBody: RequestHandler;
  liveness: LivenessService;
  results: FaceResults;
  publicUrl: string | undefined;
  /** Match and detect answer by a scenario chosen as for a new resource. */
  selectView: (clientId: string, header: string | undefined) => View;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function send(res: Response, rendered: FaceBody): void {
  res.status(rendered.status).type('application/json').send(rendered.body);
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
  const deviceInfo = faceapiDeviceInfo(() => deps.clock.now());
  const health = JSON.stringify(faceapiHealthcheck());
  // Regula's storage folder of a liveness session, served here behind the gateway like the transaction.
  const storage = (req: Request) => `${publicBaseUrl(req, deps.publicUrl)}${prefix}/storage`;

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
    const started: GatewaySchema<'LivenessStarted'> = { transactionId: t.id, tag: t.tag ?? '' };
    res.json(started);
  });
  r.post('/api/v2/liveness', deps.uploadBody, async (req, res) => {
    const { transaction, verdict } = await deps.liveness.upload(principalOf(res).clientId, queryId(req), uploadedBytes(req), noteOf(res));
    res.type('application/json').send(deps.results.liveness(transaction, verdict, storage(req)));
  });
  r.get('/api/v2/liveness', async (req, res) => {
    const { transaction, verdict } = await deps.liveness.read(principalOf(res).clientId, queryId(req), noteOf(res));
    res.type('application/json').send(deps.results.liveness(transaction, verdict, storage(req)));
  });
  // The selfie TransactionInfo.portrait links to: only for the caller who may read the transaction, and the
  // same 404 for an unknown one, someone else's, or a folder that is not the transaction's.
  r.get('/storage/faceapi-session/:year/:month/:day/:hour/:minute/:tag/:transactionId/:file', async (req, res) => {
    const p = req.params as Record<string, string>;
    const t = await deps.liveness.stored(principalOf(res).clientId, p.transactionId!);
    const folder = `${p.year}/${p.month}/${p.day}/${p.hour}/${p.minute}`;
    if (!t || p.file !== LIVENESS_PORTRAIT_FILE || p.tag !== t.tag || folder !== livenessSessionPath(t.createdAt)) {
      throw faceError(404, 'No such file in the storage of a liveness transaction.', 'NotFound');
    }
    res.type('image/png').send(livenessPortraitPng(t.id));
  });
  r.delete('/api/v2/liveness', async (req, res) => {
    const text = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
    const transactionId = text('transactionId');
    const tag = text('tag');
    await deps.liveness.delete(principalOf(res).clientId, { ...(transactionId ? { transactionId } : {}), ...(tag ? { tag } : {}) });
    res.status(204).end();
  });

  r.post('/api/match', deps.jsonBody, (req, res) => {
    const body: unknown = req.body;
    const images = isObject(body) ? body.images : undefined;
    if (!Array.isArray(images) || images.length < 2) throw faceError(400, 'At least two images are required (FACER_LESS_THAN_TWO_IMAGES_IN_REQUEST).');
    if (!images.every((i) => isObject(i) && typeof i.data === 'string' && i.data !== '')) throw faceError(400, 'Every image needs its data as base64.');
    const view = deps.selectView(principalOf(res).clientId, req.get(SCENARIO_HEADER));
    send(res, deps.results.match(view, 75, (images[1] as { data: string }).data.slice(0, 64)));
  });
  r.post('/api/detect', deps.jsonBody, (req, res) => {
    const body: unknown = req.body;
    if (!isObject(body) || typeof body.image !== 'string' || body.image === '') throw faceError(400, 'image is required, as base64.');
    const view = deps.selectView(principalOf(res).clientId, req.get(SCENARIO_HEADER));
    send(res, deps.results.detect(view, body.image.slice(0, 64)));
  });
  // Unknown paths under this surface are answered here, hinted from its own routes only.
  r.router.use(unmatchedHandler(r.own));
  return r.router;
}

