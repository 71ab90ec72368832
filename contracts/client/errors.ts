import type { GatewayErrorBody, OAuthErrorBody, ProblemDetails } from './types.js';

/** Any answer the client could not use: the status, the parsed body (or its text) and the headers. */
export class ZignSecError<Body = unknown> extends Error {
  override name = 'ZignSecError';

  constructor(
    readonly status: number,
    readonly body: Body,
    readonly headers: Headers,
    message: string,
  ) {
    super(message);
  }

  /** Seconds the server asked to wait (429, 502, 503), if it said. */
  get retryAfterSeconds(): number | undefined {
    const value = this.headers.get('retry-after');
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  }
}

/** The realm (Keycloak) refused: `{error, error_description}`. */
export class OidcError extends ZignSecError<OAuthErrorBody> {
  override name = 'OidcError';
}

/** The gateway in front of the APIs refused (auth, rate limit, fault): `{statusCode, message}`. */
export class GatewayError extends ZignSecError<GatewayErrorBody> {
  override name = 'GatewayError';

  /** The bearer token was missing or refused (a `Bearer` challenge), as opposed to the product key. */
  get tokenRejected(): boolean {
    return /^bearer\b/i.test(this.headers.get('www-authenticate') ?? '');
  }
}

/** The session API refused: ASP.NET ProblemDetails, with `errors` on validation failures. */
export class SessionProblem extends ZignSecError<ProblemDetails & { errors?: Record<string, string[]> }> {
  override name = 'SessionProblem';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Reads a failed response and picks the error type by the body's shape, which tells who answered. */
export async function errorFrom(res: Response): Promise<ZignSecError> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text.
  }
  const where = `${res.status} from ${new URL(res.url || 'http://unknown').pathname}`;
  if ((res.headers.get('content-type') ?? '').startsWith('application/problem+json') && isObject(body)) {
    return new SessionProblem(res.status, body as ProblemDetails, res.headers, `${where}: ${String(body.detail ?? body.title)}`);
  }
  if (isObject(body) && typeof body.statusCode === 'number' && typeof body.message === 'string') {
    return new GatewayError(res.status, body as GatewayErrorBody, res.headers, `${where}: ${body.message}`);
  }
  if (isObject(body) && typeof body.error === 'string') {
    return new OidcError(res.status, body as OAuthErrorBody, res.headers, `${where}: ${body.error}${body.error_description ? ` (${String(body.error_description)})` : ''}`);
  }
  return new ZignSecError(res.status, body, res.headers, `${where}: unexpected answer`);
}
