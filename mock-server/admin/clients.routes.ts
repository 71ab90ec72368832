import { z } from 'zod';
import { HttpError } from '../core/http-error.js';
import { isUuid } from '../core/guid.js';
import { SCOPE_TOKEN } from '../core/oauth-scope.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';
import { adminBody } from './admin-body.js';

const clientSchema = z.strictObject({
  clientId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/)
    .optional(),
  secret: z.string().min(1).max(200).optional(),
  guid: z.string().refine(isUuid, 'must be a GUID').optional(),
  productKeys: z.array(z.string().min(1).max(200)).min(1).max(10).optional(),
  /** Scanning v3's raw API keys; one is made when absent. */
  apiKeys: z.array(z.string().min(1).max(200)).max(10).optional(),
  /** The client's scopes (its tokens carry them all); without `api` the gateway refuses its tokens. */
  scopes: z.array(z.string().max(100).regex(SCOPE_TOKEN)).max(20).optional(),
});

/** Adds an API client at run time: one per test keeps parallel tests apart without resets. */
export function clientsRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  r.post('/clients', function addClient(req, res) {
    const body = adminBody(clientSchema, req);
    const clientId = body.clientId ?? `client-${ctx.ids.urlSafe(12)}`;
    const guid = (body.guid ?? ctx.ids.uuid()).toLowerCase();
    try {
      const client = ctx.clients.add({
        clientId,
        secret: body.secret ?? ctx.ids.urlSafe(24),
        guid,
        productKeys: body.productKeys ?? [`${clientId}-key-1`, `${clientId}-key-2`],
        apiKeys: body.apiKeys ?? [ctx.ids.uuid()],
        scopes: body.scopes ?? ['api'],
        enabled: true,
      });
      res.status(201).json({ clientId: client.clientId, secret: client.secret, guid: client.guid, productKeys: client.productKeys, apiKeys: client.apiKeys });
    } catch (e) {
      throw new HttpError(409, 'conflict', (e as Error).message);
    }
  });
}
