import { z } from 'zod';
import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';
import { adminBody } from './admin-body.js';

const setSchema = z.strictObject({ now: z.union([z.iso.datetime({ offset: true }), z.number().int()]).optional(), frozen: z.boolean().optional() });
const advanceSchema = z
  .strictObject({ seconds: z.number().optional(), ms: z.number().optional() })
  .refine((b) => (b.seconds === undefined) !== (b.ms === undefined), 'give exactly one of seconds or ms');

/** The virtual clock: read, set, freeze, advance. Token expiry and store TTLs follow it. */
export function clockRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  const describe = () => ({ now: new Date(ctx.clock.now()).toISOString(), epochMs: ctx.clock.now(), frozen: ctx.clock.isFrozen });
  r.get('/clock', (_req, res) => {
    res.json(describe());
  });
  r.put('/clock', (req, res) => {
    const body = adminBody(setSchema, req);
    const at = body.now === undefined ? undefined : typeof body.now === 'number' ? body.now : Date.parse(body.now);
    if (at !== undefined && !Number.isFinite(at)) throw new HttpError(400, 'mock_invalid_request', 'now is not a valid instant');
    // Freeze before setting, so a frozen clock holds exactly the instant asked for.
    if (body.frozen === true) ctx.clock.freeze();
    if (at !== undefined) ctx.clock.set(at);
    if (body.frozen === false) ctx.clock.unfreeze();
    res.json(describe());
  });
  r.post('/clock/advance', (req, res) => {
    const body = adminBody(advanceSchema, req);
    ctx.clock.advance(body.ms ?? body.seconds! * 1000);
    res.json(describe());
  });
  r.post('/clock/reset', (_req, res) => {
    ctx.clock.reset();
    res.json(describe());
  });
}
