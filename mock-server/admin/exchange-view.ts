import type { BodyPreview } from '../pipeline/body-preview.js';
import { requestPreview, responsePreview } from '../pipeline/request-exchanges.js';
import type { JournalEntry } from '../pipeline/request-journal.js';
import type { View } from '../scenario-engine/compile.js';
import { RESOURCE_KINDS, type ResourceKind } from '../scenario-engine/vocabulary.js';
import type { AdminContext } from './admin-context.js';
import { maskBody, maskedHeaders } from './secret-mask.js';

export interface ShownBody extends BodyPreview {
  text: string;
}

/** What shaped the answer: the scenario bound to the resource, the state it was in and moved to, and what that state does. */
export interface ShownDecision {
  resource: string;
  scenario: string;
  stateBefore?: string;
  stateAfter?: string;
  /** The state's view (outcome, variant, latency, fault...), from the binding while it lives, else from the definition. */
  view?: View | Record<string, unknown>;
  /** Whether the resource still has that scenario bound (now, not at the time of the request). */
  bound: boolean;
  currentState?: string;
}

/** One request for the control plane, credentials masked: the journal's entry, and its exchange while held. */
export interface ShownExchange {
  instance: string;
  entry: JournalEntry;
  /** False once the exchange ring has moved on (it keeps fewer requests than the journal). */
  held: boolean;
  request?: { headers: Array<[string, string]>; body?: ShownBody };
  response?: { headers: Array<[string, string]>; body?: ShownBody };
  decision?: ShownDecision;
}

const shownBody = (body: BodyPreview | undefined): ShownBody | undefined =>
  body === undefined ? undefined : { ...body, text: body.binary ? body.text : maskBody(body.text) };

/** `session:ID` as the note writes it, when the kind is one scenarios bind to. */
function resourceOf(resource: string): { kind: ResourceKind; id: string } | undefined {
  const colon = resource.indexOf(':');
  const kind = resource.slice(0, colon);
  return colon > 0 && (RESOURCE_KINDS as readonly string[]).includes(kind) ? { kind: kind as ResourceKind, id: resource.slice(colon + 1) } : undefined;
}

async function decisionOf(ctx: AdminContext, entry: JournalEntry): Promise<ShownDecision | undefined> {
  if (entry.resource === undefined || entry.scenario === undefined) return undefined;
  const target = resourceOf(entry.resource);
  const instance = target && (await ctx.scenarios.engine.instance(target.kind, target.id));
  const bound = instance?.scenario.ref === entry.scenario;
  const state = entry.stateAfter;
  const definition = ctx.scenarios.engine.catalog.scenarios.get(entry.scenario.split(';')[0]!.trim());
  const view = state === undefined ? undefined : bound ? instance.scenario.states[state]?.view : definition?.states[state]?.view;
  return {
    resource: entry.resource,
    scenario: entry.scenario,
    ...(entry.stateBefore === undefined ? {} : { stateBefore: entry.stateBefore }),
    ...(state === undefined ? {} : { stateAfter: state }),
    ...(view === undefined ? {} : { view }),
    bound,
    ...(bound ? { currentState: instance.state } : {}),
  };
}

/** The request numbered `seq` on this instance, or undefined once the journal no longer holds it. */
export async function showExchange(ctx: AdminContext, seq: number): Promise<ShownExchange | undefined> {
  const entry = ctx.journal.entry(seq);
  if (!entry) return undefined;
  const exchange = ctx.journal.exchange(seq);
  const decision = await decisionOf(ctx, entry);
  const max = ctx.journal.limits.bodyBytes;
  const requestBody = shownBody(exchange && requestPreview(exchange, max));
  const responseBody = shownBody(exchange && responsePreview(exchange, max));
  return {
    instance: ctx.instanceId,
    entry,
    held: exchange !== undefined,
    ...(exchange
      ? {
          request: { headers: maskedHeaders(exchange.requestHeaders), ...(requestBody ? { body: requestBody } : {}) },
          response: { headers: maskedHeaders(exchange.responseHeaders), ...(responseBody ? { body: responseBody } : {}) },
        }
      : {}),
    ...(decision ? { decision } : {}),
  };
}
