/** Everything Keycloak derives from a realm's issuer. */
export function realmUrls(issuer: string) {
  const oidc = `${issuer}/protocol/openid-connect`;
  return {
    issuer,
    authorization: `${oidc}/auth`,
    token: `${oidc}/token`,
    introspection: `${oidc}/token/introspect`,
    userinfo: `${oidc}/userinfo`,
    endSession: `${oidc}/logout`,
    jwks: `${oidc}/certs`,
    checkSessionIframe: `${oidc}/login-status-iframe.html`,
    registration: `${issuer}/clients-registrations/openid-connect`,
    revocation: `${oidc}/revoke`,
    deviceAuthorization: `${oidc}/auth/device`,
    backchannelAuthentication: `${oidc}/ext/ciba/auth`,
    pushedAuthorizationRequest: `${oidc}/ext/par/request`,
  };
}

export const realmPath = (realm: string): string => `/auth/realms/${realm}`;
