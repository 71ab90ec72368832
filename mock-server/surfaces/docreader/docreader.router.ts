import type { Request, RequestHandler, Response } from 'express';
import { principalOf } from '../../auth/gateway-guard.js';
import { publicBaseUrl } from '../../pipeline/public-base-url.js';
import type { Clock } from '../../core/clock.js';
import type { GatewaySchema } from '../../../openapi/gateway-schema.js';
import { noteOf } from '../../pipeline/request-note.js';
import { sendJsonChunks } from '../../pipeline/send-chunks.js';
import { unmatchedHandler } from '../../pipeline/error-handler.js';
import { catalogRouter, type RouteCatalog } from '../../pipeline/route-catalog.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import type { ProcessedRecord } from '../../store/entities.js';
import { docreaderDeviceInfo, docreaderHealthcheck } from '../../../fixtures/docreader/index.js';
import { fileNotFound, regulaError } from './docreader.errors.js';
import type { DocreaderService } from './docreader.service.js';
import { parseProcessRequest } from './process-request.js';
import type { DocreaderResults, RenderedBody, ResultContext } from './results.port.js';

export interface DocreaderDeps {
  clock: Clock;
  guard: RequestHandler;
  jsonBody: RequestHandler;
  uploadBody: RequestHandler;
  service: DocreaderService;
  results: DocreaderResults;
  publicUrl: string | undefined;
  /** Direct processing (`/api/process`) picks its outcome like a creating request. */
  selectOutcome: (clientId: string, header: string | undefined) => { scenario: string; outcome: string; variant: string };
}

const flag = (value: unknown): boolean => value === 'true' || value === '1';

function send(res: Response, rendered: RenderedBody): void {
  if (rendered.diagnostic) res.set('X-Mock-Diagnostic', rendered.diagnostic);
  sendJsonChunks(res, rendered.status, rendered.body);
}

/** /mobilesdk/docreader: Regula Document Reader Web API behind the gateway. */
export function mountDocreader(prefix: string, deps: DocreaderDeps, catalog: RouteCatalog) {
  const r = catalogRouter(prefix, catalog);
  r.router.use(deps.guard);
  const deviceInfo = docreaderDeviceInfo(() => deps.clock.now());
  const health = JSON.stringify(docreaderHealthcheck());
  const caller = (res: Response) => principalOf(res).clientId;
  const context = (req: Request, id: string | undefined, record: ProcessedRecord, withImages: boolean, tag?: string, reprocess = false): ResultContext => {
    const built: ResultContext = {
      withImages,
      // Only results with image URLs and file listings read it; the Host check is not free on every reprocess.
      get transactionUrl() {
        return `${publicBaseUrl(req, deps.publicUrl)}${prefix}/api/v2/transaction/${id ?? 'none'}`;
      },
      seed: id ?? `${record.at}`,
      now: deps.clock.now(),
      reprocess,
    };
    if (id !== undefined) built.transactionId = id;
    if (tag !== undefined) built.tag = tag;
    return built;
  };

  r.get('/api/ping', (_req, res) => {
    res.type('application/json').send(deviceInfo());
  });
  r.get('/api/healthz', (_req, res) => {
    res.type('application/json').send(health);
  });
  r.get('/api/readyz', (_req, res) => {
    res.status(200).end();
  });

  // The SDK's own calls: create the backend transaction, then upload the encrypted package.
  r.post('/api/v2/transaction/start', deps.jsonBody, async (req, res) => {
    const tag = typeof req.body?.tag === 'string' ? (req.body.tag as string) : undefined;
    const t = await deps.service.start(caller(res), tag, req.get(SCENARIO_HEADER), noteOf(res));
    const started: GatewaySchema<'TransactionStarted'> = { transactionId: t.id };
    res.json(started);
  });
  r.post('/api/v2/transaction/:id', deps.uploadBody, async (req, res) => {
    const bytes = Buffer.isBuffer(req.body) ? req.body.length : Number(req.get('content-length') ?? 0);
    const t = await deps.service.upload(caller(res), String(req.params.id), bytes, noteOf(res));
    const uploaded: GatewaySchema<'TransactionStarted'> = { transactionId: t.id };
    res.json(uploaded);
  });

  // The backend's calls.
  r.post('/api/v2/transaction/:id/process', deps.jsonBody, async (req, res) => {
    const id = String(req.params.id);
    const input = parseProcessRequest(req.body);
    const { record, transaction } = await deps.service.reprocess(caller(res), id, { ...input, useCache: flag(req.query.useCache) }, noteOf(res));
    send(res, deps.results.processResponse(record, context(req, id, record, true, transaction.tag, true)));
  });
  r.get('/api/v2/transaction/:id', async (req, res) => {
    const id = String(req.params.id);
    const { record, transaction } = await deps.service.processed(caller(res), id, noteOf(res));
    res.json(deps.results.transactionInfo(record, context(req, id, record, false, transaction.tag)));
  });
  r.get('/api/v2/transaction/:id/results', async (req, res) => {
    const id = String(req.params.id);
    const { record, transaction } = await deps.service.processed(caller(res), id, noteOf(res));
    const withImages = req.query.withImages === undefined || flag(req.query.withImages);
    send(res, deps.results.processResponse(record, context(req, id, record, withImages, transaction.tag)));
  });
  r.get('/api/v2/transaction/:id/file', async (req, res) => {
    const id = String(req.params.id);
    const name = typeof req.query.name === 'string' ? req.query.name : undefined;
    if (!name) throw regulaError(400, 'name is required.');
    const { record, transaction } = await deps.service.processed(caller(res), id);
    const file = deps.results.file(record, context(req, id, record, false, transaction.tag), name);
    if (!file) throw fileNotFound(name);
    res.type('image/png').send(file);
  });
  r.get('/api/v2/tag/:tagId/transactions', async (req, res) => {
    const items = (await deps.service.tagged(caller(res), String(req.params.tagId))).map((t) => ({
      id: t.id,
      state: t.processed ? 2 : t.uploaded ? 1 : 0,
      updatedAt: new Date(t.updatedAt).toISOString(),
    }));
    res.json({ items, metadata: {} });
  });
  r.delete('/api/v2/tag/:tagId', async (req, res) => {
    await deps.service.deleteTagged(caller(res), String(req.params.tagId));
    res.status(204).end();
  });

  // Direct processing of images sent in the request; the outcome comes from a scenario as for a new resource.
  r.post('/api/process', deps.jsonBody, async (req, res) => {
    const input = parseProcessRequest(req.body);
    const chosen = deps.selectOutcome(caller(res), req.get(SCENARIO_HEADER));
    const record: ProcessedRecord = { at: deps.clock.now(), ...chosen, ...input };
    send(res, deps.results.processResponse(record, context(req, undefined, record, true)));
  });
  // Unknown paths under this surface are answered here, hinted from its own routes only.
  r.router.use(unmatchedHandler(r.own));
  return r.router;
}
