import express from 'express';
import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const SINK_BODY_BYTES = 1024 * 1024;
const SINK_NAME = /^[A-Za-z0-9._-]{1,100}$/;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function limitOf(value: unknown): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new HttpError(400, 'mock_invalid_request', `limit: must be an integer from 1 to ${MAX_LIMIT}`, {
      details: { errors: [`limit: must be 1..${MAX_LIMIT}`] },
    });
  }
  return n;
}

function sinkName(value: unknown): string {
  if (typeof value !== 'string' || !SINK_NAME.test(value)) {
    throw new HttpError(400, 'mock_invalid_request', 'name: letters, digits, dot, dash and underscore, at most 100', {
      details: { errors: ['name: invalid'] },
    });
  }
  return value;
}

const notFound = (id: string) => new HttpError(404, 'not_found', `no webhook delivery ${id}`);

/** Sends a delivery once more, whichever instance holds it (the JSON route's and the console's one way). */
export async function replayWebhook(ctx: AdminContext, id: string) {
  const record = await ctx.webhooks.replayAnywhere(id);
  if (!record) throw notFound(id);
  return record;
}

/** A sink's name as the routes take it: letters, digits, dot, dash and underscore. */
export { sinkName };

/**
 * The sink: a receiver built into the control plane. Registered before the admin JSON parser, since a
 * signature is checked against the exact bytes received.
 */
export function webhookSinkRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  const raw = express.text({ type: () => true, limit: SINK_BODY_BYTES });
  r.post('/webhooks/sink/:name', raw, function receiveWebhook(req, res) {
    const name = sinkName(req.params.name);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    ctx.webhookSink.record(name, { at: new Date(ctx.clock.now()).toISOString(), headers, body: typeof req.body === 'string' ? req.body : '' });
    // ?status=500 makes this sink fail on purpose, to watch the retries by hand.
    const status = Number(req.query.status ?? 204);
    res.status(Number.isInteger(status) && status >= 200 && status <= 599 ? status : 204).end();
  });
}

/** Every delivery with its attempts; replay; the sink's records. */
export function webhooksRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.get('/webhooks', async function listWebhooks(req, res) {
    const filter = { owner: text(req.query.clientId), source: text(req.query.source), resourceId: text(req.query.resourceId) };
    res.json({ deliveries: await ctx.webhooks.listAnywhere(filter, limitOf(req.query.limit)), stats: ctx.webhooks.stats() });
  });
  r.get('/webhooks/stats', function webhookStats(_req, res) {
    res.json(ctx.webhooks.stats());
  });
  r.get('/webhooks/sink/:name', function readSink(req, res) {
    const name = sinkName(req.params.name);
    res.json({ name, received: ctx.webhookSink.list(name) });
  });
  r.delete('/webhooks/sink/:name', function clearSink(req, res) {
    ctx.webhookSink.clear(sinkName(req.params.name));
    res.status(204).end();
  });
  r.get('/webhooks/:id', async function readWebhook(req, res) {
    const id = req.params.id as string;
    const record = await ctx.webhooks.getAnywhere(id);
    if (!record) throw notFound(id);
    res.json(record);
  });
  r.post('/webhooks/:id/replay', async function replayWebhookRoute(req, res) {
    res.status(202).json(await replayWebhook(ctx, req.params.id as string));
  });
}
