import express, { type RequestHandler } from 'express';
import { oauthEnvelope } from '../../core/envelopes.js';
import { HttpError } from '../../core/http-error.js';
import { catalogRouter, type RouteCatalog } from '../../pipeline/route-catalog.js';
import { SIGNICAT_SCOPE } from '../signicat/signicat-tokens.js';
import { discoveryDocument } from './discovery.js';
import { introspectionEndpoint } from './introspection.js';
import type { RealmContext } from './realm-context.js';
import { tokenEndpoint } from './token-endpoint.js';

const OIDC = '/protocol/openid-connect';

/** The Keycloak realm: discovery, token, JWKS and introspection. All public; the token routes authenticate the client. */
export function realmRouter(prefix: string, realm: RealmContext, catalog: RouteCatalog, formLimit: number) {
  const r = catalogRouter(prefix, catalog);
  const form: RequestHandler = express.urlencoded({ extended: false, limit: formLimit, parameterLimit: 100 });
  r.post(`${OIDC}/token`, form, tokenEndpoint(realm));
  r.get('/.well-known/openid-configuration', function discovery(req, res) {
    // Signicat's scope belongs to its own token service, not to this realm.
    const scopes = new Set(realm.clients.all().flatMap((c) => c.scopes));
    scopes.delete(SIGNICAT_SCOPE);
    res.json(discoveryDocument(realm.issuerFor(req), [...scopes]));
  });
  r.get(`${OIDC}/certs`, function jwks(_req, res) {
    res.json(realm.keys.jwks());
  });
  r.post(`${OIDC}/token/introspect`, form, introspectionEndpoint(realm));
  return r.router;
}

/** Any other realm name: Keycloak's 404, which names no realm. */
export const unknownRealm: RequestHandler = () => {
  // Keycloak's own answer: only an `error`, no description.
  throw new HttpError(404, 'Realm does not exist', '', { envelope: oauthEnvelope });
};
