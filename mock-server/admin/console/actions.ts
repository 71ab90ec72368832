import type { Request, Response } from 'express';
import { HttpError } from '../../core/http-error.js';
import { html } from '../../hosted/html.js';
import type { AdminContext } from '../admin-context.js';
import { advanceClock, resetClock, setClock } from '../clock.routes.js';
import { removeSigningKey, rotateProductKey, rotateSigningKey, setProductKeyStatus } from '../keys.routes.js';
import { resetState } from '../reset.routes.js';
import { deleteResource } from '../resources.routes.js';
import { fireEvent, queueScenario, setScenarioState } from '../scenarios.routes.js';
import { replayWebhook, sinkName } from '../webhooks.routes.js';
import { sendConsole, type Section } from './layout.js';

/** A posted form's fields: an empty field is an absent one, as a JSON body would leave it out. */
class Form {
  constructor(private readonly body: Record<string, unknown>) {}
  text(name: string): string | undefined {
    const value = this.body[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
  required(name: string): string {
    const value = this.text(name);
    if (value === undefined) throw new HttpError(400, 'mock_invalid_request', `${name}: required`);
    return value;
  }
  /** A number field; anything else is passed on as it is, for the operation's schema to refuse by name. */
  number(name: string): number | string | undefined {
    const value = this.text(name);
    return value === undefined || !/^-?\d+(\.\d+)?$/.test(value) ? value : Number(value);
  }
  flag(name: string): boolean | undefined {
    const value = this.text(name);
    return value === undefined ? undefined : value === 'true';
  }
}

/** Leaves out what the form left empty, so the operation sees what a JSON caller would send. */
const defined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** `2030-01-01T10:00` (a datetime-local field, read as UTC) as the ISO instant the clock takes. */
function instantOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value)) return `${value}:00Z`;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/.test(value)) return `${value}Z`;
  return value;
}

type Run = (ctx: AdminContext, form: Form) => unknown;

/**
 * Each console action: the operation the JSON route runs, fed the form as that route's body, and the
 * message the page shows once it is done (see layout's DONE).
 */
const ACTIONS: Readonly<Record<string, { done: string; run: Run }>> = {
  'queue-scenario': {
    done: 'scenario-queued',
    run: (ctx, f) => {
      const params = f.text('params');
      const scenario = f.text('scenario');
      return queueScenario(
        ctx,
        defined({ clientId: f.text('clientId'), scenario: scenario && params ? `${scenario};${params}` : scenario, kind: f.text('kind') }),
      );
    },
  },
  'set-state': { done: 'state-set', run: (ctx, f) => setScenarioState(ctx, f.required('kind'), f.required('id'), defined({ state: f.text('state') })) },
  'fire-event': {
    done: 'event-fired',
    run: (ctx, f) => fireEvent(ctx, defined({ event: f.text('event'), clientId: f.text('clientId'), kind: f.text('kind'), resourceId: f.text('resourceId') })),
  },
  'delete-resource': { done: 'resource-deleted', run: (ctx, f) => deleteResource(ctx, f.required('kind'), f.required('id')) },
  'reset-client': { done: 'client-reset', run: (ctx, f) => resetState(ctx, { clientId: f.required('clientId') }) },
  'clock-advance': { done: 'clock-advanced', run: (ctx, f) => advanceClock(ctx, defined({ seconds: f.number('seconds') })) },
  'clock-set': { done: 'clock-set', run: (ctx, f) => setClock(ctx, defined({ now: instantOf(f.text('now')), frozen: f.flag('frozen') })) },
  'clock-reset': { done: 'clock-reset', run: (ctx) => resetClock(ctx) },
  'signing-rotate': { done: 'signing-rotated', run: (ctx, f) => rotateSigningKey(ctx, defined({ graceSeconds: f.number('graceSeconds') })) },
  'signing-remove': { done: 'signing-removed', run: (ctx, f) => removeSigningKey(ctx, f.required('kid')) },
  'product-key-rotate': { done: 'product-key-rotated', run: (ctx, f) => rotateProductKey(ctx, f.required('clientId'), defined({ key: f.text('key') })) },
  'product-key-revoke': { done: 'product-key-revoked', run: (ctx, f) => setProductKeyStatus(ctx, f.required('clientId'), f.required('key'), 'revoked') },
  'product-key-restore': { done: 'product-key-restored', run: (ctx, f) => setProductKeyStatus(ctx, f.required('clientId'), f.required('key'), 'active') },
  'webhook-replay': { done: 'webhook-replayed', run: (ctx, f) => replayWebhook(ctx, f.required('id')) },
  'sink-clear': {
    done: 'sink-cleared',
    run: (ctx, f) => {
      ctx.webhookSink.clear(sinkName(f.required('name')));
    },
  },
  'journal-clear': {
    done: 'journal-cleared',
    run: (ctx) => {
      ctx.journal.clear();
    },
  },
};

/** Where to go back to: a console page only (never another origin, never `//host`). */
function backOf(base: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return base;
  if (value !== base && !value.startsWith(`${base}/`) && !value.startsWith(`${base}?`)) return base;
  return /[\r\n\\]/.test(value) ? base : value;
}

const sectionOf = (base: string, back: string): Section => {
  const first = back.slice(base.length).split(/[/?#]/)[1];
  return first === 'resources' || first === 'scenarios' || first === 'time' || first === 'webhooks' ? first : 'journal';
};

/** POST /ui/actions/:action: runs the action, waits until other instances can see it, and goes back (303) to say so. */
export function consoleAction(base: string, ctx: AdminContext) {
  return async function runConsoleAction(req: Request, res: Response): Promise<void> {
    const name = String(req.params.action);
    const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const back = backOf(base, body.back);
    if (!action) throw new HttpError(404, 'not_found', `no console action ${name.slice(0, 40)}`);
    try {
      await action.run(ctx, new Form(body));
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      const page = html`<h1>That did not work</h1>
        <p><a href="${back}">Back</a></p>`;
      sendConsole(res, base, ctx, { title: 'Not done', section: sectionOf(base, back), body: page, problem: e.message, status: e.status });
      return;
    }
    await ctx.replication.settled();
    const [path, hash] = back.split('#', 2) as [string, string | undefined];
    const cleaned = path.replace(/([?&])done=[^&]*&?/, '$1').replace(/[?&]$/, '');
    res.redirect(303, `${cleaned}${cleaned.includes('?') ? '&' : '?'}done=${action.done}${hash === undefined ? '' : `#${hash}`}`);
  };
}
