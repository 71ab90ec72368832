import type { HttpError } from '../../core/http-error.js';
import { oauthError } from './oauth-errors.js';

/**
 * Grants Keycloak knows but the realm's service-account clients cannot use. Keycloak authenticates the
 * client first and then refuses in the grant's own words (its *GrantType classes); every other grant
 * type it does not know is refused before authentication as unsupported_grant_type.
 */
const REFUSALS: Record<string, (form: Record<string, string | undefined>) => HttpError> = {
  // Direct access grants are off for service-account clients.
  password: () => oauthError(400, 'unauthorized_client', 'Client not allowed for direct access grants'),
  // The mock never issues codes, so any code is unknown to it.
  authorization_code: (form) => (form.code === undefined ? oauthError(400, 'invalid_request', 'Missing parameter: code') : oauthError(400, 'invalid_grant', 'Code not valid')),
  // Nor refresh tokens (client_credentials gives none unless a client opts in).
  refresh_token: (form) => (form.refresh_token === undefined ? oauthError(400, 'invalid_request', 'No refresh token') : oauthError(400, 'invalid_grant', 'Invalid refresh token')),
};

export const isRefusedGrant = (grantType: string): boolean => Object.hasOwn(REFUSALS, grantType);

/** The refusal for a grant {@link isRefusedGrant} knows, once the client has authenticated. */
export const refuseGrant = (grantType: string, form: Record<string, string | undefined>): HttpError => REFUSALS[grantType]!(form);
