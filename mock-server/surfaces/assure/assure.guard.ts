import type { RequestHandler, Response } from 'express';
import type { ClientRegistry } from '../../auth/client-registry.js';
import type { SignicatTokens } from '../../auth/signicat/signicat-tokens.js';
import { TokenRejected } from '../../auth/token-verifier.js';
import { noteOf } from '../../pipeline/request-note.js';
import { invalidToken, malformedAuthorization } from './assure.errors.js';

const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

/**
 * Assure's bearer: a token of Signicat's own service (a realm token is signed by other keys, so refused).
 * No Authorization, or a token that is bad, expired or a disabled client's: 401 with Signicat's token
 * error; an Authorization that is no Bearer credential at all: 400, as the API reference's sample shows.
 */
export function assureGuard(clients: ClientRegistry, tokens: SignicatTokens): RequestHandler {
  return async function assureBearer(req, res, next) {
    const header = req.headers.authorization;
    if (header === undefined) throw invalidToken('The request has no bearer token.');
    const match = BEARER.exec(header);
    if (!match) throw malformedAuthorization();
    let clientId: string;
    try {
      clientId = (await tokens.verifier.verify(match[1]!)).azp;
    } catch (e) {
      if (e instanceof TokenRejected) throw invalidToken(`The bearer token is not valid: ${e.message.toLowerCase()}.`);
      throw e;
    }
    const client = await clients.lookup(clientId);
    if (!client?.enabled) throw invalidToken('The bearer token is not valid: the client is disabled.');
    noteOf(res).clientId = clientId;
    res.locals.assureClient = clientId;
    next();
  };
}

export const assureClientOf = (res: Response): string => res.locals.assureClient as string;
