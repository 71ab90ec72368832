import type { RequestHandler } from 'express';
import { z } from 'zod';
import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';
import { adminBody } from './admin-body.js';

/** A passive key may linger a year at most: its retirement then stays a real instant whatever the clock shows. */
const MAX_GRACE_SECONDS = 366 * 24 * 3600;
const rotateSchema = z.strictObject({
  graceSeconds: z.number().int().min(0).max(MAX_GRACE_SECONDS, `must be at most ${MAX_GRACE_SECONDS} (a year)`).optional(),
});
const productKeySchema = z.strictObject({ key: z.string().min(1).optional(), newKey: z.string().min(1).optional() });

/** Realm signing keys and clients' product keys. */
export function keysRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.get('/keys', function listSigningKeys(_req, res) {
    res.json({ keys: ctx.keys.describe() });
  });
  r.post('/keys/rotate', async function rotateSigningKey(req, res) {
    const { graceSeconds = ctx.config.realm.signingKeyGraceSeconds } = adminBody(rotateSchema, req);
    const { active, retired } = await ctx.keys.rotate(graceSeconds * 1000);
    res.json({ active: active.kid, retired: retired.kid, retireAt: new Date(retired.retireAt!).toISOString(), keys: ctx.keys.describe() });
  });
  r.delete('/keys/:kid', function removeSigningKey(req, res) {
    const kid = String(req.params.kid);
    if (!ctx.keys.remove(kid)) throw new HttpError(404, 'not_found', `no passive signing key ${kid} (the active key cannot be removed; rotate first)`);
    res.json({ keys: ctx.keys.describe() });
  });

  const clientOf = async (clientId: string) => {
    const client = await ctx.clients.lookup(clientId);
    if (!client) throw new HttpError(404, 'not_found', `no client ${clientId}`);
    return client;
  };
  r.get('/clients/:clientId/product-keys', async function listProductKeys(req, res) {
    const client = await clientOf(String(req.params.clientId));
    res.json({ clientId: client.clientId, productKeys: ctx.clients.productKeysOf(client.clientId) });
  });
  const setStatus =
    (status: 'active' | 'revoked'): RequestHandler =>
    async (req, res) => {
      const client = await clientOf(String(req.params.clientId));
      const key = String(req.params.key);
      if (ctx.clients.productKey(key)?.clientId !== client.clientId)
        throw new HttpError(404, 'not_found', `client ${client.clientId} has no product key ${key}`);
      ctx.clients.setProductKeyStatus(key, status);
      res.json({ clientId: client.clientId, productKeys: ctx.clients.productKeysOf(client.clientId) });
    };
  r.post('/clients/:clientId/product-keys/:key/revoke', setStatus('revoked'));
  r.post('/clients/:clientId/product-keys/:key/restore', setStatus('active'));
  // Rotation as ZignSec does it: one key is revoked for every token of the client, a new one is issued.
  r.post('/clients/:clientId/product-keys/rotate', async function rotateProductKey(req, res) {
    const client = await clientOf(String(req.params.clientId));
    const body = adminBody(productKeySchema, req);
    const keys = ctx.clients.productKeysOf(client.clientId);
    const retired = body.key ?? keys.find((k) => k.status === 'active')?.key;
    if (!retired || !keys.some((k) => k.key === retired))
      throw new HttpError(404, 'not_found', `client ${client.clientId} has no product key ${retired ?? '(active)'}`);
    const added = body.newKey ?? `${client.clientId}-key-${ctx.ids.urlSafe(10)}`;
    try {
      ctx.clients.addProductKey(client.clientId, added);
    } catch (e) {
      throw new HttpError(409, 'conflict', (e as Error).message);
    }
    ctx.clients.setProductKeyStatus(retired, 'revoked');
    res.json({ clientId: client.clientId, revoked: retired, added, productKeys: ctx.clients.productKeysOf(client.clientId) });
  });
}
