import type { Request } from 'express';

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
