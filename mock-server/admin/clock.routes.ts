import { z } from 'zod';
import { EARLIEST_INSTANT_MS, isSaneInstant, LATEST_INSTANT_MS } from '../core/clock.js';
import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';
import { parseAdminInput } from './admin-body.js';

const RANGE = `between ${new Date(EARLIEST_INSTANT_MS).toISOString()} and ${new Date(LATEST_INSTANT_MS).toISOString()}`;
/** Forward only (PUT /clock goes back), and at most the whole range. */
const MAX_ADVANCE_MS = LATEST_INSTANT_MS - EARLIEST_INSTANT_MS;

const instant = z.union([
  z.iso.datetime({ offset: true }).refine((s) => isSaneInstant(Date.parse(s)), `must be an instant ${RANGE}`),
  z.number().int().min(EARLIEST_INSTANT_MS, `must be an instant ${RANGE}`).max(LATEST_INSTANT_MS, `must be an instant ${RANGE}`),
]);
const setSchema = z.strictObject({ now: instant.optional(), frozen: z.boolean().optional() });
const advanceSchema = z
  .strictObject({
    seconds: z
      .number()
      .min(0, 'must be 0 or more (PUT /__admin/clock goes back)')
      .max(MAX_ADVANCE_MS / 1000, `must be at most ${MAX_ADVANCE_MS / 1000}`)
      .optional(),
    ms: z.number().min(0, 'must be 0 or more (PUT /__admin/clock goes back)').max(MAX_ADVANCE_MS, `must be at most ${MAX_ADVANCE_MS}`).optional(),
  })
  .refine((b) => (b.seconds === undefined) !== (b.ms === undefined), 'give exactly one of seconds or ms');

const outOfRange = (field: string) =>
  new HttpError(400, 'mock_invalid_request', `invalid request body: ${field}: the clock would leave the range ${RANGE}`, {
    details: { errors: [`${field}: the clock would leave the range ${RANGE}`] },
  });

export const describeClock = (ctx: AdminContext) => ({ now: new Date(ctx.clock.now()).toISOString(), epochMs: ctx.clock.now(), frozen: ctx.clock.isFrozen });

/** Sets and/or freezes the clock (the JSON route's and the console's one way). */
export function setClock(ctx: AdminContext, input: unknown) {
  const body = parseAdminInput(setSchema, input);
  const at = body.now === undefined ? undefined : typeof body.now === 'number' ? body.now : Date.parse(body.now);
  if (at !== undefined && !isSaneInstant(at)) throw outOfRange('now');
  // Freeze before setting, so a frozen clock holds exactly the instant asked for.
  if (body.frozen === true) ctx.clock.freeze();
  if (at !== undefined) ctx.clock.set(at);
  if (body.frozen === false) ctx.clock.unfreeze();
  return describeClock(ctx);
}

/** Moves the clock forward by `seconds` or `ms`. */
export function advanceClock(ctx: AdminContext, input: unknown) {
  const body = parseAdminInput(advanceSchema, input);
  const ms = body.ms ?? body.seconds! * 1000;
  if (!isSaneInstant(ctx.clock.now() + ms)) throw outOfRange(body.ms === undefined ? 'seconds' : 'ms');
  ctx.clock.advance(ms);
  return describeClock(ctx);
}

export function resetClock(ctx: AdminContext) {
  ctx.clock.reset();
  return describeClock(ctx);
}

/** The virtual clock: read, set, freeze, advance. Token expiry and store TTLs follow it. */
export function clockRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.get('/clock', function readClock(_req, res) {
    res.json(describeClock(ctx));
  });
  r.put('/clock', function setClockRoute(req, res) {
    res.json(setClock(ctx, req.body));
  });
  r.post('/clock/advance', function advanceClockRoute(req, res) {
    res.json(advanceClock(ctx, req.body));
  });
  r.post('/clock/reset', function resetClockRoute(_req, res) {
    res.json(resetClock(ctx));
  });
}
