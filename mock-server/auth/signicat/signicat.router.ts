import express, { type Request, type RequestHandler } from 'express';
import type { ClientRegistry } from '../client-registry.js';
import { catalogRouter, type RouteCatalog } from '../../pipeline/route-catalog.js';
import { noteOf } from '../../pipeline/request-note.js';
import { authenticateClient } from '../realm/client-authentication.js';
import { readForm } from '../realm/form.js';
import { NO_STORE, oauthError } from '../realm/oauth-errors.js';
import { signicatDiscovery } from './signicat-discovery.js';
import { SIGNICAT_SCOPE, type SignicatTokens } from './signicat-tokens.js';

const INVALID_CLIENT = 'invalid_client';

/**
 * POST /auth/open/connect/token: client_credentials only, credentials by Basic or form (RFC 6749 2.3.1),
 * RFC 6749 5.2 errors. A client without the `signicat-api` scope is not one of Signicat's: it is unknown here.
 */
function tokenEndpoint(clients: ClientRegistry, tokens: SignicatTokens, issuerFor: (req: Request) => string): RequestHandler {
  return async function signicatToken(req, res) {
    const form = readForm(req, oauthError);
    if (!form.grant_type) throw oauthError(400, 'invalid_request', 'grant_type is missing');
    if (form.grant_type !== 'client_credentials') throw oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported');
    const auth = await authenticateClient(req.get('authorization'), form, clients);
    if (!auth.ok || !auth.client.scopes.includes(SIGNICAT_SCOPE)) {
      throw oauthError(401, INVALID_CLIENT, 'Client authentication failed', { 'WWW-Authenticate': 'Basic realm="signicat"' });
    }
    const asked = (form.scope ?? SIGNICAT_SCOPE).split(' ').filter(Boolean);
    if (asked.some((s) => s !== SIGNICAT_SCOPE)) throw oauthError(400, 'invalid_scope', `Invalid scope: ${form.scope ?? ''}`);
    const issued = await tokens.issue(auth.client, issuerFor(req));
    noteOf(res).clientId = auth.client.clientId;
    res.set(NO_STORE).json({ access_token: issued.accessToken, expires_in: issued.expiresIn, token_type: 'Bearer', scope: SIGNICAT_SCOPE });
  };
}

/** Signicat's token service under /auth/open: token, discovery and JWKS. */
export function signicatRouter(
  prefix: string,
  clients: ClientRegistry,
  tokens: SignicatTokens,
  issuerFor: (req: Request) => string,
  catalog: RouteCatalog,
  formLimit: number,
) {
  const r = catalogRouter(prefix, catalog);
  const form: RequestHandler = express.urlencoded({ extended: false, limit: formLimit, parameterLimit: 100 });
  r.post('/connect/token', form, tokenEndpoint(clients, tokens, issuerFor));
  r.get('/.well-known/openid-configuration', function signicatDiscoveryDocument(req, res) {
    res.json(signicatDiscovery(issuerFor(req)));
  });
  r.get('/.well-known/openid-configuration/jwks', function signicatJwks(_req, res) {
    res.json(tokens.keys.jwks());
  });
  return r.router;
}
