import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../core/http-error.js';
import { isLoopback } from './loopback.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Open while the mock listens on loopback only; beyond it, every admin call but health needs
 * `Authorization: Bearer <admin.token>`, and without a configured token the admin API stays shut.
 */
export function adminAuth(host: string, token: string | undefined): RequestHandler {
  if (isLoopback(host))
    return (_req, _res, next) => {
      next();
    };
  return (req, _res, next) => {
    if (req.path === '/health') {
      next();
      return;
    }
    if (token === undefined) {
      throw new HttpError(403, 'mock_admin_disabled', 'The admin API is disabled: the mock listens beyond loopback and no admin.token is configured.');
    }
    const given = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), digest(token))) {
      throw new HttpError(401, 'mock_admin_unauthorized', 'The admin API needs Authorization: Bearer <admin.token>.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="mock-admin"' },
      });
    }
    next();
  };
}
