import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../core/http-error.js';
import { isLoopback } from './loopback.js';
import { CA_PATHS } from './tls.routes.js';

/** Open to anyone: health, and the development CA's certificate (public by nature; a phone fetches it before it trusts anything). */
const OPEN = new Set<string>(['/health', CA_PATHS.pem, CA_PATHS.der]);

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The Host a request names, without its port (`[::1]:8080` -> `[::1]`), lower case. */
function hostName(header: string | undefined): string {
  const host = (header ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

const bearer = (header: string | undefined): string | undefined => /^Bearer (.+)$/i.exec(header ?? '')?.[1];
const sameToken = (given: string | undefined, token: string | undefined): boolean =>
  given !== undefined && token !== undefined && timingSafeEqual(digest(given), digest(token));

/**
 * Open while the mock listens on loopback only, to requests addressed to it by a loopback name or one of
 * `names` (admin.hosts, the public URL's host): a web page whose own name was re-pointed at 127.0.0.1 (DNS
 * rebinding) reaches the socket but names its own host, and gets 403. The admin token opens it under any
 * Host. Beyond loopback, every admin call but health needs `Authorization: Bearer <admin.token>`, and
 * without a configured token the admin API stays shut.
 */
export function adminAuth(host: string, token: string | undefined, names: readonly string[] = []): RequestHandler {
  if (isLoopback(host)) {
    const known = new Set(names.map((n) => n.toLowerCase()));
    return (req, _res, next) => {
      const name = hostName(req.headers.host);
      if (OPEN.has(req.path) || isLoopback(name) || known.has(name) || sameToken(bearer(req.get('authorization')), token)) {
        next();
        return;
      }
      throw new HttpError(
        403,
        'mock_admin_host',
        'The admin API answers requests addressed to this machine by a loopback name (localhost, 127.0.0.1, [::1]) or a name in admin.hosts; another Host may be a page that re-pointed its own name here.',
      );
    };
  }
  return (req, _res, next) => {
    if (OPEN.has(req.path)) {
      next();
      return;
    }
    if (token === undefined) {
      throw new HttpError(403, 'mock_admin_disabled', 'The admin API is disabled: the mock listens beyond loopback and no admin.token is configured.');
    }
    if (!sameToken(bearer(req.get('authorization')), token)) {
      throw new HttpError(401, 'mock_admin_unauthorized', 'The admin API needs Authorization: Bearer <admin.token>.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="mock-admin"' },
      });
    }
    next();
  };
}
