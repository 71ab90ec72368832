import { oauthEnvelope } from '../../core/envelopes.js';
import { HttpError } from '../../core/http-error.js';
import { errorDescription } from '../error-description.js';
import type { ClientAuthFailure } from './client-authentication.js';

/** Keycloak sets these on every token-endpoint answer, errors included. */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/** `description` may echo client input; it is made safe here (RFC 6749 5.2's character set, bounded). */
export const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}): HttpError =>
  new HttpError(status, error, errorDescription(description), { headers: { ...NO_STORE, ...headers }, envelope: oauthEnvelope });

const INVALID_CLIENT = 'Invalid client or Invalid client credentials';

/**
 * Token-endpoint answer to a failed client authentication. Keycloak answers `unauthorized_client` for a
 * missing or wrong secret; the `rfc` profile answers `invalid_client` with a Basic challenge (RFC 6749 5.2).
 */
export function clientAuthError(reason: ClientAuthFailure, usedBasic: boolean, profile: 'keycloak' | 'rfc', realm: string): HttpError {
  const challenge = { 'WWW-Authenticate': `Basic realm="${realm}"` };
  if (profile === 'rfc') return oauthError(401, 'invalid_client', INVALID_CLIENT, usedBasic || reason === 'bad_basic_header' ? challenge : {});
  switch (reason) {
    case 'bad_basic_header':
      return oauthError(401, 'invalid_client', INVALID_CLIENT, challenge);
    case 'missing_secret':
    case 'wrong_secret':
      return oauthError(401, 'unauthorized_client', INVALID_CLIENT);
    default:
      return oauthError(401, 'invalid_client', INVALID_CLIENT);
  }
}
