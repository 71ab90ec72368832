import type { Request, Response, Router } from 'express';
import { principalOf } from '../../auth/gateway-guard.js';
import { regulaEnvelope } from '../../core/envelopes.js';
import type { Deps } from '../../deps.js';
import type { GatewaySchema } from '../../../openapi/gateway-schema.js';
import { publicBaseUrl } from '../../pipeline/public-base-url.js';
import { noteOf } from '../../pipeline/request-note.js';
import { catalogRouter } from '../../pipeline/route-catalog.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import { faceapiDeviceInfo, faceapiHealthcheck, LIVENESS_PORTRAIT_FILE, livenessPortraitPng, livenessSessionPath } from '../../../fixtures/faceapi/index.js';
import type { MountContext } from '../surface.js';
import { storageFileNotFound, transactionIdRequired } from './faceapi.errors.js';
import { FaceMatchService } from './face-match.service.js';
import { faceResults, type FaceBody } from './face-results.js';

function send(res: Response, rendered: FaceBody): void {
  res.status(rendered.status).type('application/json').send(rendered.body);
}

const queryId = (req: Request): string => {
  const id = req.query.transactionId;
  if (typeof id !== 'string' || id === '') throw transactionIdRequired();
  return id;
};

const uploadedBytes = (req: Request): number => (Buffer.isBuffer(req.body) ? req.body.length : Number(req.get('content-length') ?? 0));

/** /mobilesdk/faceapi: Regula Face API behind the gateway. */
export function mountFaceapi(deps: Deps, ctx: MountContext): Router {
  const { prefix } = ctx;
  const r = catalogRouter(prefix, ctx.catalog);
  r.router.use(ctx.gatewayGuard);
  const results = faceResults();
  const matching = new FaceMatchService(deps.scenarios, results);
  const deviceInfo = faceapiDeviceInfo(() => deps.clock.now());
  const health = JSON.stringify(faceapiHealthcheck());
  // Regula's storage folder of a liveness session, served here behind the gateway like the transaction.
  const storage = (req: Request) => `${publicBaseUrl(req, deps.config.publicUrl)}${prefix}/storage`;

  r.get('/api/ping', function ping(_req, res) {
    res.type('application/json').send(deviceInfo());
  });
  r.get('/api/healthz', function healthz(_req, res) {
    res.type('application/json').send(health);
  });
  // Regula's own web client asks /api/readiness; the definitions call it /api/readyz.
  for (const path of ['/api/readyz', '/api/readiness']) {
    r.get(path, function readyz(_req, res) {
      res.status(200).end();
    });
  }

  r.post('/api/v2/liveness/start', ctx.largeJsonBody, async function startLiveness(req, res) {
    const body = (req.body ?? {}) as { tag?: unknown; type?: unknown; metadata?: unknown };
    const t = await deps.liveness.start(principalOf(res).clientId, body, req.get(SCENARIO_HEADER), noteOf(res));
    const started: GatewaySchema<'LivenessStarted'> = { transactionId: t.id, tag: t.tag ?? '' };
    res.json(started);
  });
  r.post('/api/v2/liveness', ctx.uploadBody, async function uploadLiveness(req, res) {
    const { transaction, verdict } = await deps.liveness.upload(principalOf(res).clientId, queryId(req), uploadedBytes(req), noteOf(res));
    res.type('application/json').send(results.liveness(transaction, verdict, storage(req)));
  });
  r.get('/api/v2/liveness', async function readLiveness(req, res) {
    const { transaction, verdict } = await deps.liveness.read(principalOf(res).clientId, queryId(req), noteOf(res));
    res.type('application/json').send(results.liveness(transaction, verdict, storage(req)));
  });
  // The selfie TransactionInfo.portrait links to: only for the caller who may read the transaction, and the
  // same 404 for an unknown one, someone else's, or a folder that is not the transaction's.
  r.get('/storage/faceapi-session/:year/:month/:day/:hour/:minute/:tag/:transactionId/:file', async function storedFile(req, res) {
    const p = req.params as Record<string, string>;
    const t = await deps.liveness.stored(principalOf(res).clientId, p.transactionId!);
    const folder = `${p.year}/${p.month}/${p.day}/${p.hour}/${p.minute}`;
    if (!t || p.file !== LIVENESS_PORTRAIT_FILE || p.tag !== t.tag || folder !== livenessSessionPath(t.createdAt)) {
      throw storageFileNotFound();
    }
    res.type('image/png').send(livenessPortraitPng(t.id));
  });
  r.delete('/api/v2/liveness', async function deleteLiveness(req, res) {
    const text = (name: string) => (typeof req.query[name] === 'string' ? req.query[name] : undefined);
    const transactionId = text('transactionId');
    const tag = text('tag');
    await deps.liveness.delete(principalOf(res).clientId, { ...(transactionId ? { transactionId } : {}), ...(tag ? { tag } : {}) });
    res.status(204).end();
  });

  r.post('/api/match', ctx.largeJsonBody, async function match(req, res) {
    send(res, await matching.match(principalOf(res).clientId, req.body, req.get(SCENARIO_HEADER)));
  });
  r.post('/api/detect', ctx.largeJsonBody, async function detect(req, res) {
    send(res, await matching.detect(principalOf(res).clientId, req.body, req.get(SCENARIO_HEADER)));
  });
  ctx.finish(r.router, r.own, regulaEnvelope);
  return r.router;
}
