import type { RequestHandler } from 'express';
import { HttpError } from '../../core/http-error.js';

/**
 * Refuses a console form post another site's page made (cross-site request forgery): on loopback the
 * console needs no credentials, so any page the developer visits could otherwise post to it. Browsers say
 * where a post comes from (`Sec-Fetch-Site`, `Origin`); a client that sends neither (curl, a test) is no
 * browser tricked into it, and the admin plane's own auth still applies to it.
 */
export function sameOriginPosts(): RequestHandler {
  return function sameOriginPost(req, _res, next) {
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const host = req.get('host');
    let foreign = site !== undefined && site !== 'same-origin' && site !== 'none';
    if (!foreign && origin !== undefined) {
      try {
        foreign = origin === 'null' || new URL(origin).host !== host;
      } catch {
        foreign = true;
      }
    }
    if (foreign) throw new HttpError(403, 'mock_cross_site', 'Console forms are taken only from the console’s own pages (this post came from another site).');
    next();
  };
}
