import { SIGNICAT_SCOPE } from './signicat-tokens.js';

/** IdentityServer's discovery document for a client-credentials-only token service, every URL under the issuer. */
export function signicatDiscovery(issuer: string) {
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
    token_endpoint: `${issuer}/connect/token`,
    scopes_supported: [SIGNICAT_SCOPE],
    claims_supported: ['client_id', 'scope'],
    grant_types_supported: ['client_credentials'],
    response_types_supported: ['token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    request_parameter_supported: false,
  };
}
