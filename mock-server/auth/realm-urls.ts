import type { Request } from 'express';

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

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The base URL clients reach us at: the configured public URL, else the request's own scheme and Host
 * (what Keycloak does when no frontend URL is set). A malformed Host falls back to the listening address.
 */
export function publicBaseUrl(req: Request, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  const host = req.get('host');
  if (host && HOST.test(host)) return `${req.protocol}://${host}`;
  const { localAddress, localPort } = req.socket;
  const address = localAddress?.includes(':') ? `[${localAddress}]` : localAddress;
  return `${req.protocol}://${address ?? '127.0.0.1'}:${localPort ?? 80}`;
}

export const realmPath = (realm: string): string => `/auth/realms/${realm}`;
