import type { RequestHandler, Response } from 'express';
import type { ClientRegistry } from '../../auth/client-registry.js';
import type { MockConfig } from '../../config.js';
import { noteOf } from '../../pipeline/request-note.js';
import { invalidAppId } from './scanning.errors.js';

/** Who is calling scanning v3, once the guard let the request through. */
export interface ScanningCaller {
  clientId: string;
  apiKey: string;
}

/**
 * ZignSec's raw API key in `Authorization` (no `Bearer`: the key itself, as ZignSec's examples and Go
 * client send it). Missing, unknown or a disabled client's: 401 INVALID_APPID, or an empty 401 when
 * config says so (the real body is undocumented).
 */
export function scanningGuard(clients: ClientRegistry, config: MockConfig['scanning']): RequestHandler {
  return async function scanningApiKey(req, res, next) {
    const key = req.headers.authorization?.trim();
    const client = key === undefined || key === '' ? undefined : await clients.lookupApiKey(key);
    if (!client || key === undefined) {
      if (config.unauthorizedBody === 'empty') {
        res.status(401).end();
        return;
      }
      throw invalidAppId();
    }
    noteOf(res).clientId = client.clientId;
    res.locals.scanningCaller = { clientId: client.clientId, apiKey: key } satisfies ScanningCaller;
    next();
  };
}

export const callerOf = (res: Response): ScanningCaller => res.locals.scanningCaller as ScanningCaller;
