import type { Request, Response, Router } from 'express';
import { principalOf } from '../../auth/gateway-guard.js';
import { regulaEnvelope } from '../../core/envelopes.js';
import type { Deps } from '../../deps.js';
import type { GatewaySchema } from '../../../openapi/gateway-schema.js';
import { publicBaseUrl } from '../../pipeline/public-base-url.js';
import { noteOf } from '../../pipeline/request-note.js';
import { sendJsonChunks } from '../../pipeline/send-chunks.js';
import { catalogRouter } from '../../pipeline/route-catalog.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import type { ProcessedRecord } from '../../store/entities.js';
import { docreaderDeviceInfo, docreaderHealthcheck } from '../../../fixtures/docreader/index.js';
import type { MountContext } from '../surface.js';
import { fileNotFound, regulaError } from './docreader.errors.js';
import { parseProcessRequest } from './process-request.js';
import { docreaderResults } from './results.js';
import type { RenderedBody, ResultContext } from './results.port.js';

const flag = (value: unknown): boolean => value === 'true' || value === '1';

function send(res: Response, rendered: RenderedBody): void {
  if (rendered.diagnostic) res.set('X-Mock-Diagnostic', rendered.diagnostic);
  sendJsonChunks(res, rendered.status, rendered.body);
}

interface ContextOptions {
  /** Absent for direct processing, which has no transaction. */
  id?: string;
  tag?: string | undefined;
  withImages: boolean;
  /** A reprocess answer carries `transactionId` and `tag` at its top. */
  reprocess?: boolean;
}

/** /mobilesdk/docreader: Regula Document Reader Web API behind the gateway. */
export function mountDocreader(deps: Deps, ctx: MountContext): Router {
  const { prefix } = ctx;
  const r = catalogRouter(prefix, ctx.catalog);
  r.router.use(ctx.gatewayGuard);
  const service = deps.docreader;
  const results = docreaderResults();
  const deviceInfo = docreaderDeviceInfo(() => deps.clock.now());
  const health = JSON.stringify(docreaderHealthcheck());
  const caller = (res: Response) => principalOf(res).clientId;
  const context = (req: Request, record: ProcessedRecord, { id, tag, withImages, reprocess = false }: ContextOptions): ResultContext => {
    const built: ResultContext = {
      withImages,
      // Only results with image URLs and file listings read it; the Host check is not free on every reprocess.
      get transactionUrl() {
        return `${publicBaseUrl(req, deps.config.publicUrl)}${prefix}/api/v2/transaction/${id ?? 'none'}`;
      },
      seed: id ?? `${record.at}`,
      now: deps.clock.now(),
      reprocess,
    };
    if (id !== undefined) built.transactionId = id;
    if (tag !== undefined) built.tag = tag;
    return built;
  };

  r.get('/api/ping', function ping(_req, res) {
    res.type('application/json').send(deviceInfo());
  });
  r.get('/api/healthz', function healthz(_req, res) {
    res.type('application/json').send(health);
  });
  r.get('/api/readyz', function readyz(_req, res) {
    res.status(200).end();
  });

  // The SDK's own calls: create the backend transaction, then upload the encrypted package.
  r.post('/api/v2/transaction/start', ctx.largeJsonBody, async function startTransaction(req, res) {
    const body = req.body as { tag?: unknown } | undefined;
    const tag = typeof body?.tag === 'string' ? body.tag : undefined;
    const t = await service.start(caller(res), tag, req.get(SCENARIO_HEADER), noteOf(res));
    const started: GatewaySchema<'TransactionStarted'> = { transactionId: t.id };
    res.json(started);
  });
  r.post('/api/v2/transaction/:id', ctx.uploadBody, async function uploadPackage(req, res) {
    const bytes = Buffer.isBuffer(req.body) ? req.body.length : Number(req.get('content-length') ?? 0);
    const t = await service.upload(caller(res), String(req.params.id), bytes, noteOf(res));
    const uploaded: GatewaySchema<'TransactionStarted'> = { transactionId: t.id };
    res.json(uploaded);
  });

  // The backend's calls.
  r.post('/api/v2/transaction/:id/process', ctx.largeJsonBody, async function reprocess(req, res) {
    const id = String(req.params.id);
    const input = parseProcessRequest(req.body);
    const { record, transaction } = await service.reprocess(caller(res), id, { ...input, useCache: flag(req.query.useCache) }, noteOf(res));
    send(res, results.processResponse(record, context(req, record, { id, tag: transaction.tag, withImages: true, reprocess: true })));
  });
  r.get('/api/v2/transaction/:id', async function transactionInfo(req, res) {
    const id = String(req.params.id);
    const { record, transaction } = await service.processed(caller(res), id, noteOf(res));
    res.json(results.transactionInfo(record, context(req, record, { id, tag: transaction.tag, withImages: false })));
  });
  r.get('/api/v2/transaction/:id/results', async function transactionResults(req, res) {
    const id = String(req.params.id);
    const { record, transaction } = await service.processed(caller(res), id, noteOf(res));
    const withImages = req.query.withImages === undefined || flag(req.query.withImages);
    send(res, results.processResponse(record, context(req, record, { id, tag: transaction.tag, withImages })));
  });
  r.get('/api/v2/transaction/:id/file', async function transactionFile(req, res) {
    const id = String(req.params.id);
    const name = typeof req.query.name === 'string' ? req.query.name : undefined;
    if (!name) throw regulaError(400, 'name is required.');
    const { record, transaction } = await service.processed(caller(res), id);
    const file = results.file(record, context(req, record, { id, tag: transaction.tag, withImages: false }), name);
    if (!file) throw fileNotFound(name);
    res.type('image/png').send(file);
  });
  r.get('/api/v2/tag/:tagId/transactions', async function taggedTransactions(req, res) {
    const items = (await service.tagged(caller(res), String(req.params.tagId))).map((t) => ({
      id: t.id,
      state: t.processed ? 2 : t.uploaded ? 1 : 0,
      updatedAt: new Date(t.updatedAt).toISOString(),
    }));
    res.json({ items, metadata: {} });
  });
  r.delete('/api/v2/tag/:tagId', async function deleteTag(req, res) {
    await service.deleteTagged(caller(res), String(req.params.tagId));
    res.status(204).end();
  });

  // Direct processing of images sent in the request; the outcome comes from a scenario as for a new resource.
  r.post('/api/process', ctx.largeJsonBody, async function processDirect(req, res) {
    const record = await service.processDirect(caller(res), parseProcessRequest(req.body), req.get(SCENARIO_HEADER));
    send(res, results.processResponse(record, context(req, record, { withImages: true })));
  });
  ctx.finish(r.router, r.own, regulaEnvelope);
  return r.router;
}
