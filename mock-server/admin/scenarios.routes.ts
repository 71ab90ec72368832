import { z } from 'zod';
import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { ScenarioInstance } from '../scenario-engine/engine.js';
import { EVENTS, RESOURCE_KINDS, type ResourceKind } from '../scenario-engine/vocabulary.js';
import type { AdminContext } from './admin-context.js';
import { parseAdminInput } from './admin-body.js';

const queueSchema = z.strictObject({ clientId: z.string().min(1), scenario: z.string().min(1), kind: z.enum(RESOURCE_KINDS).optional() });
const stateSchema = z.strictObject({ state: z.string().min(1) });
const eventSchema = z.strictObject({
  event: z.enum(EVENTS),
  clientId: z.string().min(1).optional(),
  kind: z.enum(RESOURCE_KINDS).optional(),
  resourceId: z.string().min(1).optional(),
  productKey: z.string().min(1).optional(),
});

export const describeInstance = (i: ScenarioInstance) => ({
  kind: i.kind,
  resourceId: i.resourceId,
  clientId: i.clientId,
  scenario: i.scenario.ref,
  state: i.state,
  boundAt: new Date(i.boundAt).toISOString(),
  ...(i.data.revokedProductKeys.length ? { rotatedProductKeys: i.data.revokedProductKeys } : {}),
  ...(i.data.tokenExpired ? { tokenExpired: true } : {}),
});

const kindParam = (value: unknown): ResourceKind => {
  const kind = String(value);
  if (!(RESOURCE_KINDS as readonly string[]).includes(kind))
    throw new HttpError(404, 'not_found', `no resource kind ${kind} (kinds: ${RESOURCE_KINDS.join(', ')})`);
  return kind as ResourceKind;
};

async function instanceOf(ctx: AdminContext, kind: ResourceKind, id: string) {
  const instance = await ctx.scenarios.engine.instance(kind, id);
  if (!instance) throw new HttpError(404, 'not_found', `no scenario is bound to ${kind} ${id}`);
  return instance;
}

/** Queues a one-shot scenario for a client's next resource of a kind (the JSON route's and the console's one way). */
export async function queueScenario(ctx: AdminContext, input: unknown) {
  const engine = ctx.scenarios.engine;
  const body = parseAdminInput(queueSchema, input);
  if (!(await ctx.clients.lookup(body.clientId))) throw new HttpError(404, 'not_found', `no client ${body.clientId}`);
  const name = body.scenario.split(';')[0]!.trim();
  const kind = body.kind ?? engine.catalog.scenarios.get(name)?.binds[0] ?? 'session';
  const ref = engine.validate(body.scenario, kind);
  let position: number;
  try {
    position = await engine.queue.push(body.clientId, kind, ref);
  } catch (e) {
    // The queue's cap per client and kind: a refusal to say, never a 500.
    if (e instanceof RangeError) throw new HttpError(429, 'mock_queue_full', e.message);
    throw e;
  }
  return { clientId: body.clientId, kind, scenario: body.scenario, position };
}

/** Moves a bound resource's scenario to a declared state (its effects run). */
export async function setScenarioState(ctx: AdminContext, kind: unknown, id: string, input: unknown) {
  const { state } = parseAdminInput(stateSchema, input);
  const instance = await instanceOf(ctx, kindParam(kind), id);
  const transition = await ctx.scenarios.engine.setState(instance, state);
  return { ...describeInstance(instance), before: transition.before, after: transition.after };
}

/** Fires a domain event on bound resources, e.g. rotation-requested for a client's key-rotation tokens. */
export async function fireEvent(ctx: AdminContext, input: unknown) {
  const engine = ctx.scenarios.engine;
  const body = parseAdminInput(eventSchema, input);
  if (body.resourceId !== undefined && body.kind === undefined) throw new HttpError(400, 'mock_invalid_request', 'resourceId needs kind');
  const targets =
    body.resourceId !== undefined
      ? [await instanceOf(ctx, body.kind!, body.resourceId)]
      : await engine.bindings(body.clientId === undefined ? {} : { clientId: body.clientId });
  const matching = targets.filter((i) => (body.kind === undefined || i.kind === body.kind) && i.scenario.states[i.state]?.on[body.event] !== undefined);
  const moved = [];
  for (const instance of matching) {
    const t = await engine.fire(instance, body.event, body.productKey === undefined ? {} : { productKey: body.productKey });
    moved.push({ ...describeInstance(instance), before: t.before, after: t.after });
  }
  return { event: body.event, moved };
}

/** Scenario definitions and live bindings, the one-shot queue, set-state and events on bound resources. */
export function scenariosRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  const engine = ctx.scenarios.engine;

  r.get('/scenarios', async function listScenarios(req, res) {
    const clientId = typeof req.query.clientId === 'string' ? req.query.clientId : undefined;
    const live = await engine.bindings(clientId === undefined ? {} : { clientId });
    const scenarios = [...engine.catalog.scenarios.values()].map((def) => ({
      name: def.name,
      summary: def.summary,
      binds: def.binds,
      params: def.params,
      initial: def.initial,
      states: def.states,
      file: def.file,
      bindings: live.filter((i) => i.scenario.name === def.name).map(describeInstance),
    }));
    res.json({ scenarios, selection: engine.catalog.selection, queue: await engine.queue.pending(clientId) });
  });
  r.post('/scenarios/queue', async function queueScenarioRoute(req, res) {
    res.status(201).json(await queueScenario(ctx, req.body));
  });
  r.get('/resources/:kind/:id', async function boundScenario(req, res) {
    res.json(describeInstance(await instanceOf(ctx, kindParam(req.params.kind), String(req.params.id))));
  });
  r.put('/resources/:kind/:id/state', async function setScenarioStateRoute(req, res) {
    res.json(await setScenarioState(ctx, req.params.kind, String(req.params.id), req.body));
  });
  r.post('/events', async function fireEventRoute(req, res) {
    res.json(await fireEvent(ctx, req.body));
  });
}
