import express, { type Request, type RequestHandler, type Response } from 'express';
import type { MockConfig } from '../config.js';
import { gatewayError as gatewayErrorOf } from '../core/errors.js';
import type { HttpError } from '../core/http-error.js';
import { noteOf } from '../pipeline/request-note.js';
import { errorDescription } from './error-description.js';
import { hasScope } from '../core/oauth-scope.js';
import type { ScenarioRuntime } from '../scenario-engine/runtime.js';
import type { ClientRegistry } from './client-registry.js';
import type { AccessTokenClaims } from './token-issuer.js';
import { TokenRejected, type TokenVerifier } from './token-verifier.js';

/** Who is calling a gateway route, once the guard let the request through. */
export interface Principal {
  clientId: string;
  productKey: string;
  claims: AccessTokenClaims;
}

export const PRODUCT_KEY_HEADER = 'zs-product-key';

// Azure API Management's texts: the product-key vocabulary and its 401/403 contract match APIM (api-facts 1.2).
const MISSING_KEY = 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';
const INVALID_KEY = 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';
const FOREIGN_KEY = 'Access denied due to invalid subscription key. The key does not belong to the client of the access token.';
const ROTATED_KEY = 'Access denied due to invalid subscription key. The key has been rotated; use your other key.';
const BAD_TOKEN = 'Unauthorized. Access token is missing or invalid.';
const MISSING_SCOPE = 'Access denied due to insufficient scope. The access token needs the scope';
const TOKEN_TWICE = 'Bad request. Send the access token in the Authorization header only.';
const UNREADABLE_FORM = 'Bad request. The form body could not be read.';

/** The gateway answers before any API behind it, so its body is the same whatever surface the path belongs to. */
const gatewayError = (status: number, message: string, headers: Record<string, string> = {}): HttpError =>
  gatewayErrorOf(status, status === 401 ? 'unauthorized' : status === 400 ? 'invalid_request' : 'forbidden', message, { headers });

function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined || header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  const token = header.slice(7).trim();
  return token === '' ? undefined : token;
}

/** RFC 6750 section 2: a client must not use more than one method to send the token. */
const tokenSentTwice = (): HttpError =>
  gatewayError(400, TOKEN_TWICE, { 'WWW-Authenticate': 'Bearer error="invalid_request", error_description="The access token was sent in more than one way"' });

/**
 * Whether the query names `access_token` as well. Express parses `req.query` on every read, so the raw
 * URL is looked at first with two indexOf calls: only a query that names the parameter, or that could
 * hide it behind percent-encoding, is parsed.
 */
function queryHasAccessToken(req: Request): boolean {
  const { url } = req;
  const q = url.indexOf('?');
  if (q === -1 || (url.indexOf('access_token', q) === -1 && url.indexOf('%', q) === -1)) return false;
  return (req.query as Record<string, unknown>).access_token !== undefined;
}

/** Anchored, so it gives up at the first character that differs, however long the header. */
const FORM_TYPE = /^application\/x-www-form-urlencoded/i;
const isFormEncoded = (type: string | undefined): boolean => type !== undefined && FORM_TYPE.test(type);

/**
 * Whether a form-encoded body names `access_token` (RFC 6750 2.2). Only form bodies are read here, which
 * no SDK or backend call sends; once read, the request is finished, so the body parsers behind the guard
 * pass it on untouched (an upload still sees its Content-Length) and the JSON routes answer 415.
 */
async function formHasAccessToken(req: Request, res: Response, parser: RequestHandler): Promise<boolean> {
  try {
    await new Promise<void>((resolve, reject) => {
      void parser(req, res, (err?: unknown) => {
        if (err === undefined) resolve();
        else reject(err instanceof Error ? err : new Error('the form body could not be read'));
      });
    });
  } catch (e) {
    const status = (e as { status?: unknown }).status;
    throw gatewayError(typeof status === 'number' && status >= 400 && status < 500 ? status : 400, UNREADABLE_FORM);
  }
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null && Object.hasOwn(body, 'access_token');
}

// The description may echo the token's own header (its `alg`): errorDescription keeps it quotable and short.
const invalidToken = (description: string): HttpError =>
  gatewayError(401, BAD_TOKEN, { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${errorDescription(description)}"` });

/**
 * Every `/mobilesdk/**` route: the product key first (the gateway checks subscriptions before policies),
 * then the bearer token (from the Authorization header only, as APIM's validate-jwt reads it: an
 * `access_token` in the query or a form alone is a missing token, and beside the header a 400) and its
 * scope, then that the key belongs to the token's client; last, the token's scenario (a rotated key, an
 * expired token, latency or a fault) if it has one.
 */
export function gatewayGuard(
  clients: ClientRegistry,
  verifier: TokenVerifier,
  config: MockConfig['gateway'],
  scenarios: ScenarioRuntime,
  formBodyBytes: number,
): RequestHandler {
  const formParser = express.urlencoded({ extended: false, limit: formBodyBytes, parameterLimit: 100 });
  const missingChallenge = config.missingTokenChallenge === 'bare' ? 'Bearer' : 'Bearer error="invalid_token"';
  const requiredScope = config.requiredScope === false ? undefined : config.requiredScope;
  // The scope is a validated scope token (no `"` or `\`), so it is quoted as is.
  const insufficientScope = (): HttpError =>
    gatewayError(config.insufficientScopeStatus, config.insufficientScopeStatus === 401 ? BAD_TOKEN : `${MISSING_SCOPE} ${requiredScope}.`, {
      'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${requiredScope}"`,
    });
  return async (req, res, next) => {
    const productKey = req.headers[PRODUCT_KEY_HEADER];
    if (typeof productKey !== 'string' || productKey === '') throw gatewayError(401, MISSING_KEY);
    const keyRecord = await clients.lookupProductKey(productKey);
    if (!keyRecord || keyRecord.status !== 'active') throw gatewayError(401, INVALID_KEY);
    const token = bearerToken(req);
    if (token === undefined) throw gatewayError(401, BAD_TOKEN, { 'WWW-Authenticate': missingChallenge });
    if (queryHasAccessToken(req) || (isFormEncoded(req.headers['content-type']) && (await formHasAccessToken(req, res, formParser)))) throw tokenSentTwice();
    let claims: AccessTokenClaims;
    try {
      claims = await verifier.verify(token);
    } catch (e) {
      if (!(e instanceof TokenRejected)) throw e;
      throw invalidToken(e.message);
    }
    if (requiredScope !== undefined && !hasScope(claims.scope, requiredScope)) throw insufficientScope();
    if (keyRecord.clientId !== claims.azp) {
      throw gatewayError(config.foreignProductKeyStatus, config.foreignProductKeyStatus === 401 ? INVALID_KEY : FOREIGN_KEY);
    }
    const note = noteOf(res);
    note.clientId = claims.azp;
    setPrincipal(res, { clientId: claims.azp, productKey, claims });
    const refusal = await scenarios.tokenCall(claims.jti, productKey, note);
    if (refusal?.kind === 'expired') throw invalidToken('The token expired');
    if (refusal?.kind === 'rotated-key') throw gatewayError(refusal.status, refusal.status === 401 ? INVALID_KEY : ROTATED_KEY);
    next();
  };
}

function setPrincipal(res: Response, principal: Principal): void {
  res.locals.principal = principal;
}

/** The authenticated caller; only valid behind {@link gatewayGuard}. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('principalOf used on a route without the gateway guard');
  return principal;
}
