import { z } from 'zod';
import { EARLIEST_INSTANT_MS, isSaneInstant, LATEST_INSTANT_MS } from '../core/clock.js';
import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';
import { adminBody } from './admin-body.js';

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

/** The virtual clock: read, set, freeze, advance. Token expiry and store TTLs follow it. */
export function clockRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  const describe = () => ({ now: new Date(ctx.clock.now()).toISOString(), epochMs: ctx.clock.now(), frozen: ctx.clock.isFrozen });
  r.get('/clock', function readClock(_req, res) {
    res.json(describe());
  });
  r.put('/clock', function setClock(req, res) {
    const body = adminBody(setSchema, req);
    const at = body.now === undefined ? undefined : typeof body.now === 'number' ? body.now : Date.parse(body.now);
    if (at !== undefined && !isSaneInstant(at)) throw outOfRange('now');
    // Freeze before setting, so a frozen clock holds exactly the instant asked for.
    if (body.frozen === true) ctx.clock.freeze();
    if (at !== undefined) ctx.clock.set(at);
    if (body.frozen === false) ctx.clock.unfreeze();
    res.json(describe());
  });
  r.post('/clock/advance', function advanceClock(req, res) {
    const body = adminBody(advanceSchema, req);
    const ms = body.ms ?? body.seconds! * 1000;
    if (!isSaneInstant(ctx.clock.now() + ms)) throw outOfRange(body.ms === undefined ? 'seconds' : 'ms');
    ctx.clock.advance(ms);
    res.json(describe());
  });
  r.post('/clock/reset', function resetClock(_req, res) {
    ctx.clock.reset();
    res.json(describe());
  });
}
