import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { ErrorEnvelope } from '../core/envelopes.js';
import { HttpError } from '../core/http-error.js';
import { QuotaExceeded } from '../core/quota-exceeded.js';
import { ConnectionReset } from '../core/connection-reset.js';
import { StoreUnavailable } from '../core/store-unavailable.js';
import type { EnvelopeRegistry } from './envelopes.js';
import { noteOf } from './request-note.js';
import type { RouteCatalog } from './route-catalog.js';

interface Logger {
  error(obj: object, msg: string): void;
}

/** Body-parser and http-errors carry `status` and `type`; turn the client-caused ones into HttpErrors. */
function fromParserError(err: { status?: unknown; type?: unknown; message?: unknown }): HttpError | undefined {
  const status = typeof err.status === 'number' ? err.status : undefined;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  switch (err.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'invalid_request', 'The request body is not valid JSON.');
    // Raised by json-body.ts with texts of its own (no client input in them).
    case 'entity.too.deep':
    case 'entity.key.forbidden':
      return new HttpError(400, 'invalid_request', String(err.message));
    case 'content-type.unsupported':
      return new HttpError(415, 'unsupported_media_type', 'The request body must be JSON (application/json or application/*+json).');
    case 'entity.too.large':
      return new HttpError(413, 'payload_too_large', 'The request body is larger than this route accepts.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_media_type', 'The request body encoding or charset is not supported.');
    case 'request.aborted':
      return new HttpError(400, 'invalid_request', 'The request was aborted.');
    default:
      return new HttpError(status, 'invalid_request', 'The request could not be read.');
  }
}

/**
 * Unknown routes: 404 naming the nearest known route, or 405 with Allow when only the method is wrong.
 * `reject` renders the refusal (by default it is passed on to the next error handler).
 */
export function unmatchedHandler(
  catalog: RouteCatalog,
  reject: (err: HttpError, req: Request, res: Response, next: NextFunction) => void = (err, _req, _res, next) => {
    next(err);
  },
): RequestHandler {
  return (req, res, next) => {
    noteOf(res).unmatched = true;
    // The catalog bounds its own work, whatever the path's length (a 404 costs about a ping). Inside a
    // surface's router req.path is relative to its mount.
    const match = catalog.explain(req.method, req.baseUrl + req.path);
    if (match.kind === 'method-not-allowed') {
      reject(
        new HttpError(405, 'method_not_allowed', `${req.method} is not allowed on this resource.`, {
          headers: { Allow: match.allow.join(', ') },
        }),
        req,
        res,
        next,
      );
      return;
    }
    const hint = match.nearest === undefined ? undefined : `nearest known route: ${match.nearest}`;
    reject(
      new HttpError(404, 'not_found', 'Resource not found', {
        ...(hint === undefined ? {} : { hint, headers: { 'X-Mock-Hint': hint } }),
      }),
      req,
      res,
      next,
    );
  };
}

const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
};

/** Renders any error in an envelope: the raiser's own if it chose one, else the one given. */
export type ErrorRenderer = (err: unknown, req: Request, res: Response, next: NextFunction, envelope: ErrorEnvelope) => void;

/** The only place that turns errors into HTTP responses. Nothing a client sends produces a stack trace. */
export function errorRenderer(log: Logger, newRequestId: () => string): ErrorRenderer {
  return (err, req, res, next, fallback) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof ConnectionReset) {
      req.socket.resetAndDestroy();
      return;
    }
    const requestId = newRequestId();
    const known =
      err instanceof HttpError
        ? err
        : err instanceof QuotaExceeded
          ? new HttpError(429, 'too_many_requests', err.message, { headers: { 'Retry-After': String(err.retryAfterSeconds) } })
          : err instanceof StoreUnavailable
            ? // The shared store is away: a transient refusal the client may retry, not a bug to log per request.
              new HttpError(503, 'service_unavailable', 'The mock cannot reach its shared store; try again shortly.', { headers: { 'Retry-After': '1' } })
            : fromParserError(err ?? {});
    const error = known ?? new HttpError(500, 'mock_internal_error', `Internal error (request ${requestId}).`);
    if (known === undefined) log.error({ err, method: req.method, path: req.path, requestId }, 'unhandled error');
    const rendered = (error.envelope ?? fallback)(error, requestId, { method: req.method, path: pathOf(req.originalUrl) });
    // Written directly rather than through express's send (freshness, ETag and type lookups): a refusal is a hot path.
    res.statusCode = error.status;
    for (const name in error.headers) res.setHeader(name, error.headers[name]!);
    if (rendered.body === null) {
      res.end();
      return;
    }
    const text = JSON.stringify(rendered.body);
    res.setHeader('Content-Type', rendered.contentType.includes('charset') ? rendered.contentType : `${rendered.contentType}; charset=utf-8`);
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
  };
}

/** The app's last handler: errors raised outside any surface, in the envelope of the path's owner. */
export function errorHandler(envelopes: EnvelopeRegistry, render: ErrorRenderer): ErrorRequestHandler {
  return function appErrors(err: unknown, req, res, next) {
    render(err, req, res, next, envelopes.forPath(req.path));
  };
}

/**
 * Ends a surface's router: its unknown paths are answered from its own routes, and its errors rendered
 * in its envelope right there, so they never travel the rest of the app's stack.
 */
export function surfaceFinisher(render: ErrorRenderer) {
  return (router: Router, own: RouteCatalog, envelope: ErrorEnvelope): void => {
    // Rendered on the spot, not passed down the router's error chain: an unknown path is a hot path under attack.
    router.use(
      unmatchedHandler(own, (err, req, res, next) => {
        render(err, req, res, next, envelope);
      }),
    );
    router.use(function surfaceErrors(err: unknown, req: Request, res: Response, next: NextFunction) {
      render(err, req, res, next, envelope);
    });
  };
}
