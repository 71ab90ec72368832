import type { AssureErrorBody } from './assure-types.js';
import type { ScanningErrorItem } from './scanning-types.js';
import type { GatewayErrorBody, OAuthErrorBody, OperationLog, ProblemDetails } from './types.js';

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

  /**
   * The product key was refused: a 401 without a `Bearer` challenge, or a 403 in APIM's subscription-key
   * vocabulary. A 403 that is not about the key (zero trust: the transaction is not bound to a session of
   * this client) is not: another key would be refused the same.
   */
  get productKeyRejected(): boolean {
    if (this.tokenRejected) return false;
    return this.status === 401 || (this.status === 403 && /subscription key/i.test(this.body.message));
  }
}

/** The session API refused: ASP.NET ProblemDetails, with `errors` on validation failures. */
export class SessionProblem extends ZignSecError<ProblemDetails & { errors?: Record<string, string[]> }> {
  override name = 'SessionProblem';
}

/** A Regula service refused (an unknown or unprocessed transaction, an invalid request, a processing error): `{statusCode, type, msg, metadata?}`. */
export class RegulaError extends ZignSecError<OperationLog> {
  override name = 'RegulaError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Scanning v3 refused: `{id: null, errors: [{code, description}], redirect_url: null}`. `code` and
 * `description` are the first error's; `errors` as `string[]` (ZignSec's v2 shape) gives descriptions
 * without a code, and an empty body (the mock's `unauthorizedBody: empty`, maybe ZignSec's) neither.
 */
export class ZignSecScanningError extends ZignSecError {
  override name = 'ZignSecScanningError';
  /** Every error of the body, as `{code, description}`; a bare string is a description without a code. */
  readonly errors: ReadonlyArray<{ code: string | undefined; description: string }>;

  constructor(status: number, body: unknown, headers: Headers, path: string) {
    const errors = scanningErrorsOf(body);
    const first = errors[0];
    super(status, body, headers, `${status} from ${path}: ${first ? `${first.code ?? 'error'} (${first.description})` : 'no error body'}`);
    this.errors = errors;
  }

  /** ZignSec's code, e.g. INVALID_REQUEST, INVALID_APPID, SESSION_NOT_FOUND. */
  get code(): string | undefined {
    return this.errors[0]?.code;
  }

  get description(): string | undefined {
    return this.errors[0]?.description;
  }
}

function scanningErrorsOf(body: unknown): Array<{ code: string | undefined; description: string }> {
  const list = isObject(body) && Array.isArray(body.errors) ? (body.errors as unknown[]) : [];
  return list.flatMap((e) => {
    if (typeof e === 'string') return [{ code: undefined, description: e }];
    if (!isObject(e)) return [];
    const item = e as Partial<Record<keyof ScanningErrorItem, unknown>>;
    return [{ code: typeof item.code === 'string' ? item.code : undefined, description: typeof item.description === 'string' ? item.description : '' }];
  });
}

/**
 * Signicat Assure refused: its body `{instance, method, status, type, title, detail, traceId}`, with
 * `code` on 401 (`invalid_token`) and `invalidParams` on a validation 400. `problem` is that body when the
 * answer had one (`body` keeps whatever came, e.g. a proxy's HTML).
 */
export class AssureApiError extends ZignSecError {
  override name = 'AssureApiError';
  readonly problem: AssureErrorBody | undefined;

  constructor(status: number, body: unknown, headers: Headers, path: string) {
    const problem = isObject(body) && typeof body.title === 'string' ? (body as AssureErrorBody) : undefined;
    super(
      status,
      body,
      headers,
      `${status} from ${path}: ${problem ? `${problem.title}${problem.detail ? ` (${problem.detail})` : ''}` : 'no Assure error body'}`,
    );
    this.problem = problem;
  }

  /** E.g. `Invalid authentication token.`, `Malformed Authorization header.`, `Not found.`, `Conflict.`. */
  get title(): string | undefined {
    return this.problem?.title;
  }

