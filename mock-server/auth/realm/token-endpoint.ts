import type { Request, RequestHandler } from 'express';
import type { GatewaySchema } from '../../../openapi/gateway-schema.js';
import { noteOf } from '../../pipeline/request-note.js';
import { SCENARIO_HEADER } from '../../scenario-engine/scenario-ref.js';
import type { RegisteredClient } from '../client-registry.js';
import type { RealmContext } from './realm-context.js';
import { authenticateClient } from './client-authentication.js';
import { readForm } from './form.js';
import { NO_STORE, clientAuthError, oauthError } from './oauth-errors.js';
import { grantRefusal } from './other-grants.js';

const OPENID = 'openid';

/**
 * Keycloak grants a client its default scopes; anything requested beyond the client's scopes is refused,
 * except `openid`, which every OIDC client may ask for: it is granted first and brings an ID token.
 */
function grantedScope(client: RegisteredClient, requested: string | undefined): { scope: string; openid: boolean } {
  const asked = (requested ?? '').split(' ').filter(Boolean);
  const unknown = asked.filter((s) => s !== OPENID && !client.scopes.includes(s));
  if (unknown.length > 0) throw oauthError(400, 'invalid_scope', `Invalid scopes: ${requested ?? ''}`);
  const openid = asked.includes(OPENID);
  return { scope: [...(openid ? [OPENID] : []), ...client.scopes.filter((s) => s !== OPENID)].join(' '), openid };
}

export const clientAddress = (req: Request): string => (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');

/** POST …/protocol/openid-connect/token: the client_credentials grant, checked in Keycloak's order (other grants refused as it refuses them). */
export function tokenEndpoint(realm: RealmContext): RequestHandler {
  return async (req, res) => {
    const form = readForm(req, oauthError);
    if (!form.grant_type) throw oauthError(400, 'invalid_request', 'Missing form parameter: grant_type');
    const refusal = grantRefusal(form.grant_type);
    if (form.grant_type !== 'client_credentials' && !refusal) throw oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type');
    const auth = await authenticateClient(req.get('authorization'), form, realm.clients);
    if (!auth.ok) throw clientAuthError(auth.reason, auth.usedBasic, realm.config.tokenErrorProfile, realm.config.name);
    if (refusal) throw refusal(form);
    const { scope, openid } = grantedScope(auth.client, form.scope);
    const header = req.get(SCENARIO_HEADER);
    const scenario = await realm.scenarios.select('token', { clientId: auth.client.clientId, ...(header === undefined ? {} : { header }) });
    const lifetimeSeconds = scenario?.states[scenario.initial]?.view.tokenLifetimeSeconds;
    const issued = await realm.tokens.issue(auth.client, {
      issuer: realm.issuerFor(req),
      scope,
      clientAddress: clientAddress(req),
      idToken: openid,
      ...(lifetimeSeconds === undefined ? {} : { lifetimeSeconds }),
    });
    const note = noteOf(res);
    note.clientId = auth.client.clientId;
    if (scenario) await realm.scenarios.bindCreated('token', issued.claims.jti, auth.client.clientId, scenario, 'token-issued', note);
    const body: GatewaySchema<'TokenResponse'> = {
      access_token: issued.accessToken,
      expires_in: issued.expiresIn,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      ...(issued.idToken === undefined ? {} : { id_token: issued.idToken }),
      'not-before-policy': 0,
      scope,
    };
    res.set(NO_STORE).json(body);
  };
}
