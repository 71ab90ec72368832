import type { RequestHandler } from 'express';
import type { GatewaySchema } from '../../../openapi/gateway-schema.js';
import { TokenRejected } from '../token-verifier.js';
import { authenticateClient } from './client-authentication.js';
import { readForm } from './form.js';
import { oauthError } from './oauth-errors.js';
import type { RealmContext } from './realm-context.js';

const SUPPORTED_HINTS = new Set(['access_token', 'refresh_token', 'requesting_party_token']);

/** POST …/token/introspect (RFC 7662) with Keycloak's error texts; any unusable token is `active: false`. */
export function introspectionEndpoint(realm: RealmContext): RequestHandler {
  return async (req, res) => {
    const form = readForm(req, oauthError);
    const auth = await authenticateClient(req.get('authorization'), form, realm.clients);
    if (!auth.ok) throw oauthError(401, 'invalid_request', 'Authentication failed.');
    if (!form.token) throw oauthError(400, 'invalid_request', 'Token not provided.');
    if (form.token_type_hint !== undefined && !SUPPORTED_HINTS.has(form.token_type_hint)) {
      throw oauthError(400, 'invalid_request', 'Unsupported token type.');
    }
    try {
      const claims = await realm.verifier.verify(form.token);
      const body: GatewaySchema<'IntrospectionResponse'> = {
        ...claims,
        client_id: claims.azp,
        username: claims.preferred_username,
        token_type: claims.typ,
        active: true,
      };
      res.json(body);
    } catch (e) {
      if (!(e instanceof TokenRejected)) throw e;
      const inactive: GatewaySchema<'IntrospectionResponse'> = { active: false };
      res.json(inactive);
    }
  };
}
