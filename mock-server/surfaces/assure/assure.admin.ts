import { z } from 'zod';
import { HttpError } from '../../core/http-error.js';
import type { catalogRouter } from '../../pipeline/route-catalog.js';
import type { Deps } from '../../deps.js';
import { FINAL_STATUSES, type FinalStatus } from './assure.entities.js';
import { assureParts } from './assure.parts.js';

const decisionSchema = z.strictObject({ status: z.enum(FINAL_STATUSES), variant: z.string().min(1).max(64).optional() });
const subscriptionsSchema = z.strictObject({
  subscriptions: z.array(z.strictObject({ url: z.url({ protocol: /^https?$/ }), secret: z.string().min(1).max(256).optional() })).max(5),
});

/** The control plane's body check (its 400 naming the fields), kept here: a surface does not reach into the admin room. */
function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
  throw new HttpError(400, 'mock_invalid_request', `invalid request body: ${fields.join('; ')}`, { details: { errors: fields } });
}

/**
 * Signicat's own consoles, played by the control plane: the RA App's operator who accepts or rejects a
 * pending eid verification, and the Dashboard's Events subscriptions of a client.
 */
export function assureAdminRoutes(r: ReturnType<typeof catalogRouter>, ctx: Deps): void {
  const parts = () => assureParts(ctx);

  const decide = async (processId: string, status: FinalStatus, variant?: string) => {
    const process = await parts().service.find(processId);
    if (!process) throw new HttpError(404, 'not_found', `no Assure process ${processId.slice(0, 64)}`);
    let decided;
    try {
      decided = await parts().service.decideAsOperator(process, status, variant);
    } catch (e) {
      // The service speaks Assure's error body; the control plane answers in its own (ProblemDetails).
      if (e instanceof HttpError && e.status === 409) throw new HttpError(409, 'conflict', e.message);
      throw e;
    }
    return { processId: decided.id, dossierId: decided.dossierId, status: decided.end!.status, variant: decided.end!.variant };
  };
  r.post('/assure/processes/:processId/decision', async function raDecision(req, res) {
    const body = parseBody(decisionSchema, req.body);
    res.json(await decide(String(req.params.processId), body.status, body.variant));
  });
  r.post('/assure/processes/:processId/approve', async function raApprove(req, res) {
    res.json(await decide(String(req.params.processId), 'accepted'));
  });
  r.post('/assure/processes/:processId/reject', async function raReject(req, res) {
    res.json(await decide(String(req.params.processId), 'rejected'));
  });

  const knownClient = async (clientId: string) => {
    if (!(await ctx.clients.lookup(clientId))) throw new HttpError(404, 'not_found', `no client ${clientId.slice(0, 64)}`);
  };
  r.get('/assure/subscriptions/:clientId', async function getSubscriptions(req, res) {
    const clientId = String(req.params.clientId);
    await knownClient(clientId);
    res.json({
      clientId,
      subscriptions: (await parts().subscriptions.of(clientId)).map((s) => ({ url: s.url, signed: s.secret !== undefined })),
    });
  });
  r.put('/assure/subscriptions/:clientId', async function putSubscriptions(req, res) {
    const clientId = String(req.params.clientId);
    await knownClient(clientId);
    const { subscriptions } = parseBody(subscriptionsSchema, req.body);
    for (const s of subscriptions) {
      const refusal = ctx.webhooks.checkTarget(s.url);
      if (refusal !== undefined) throw new HttpError(400, 'mock_invalid_request', `subscription url refused: ${refusal}`);
    }
    await parts().subscriptions.set(
      clientId,
      subscriptions.map((s) => ({ url: s.url, ...(s.secret === undefined ? {} : { secret: s.secret }) })),
    );
    res.json({
      clientId,
      subscriptions: (await parts().subscriptions.of(clientId)).map((s) => ({ url: s.url, signed: s.secret !== undefined })),
    });
  });
}
