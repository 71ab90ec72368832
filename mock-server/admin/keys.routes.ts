import { z } from 'zod';
import { HttpError } from '../core/http-error.js';
import type { ProductKeyStatus } from '../auth/client-registry.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';
import { parseAdminInput } from './admin-body.js';

/** A passive key may linger a year at most: its retirement then stays a real instant whatever the clock shows. */
const MAX_GRACE_SECONDS = 366 * 24 * 3600;
const rotateSchema = z.strictObject({
  graceSeconds: z.number().int().min(0).max(MAX_GRACE_SECONDS, `must be at most ${MAX_GRACE_SECONDS} (a year)`).optional(),
});
const productKeySchema = z.strictObject({ key: z.string().min(1).optional(), newKey: z.string().min(1).optional() });

/** Rotates the realm's signing key; the old one stays passive (tokens it signed still verify) for the grace. */
export async function rotateSigningKey(ctx: AdminContext, input: unknown) {
  const { graceSeconds = ctx.config.realm.signingKeyGraceSeconds } = parseAdminInput(rotateSchema, input);
  const { active, retired } = await ctx.keys.rotate(graceSeconds * 1000);
  return { active: active.kid, retired: retired.kid, retireAt: new Date(retired.retireAt!).toISOString(), keys: ctx.keys.describe() };
}

export function removeSigningKey(ctx: AdminContext, kid: string) {
  if (!ctx.keys.remove(kid)) throw new HttpError(404, 'not_found', `no passive signing key ${kid} (the active key cannot be removed; rotate first)`);
  return { keys: ctx.keys.describe() };
}

async function clientOf(ctx: AdminContext, clientId: string) {
  const client = await ctx.clients.lookup(clientId);
  if (!client) throw new HttpError(404, 'not_found', `no client ${clientId}`);
  return client;
}

/** Revokes or restores one of a client's product keys. */
export async function setProductKeyStatus(ctx: AdminContext, clientId: string, key: string, status: ProductKeyStatus) {
  const client = await clientOf(ctx, clientId);
  if (ctx.clients.productKey(key)?.clientId !== client.clientId) throw new HttpError(404, 'not_found', `client ${client.clientId} has no product key ${key}`);
  ctx.clients.setProductKeyStatus(key, status);
  return { clientId: client.clientId, productKeys: ctx.clients.productKeysOf(client.clientId) };
}

/** Rotation as ZignSec does it: one key is revoked for every token of the client, a new one is issued. */
export async function rotateProductKey(ctx: AdminContext, clientId: string, input: unknown) {
  const client = await clientOf(ctx, clientId);
  const body = parseAdminInput(productKeySchema, input);
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
  return { clientId: client.clientId, revoked: retired, added, productKeys: ctx.clients.productKeysOf(client.clientId) };
}

/** Realm signing keys and clients' product keys. */
export function keysRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.get('/keys', function listSigningKeys(_req, res) {
    res.json({ keys: ctx.keys.describe() });
  });
  r.post('/keys/rotate', async function rotateSigningKeyRoute(req, res) {
    res.json(await rotateSigningKey(ctx, req.body));
  });
  r.delete('/keys/:kid', function removeSigningKeyRoute(req, res) {
    res.json(removeSigningKey(ctx, String(req.params.kid)));
  });
  r.get('/clients/:clientId/product-keys', async function listProductKeys(req, res) {
    const client = await clientOf(ctx, String(req.params.clientId));
    res.json({ clientId: client.clientId, productKeys: ctx.clients.productKeysOf(client.clientId) });
  });
  r.post('/clients/:clientId/product-keys/:key/revoke', async function revokeProductKey(req, res) {
    res.json(await setProductKeyStatus(ctx, String(req.params.clientId), String(req.params.key), 'revoked'));
  });
  r.post('/clients/:clientId/product-keys/:key/restore', async function restoreProductKey(req, res) {
    res.json(await setProductKeyStatus(ctx, String(req.params.clientId), String(req.params.key), 'active'));
  });
  r.post('/clients/:clientId/product-keys/rotate', async function rotateProductKeyRoute(req, res) {
    res.json(await rotateProductKey(ctx, String(req.params.clientId), req.body));
  });
}
