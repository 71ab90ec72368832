import type { GatewaySchema } from '../../../openapi/gateway-schema.js';
import { SIGNING_ALG } from '../key-ring.js';
import { realmUrls } from '../realm-urls.js';

const SIGNING_ALGS = ['PS384', 'RS384', 'EdDSA', 'ES384', 'HS256', 'HS512', 'ES256', 'RS256', 'HS384', 'ES512', 'PS256', 'PS512', 'RS512'];
const ENC_ALGS = ['ECDH-ES+A256KW', 'ECDH-ES+A192KW', 'ECDH-ES+A128KW', 'RSA-OAEP', 'RSA-OAEP-256', 'RSA1_5', 'ECDH-ES'];
const ENC_ENCS = ['A256GCM', 'A192GCM', 'A128GCM', 'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512'];
const CLIENT_AUTH = ['private_key_jwt', 'client_secret_basic', 'client_secret_post', 'tls_client_auth', 'client_secret_jwt'];

/** Keycloak's OpenID provider metadata (OIDCConfigurationRepresentation), every URL built from the issuer. */
export function discoveryDocument(issuer: string, scopes: readonly string[]): GatewaySchema<'DiscoveryDocument'> & Record<string, unknown> {
  const u = realmUrls(issuer);
  return {
    issuer: u.issuer,
    authorization_endpoint: u.authorization,
    token_endpoint: u.token,
    introspection_endpoint: u.introspection,
    userinfo_endpoint: u.userinfo,
    end_session_endpoint: u.endSession,
    frontchannel_logout_session_supported: true,
    frontchannel_logout_supported: true,
    jwks_uri: u.jwks,
    check_session_iframe: u.checkSessionIframe,
    grant_types_supported: [
      'authorization_code',
      'client_credentials',
      'implicit',
      'password',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:device_code',
      'urn:ietf:params:oauth:grant-type:token-exchange',
      'urn:ietf:params:oauth:grant-type:uma-ticket',
      'urn:openid:params:grant-type:ciba',
    ],
    acr_values_supported: ['0', '1'],
    response_types_supported: ['code', 'none', 'id_token', 'token', 'id_token token', 'code id_token', 'code token', 'code id_token token'],
    subject_types_supported: ['public', 'pairwise'],
    prompt_values_supported: ['none', 'login', 'consent'],
    id_token_signing_alg_values_supported: SIGNING_ALGS,
    id_token_encryption_alg_values_supported: ENC_ALGS,
    id_token_encryption_enc_values_supported: ENC_ENCS,
    userinfo_signing_alg_values_supported: [...SIGNING_ALGS, 'none'],
    userinfo_encryption_alg_values_supported: ENC_ALGS,
    userinfo_encryption_enc_values_supported: ENC_ENCS,
    request_object_signing_alg_values_supported: [...SIGNING_ALGS, 'none'],
    request_object_encryption_alg_values_supported: ENC_ALGS,
    request_object_encryption_enc_values_supported: ENC_ENCS,
    response_modes_supported: ['query', 'fragment', 'form_post', 'query.jwt', 'fragment.jwt', 'form_post.jwt', 'jwt'],
    registration_endpoint: u.registration,
    token_endpoint_auth_methods_supported: CLIENT_AUTH,
    token_endpoint_auth_signing_alg_values_supported: SIGNING_ALGS,
    introspection_endpoint_auth_methods_supported: CLIENT_AUTH,
    introspection_endpoint_auth_signing_alg_values_supported: SIGNING_ALGS,
    authorization_signing_alg_values_supported: SIGNING_ALGS,
    authorization_encryption_alg_values_supported: ENC_ALGS,
    authorization_encryption_enc_values_supported: ENC_ENCS,
    claims_supported: ['aud', 'sub', 'iss', 'auth_time', 'name', 'given_name', 'family_name', 'preferred_username', 'email', 'acr'],
    claim_types_supported: ['normal'],
    claims_parameter_supported: true,
    scopes_supported: ['openid', ...scopes.filter((s) => s !== 'openid')],
    request_parameter_supported: true,
    request_uri_parameter_supported: true,
    require_request_uri_registration: true,
    code_challenge_methods_supported: ['plain', 'S256'],
    tls_client_certificate_bound_access_tokens: true,
    revocation_endpoint: u.revocation,
    revocation_endpoint_auth_methods_supported: CLIENT_AUTH,
    revocation_endpoint_auth_signing_alg_values_supported: SIGNING_ALGS,
    backchannel_logout_supported: true,
    backchannel_logout_session_supported: true,
    device_authorization_endpoint: u.deviceAuthorization,
    backchannel_token_delivery_modes_supported: ['poll', 'ping'],
    backchannel_authentication_endpoint: u.backchannelAuthentication,
    backchannel_authentication_request_signing_alg_values_supported: ['PS384', 'RS384', 'EdDSA', 'ES384', 'ES256', 'RS256', 'ES512', 'PS256', 'PS512', 'RS512'],
    require_pushed_authorization_requests: false,
    pushed_authorization_request_endpoint: u.pushedAuthorizationRequest,
    mtls_endpoint_aliases: {
      token_endpoint: u.token,
      revocation_endpoint: u.revocation,
      introspection_endpoint: u.introspection,
      device_authorization_endpoint: u.deviceAuthorization,
      registration_endpoint: u.registration,
      userinfo_endpoint: u.userinfo,
      pushed_authorization_request_endpoint: u.pushedAuthorizationRequest,
      backchannel_authentication_endpoint: u.backchannelAuthentication,
    },
    authorization_response_iss_parameter_supported: true,
  };
}

/** The access-token algorithm this realm signs with (the discovery lists what Keycloak could use). */
export const ACCESS_TOKEN_ALG = SIGNING_ALG;
