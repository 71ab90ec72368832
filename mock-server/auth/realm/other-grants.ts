import type { HttpError } from '../../core/http-error.js';
import type { Form } from './form.js';
import { oauthError } from './oauth-errors.js';

/**
 * Grants Keycloak knows but the realm's service-account clients cannot use. Keycloak authenticates the
 * client first and then refuses in the grant's own words (its *GrantType classes); every other grant
 * type it does not know is refused before authentication as unsupported_grant_type.
 */
const REFUSALS: Record<string, (form: Form) => HttpError> = {
  // Direct access grants are off for service-account clients.
  password: () => oauthError(400, 'unauthorized_client', 'Client not allowed for direct access grants'),
  // The mock never issues codes, so any code is unknown to it.
  authorization_code: (form) =>
    form.code === undefined ? oauthError(400, 'invalid_request', 'Missing parameter: code') : oauthError(400, 'invalid_grant', 'Code not valid'),
  // Nor refresh tokens (client_credentials gives none unless a client opts in).
  refresh_token: (form) =>
    form.refresh_token === undefined ? oauthError(400, 'invalid_request', 'No refresh token') : oauthError(400, 'invalid_grant', 'Invalid refresh token'),
};

/** How a grant Keycloak knows is refused once the client has authenticated; undefined for any other grant type. */
export const grantRefusal = (grantType: string): ((form: Form) => HttpError) | undefined =>
  Object.hasOwn(REFUSALS, grantType) ? REFUSALS[grantType] : undefined;