  get detail(): string | undefined {
    return this.problem?.detail;
  }

  /** `invalid_token` on 401, `invalid_request_parameter` on a validation 400. */
  get code(): string | undefined {
    return this.problem?.code;
  }

  get traceId(): string | undefined {
    return this.problem?.traceId;
  }

  get invalidParams(): NonNullable<AssureErrorBody['invalidParams']> {
    return this.problem?.invalidParams ?? [];
  }
}

/** A failed Assure answer as an {@link AssureApiError}, whatever its body. */
export async function assureErrorFrom(res: Response, path: string = new URL(res.url || 'http://unknown').pathname): Promise<AssureApiError> {
  return new AssureApiError(res.status, await bodyOf(res), res.headers, path);
}

/** A failed scanning v3 answer as a {@link ZignSecScanningError}, whatever its body. */
export async function scanningErrorFrom(res: Response): Promise<ZignSecScanningError> {
  return new ZignSecScanningError(res.status, await bodyOf(res), res.headers, new URL(res.url || 'http://unknown').pathname);
}

async function bodyOf(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text; // Not JSON: keep the text.
  }
}

/** Reads a failed response and picks the error type by the body's shape, which tells who answered. */
export async function errorFrom(res: Response): Promise<ZignSecError> {
  const body = await bodyOf(res);
  return errorOf(res.status, body, res.headers, new URL(res.url || 'http://unknown').pathname);
}

/**
 * The same for a failure of Regula's official web clients (axios): a ZignSecError for an error with the
 * answer in `response`, or, when no answer came, the error itself (hence `unknown`).
 */
export function errorFromAxios(e: unknown): unknown {
  const response = isObject(e) && isObject(e.response) ? e.response : undefined;
  if (!response || typeof response.status !== 'number') return e;
  const headers = new Headers();
  const raw = isObject(response.headers)
    ? typeof response.headers.toJSON === 'function'
      ? (response.headers.toJSON as () => unknown)()
      : response.headers
    : {};
  for (const [name, value] of Object.entries(raw as Record<string, AxiosHeaderValue | undefined>)) {
    if (value !== undefined && value !== null) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
  }
  let body: unknown = response.data;
  if (typeof body === 'string') {
    try {
      body = body ? JSON.parse(body) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
  }
  const config = isObject(response.config) ? response.config : {};
  const path = typeof config.url === 'string' ? new URL(config.url, 'http://unknown').pathname : 'unknown';
  return errorOf(response.status, body, headers, path);
}

/** What axios keeps as a header's value. */
type AxiosHeaderValue = string | string[] | number | boolean | null;

function errorOf(status: number, body: unknown, headers: Headers, path: string): ZignSecError {
  const res = { status, headers };
  const where = `${status} from ${path}`;
  if ((res.headers.get('content-type') ?? '').startsWith('application/problem+json') && isObject(body)) {
    return new SessionProblem(res.status, body as ProblemDetails, res.headers, `${where}: ${String(body.detail ?? body.title)}`);
  }
  if (isObject(body) && typeof body.statusCode === 'number' && typeof body.message === 'string') {
    return new GatewayError(res.status, body as GatewayErrorBody, res.headers, `${where}: ${body.message}`);
  }
  if (isObject(body) && typeof body.statusCode === 'number' && typeof body.msg === 'string') {
    return new RegulaError(res.status, body, res.headers, `${where}: ${body.msg}`);
  }
  if (isObject(body) && typeof body.error === 'string') {
    return new OidcError(
      res.status,
      body as OAuthErrorBody,
      res.headers,
      `${where}: ${body.error}${typeof body.error_description === 'string' && body.error_description ? ` (${body.error_description})` : ''}`,
    );
  }
  if (isObject(body) && Array.isArray(body.errors)) return new ZignSecScanningError(res.status, body, res.headers, path);
  return new ZignSecError(res.status, body, res.headers, `${where}: unexpected answer`);
}
