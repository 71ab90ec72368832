import type { RequestHandler } from 'express';
import { HttpError } from '../../core/http-error.js';

/**
 * Refuses a console form post another site's page made (cross-site request forgery): on loopback the
 * console needs no credentials, so any page the developer visits could otherwise post to it. Browsers say
 * where a post comes from in `Sec-Fetch-Site`, which wins; without it, `Origin` must be this host (the
 * console's pages send no referrer, so a browser may say `Origin: null` there, which is refused). A
 * client that sends neither (curl, a test) is no browser tricked into it; the admin plane's auth still applies.
 */
export function sameOriginPosts(): RequestHandler {
  return function sameOriginPost(req, _res, next) {
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    let foreign: boolean;
    if (site !== undefined) foreign = site !== 'same-origin' && site !== 'none';
    else if (origin === undefined) foreign = false;
    else {
      try {
        foreign = origin === 'null' || new URL(origin).host !== req.get('host');
      } catch {
        foreign = true;
      }
    }
    if (foreign) throw new HttpError(403, 'mock_cross_site', 'Console forms are taken only from the console’s own pages (this post came from another site).');
    next();
  };
}
