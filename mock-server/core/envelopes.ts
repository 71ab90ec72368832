import type { HttpError } from './http-error.js';

export interface RenderedError {
  contentType: string;
  body: unknown;
}

/**
 * Renders an error in one upstream's own error body. Pure functions: each surface names its own, and an
 * error carries the one of whoever raised it (see HttpError.envelope).
 */
export type ErrorEnvelope = (error: HttpError, requestId: string, request: ErrorRequest) => RenderedError;

/** What an envelope may echo of the request (Signicat's body names the path and the method). */
export interface ErrorRequest {
  method: string;
  /** The path as the client sent it, without the query. */
  path: string;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const withHint = (body: Record<string, unknown>, e: HttpError): Record<string, unknown> => ({
  ...body,
  ...e.details,
  ...(e.hint === undefined ? {} : { hint: e.hint }),
});

/** Keycloak: `{error, error_description}`; with no description (e.g. an unknown realm) only `{error}`. */
export const oauthEnvelope: ErrorEnvelope = (e) => ({
  contentType: 'application/json',
  body: withHint(e.message === '' ? { error: e.code } : { error: e.code, error_description: e.message }, e),
});

/** The gateway layer in front of the APIs (Azure API Management shape, see api-facts 1.2). */
export const gatewayEnvelope: ErrorEnvelope = (e) => ({
  contentType: 'application/json',
  body: withHint({ statusCode: e.status, message: e.message }, e),
});

/** Regula's web services: the Face API's `OperationLog` (`statusCode`, `type`, `msg`). */
export const regulaEnvelope: ErrorEnvelope = (e) => ({
  contentType: 'application/json',
  body: withHint({ statusCode: e.status, type: REASONS[e.status]?.replace(/ /g, '') ?? 'Error', msg: e.message }, e),
});

/** ASP.NET Core ProblemDetails, as the .NET session API answers. */
export const problemEnvelope: ErrorEnvelope = (e, requestId) => ({
  contentType: 'application/problem+json; charset=utf-8',
  body: withHint(
    {
      type: `https://tools.ietf.org/html/rfc9110#section-15.${e.status >= 500 ? 6 : 5}.${(e.status % 100) + 1}`,
      title: REASONS[e.status] ?? 'Error',
      status: e.status,
      detail: e.message,
      traceId: requestId,
    },
    e,
  ),
});

/** ZignSec's codes are upper snake case; what the shared plumbing raises (bad JSON, quotas, unknown routes) gets the nearest one. */
const ZIGNSEC_CODE = /^[A-Z][A-Z0-9_]*$/;
const zignsecCodeOf = (e: HttpError): string => {
  if (ZIGNSEC_CODE.test(e.code)) return e.code;
  if (e.status === 401) return 'INVALID_APPID';
  if (e.status === 404) return 'NOT_FOUND';
  if (e.status === 405) return 'METHOD_NOT_ALLOWED';
  if (e.status === 429) return 'TOO_MANY_REQUESTS';
  return e.status < 500 ? 'INVALID_REQUEST' : 'Internal Exception';
};

/** ZignSec scanning v3: `{id, errors:[{code, description}], redirect_url}`, with `id` and `redirect_url` null (api-facts 4.6). */
export const zignsecEnvelope: ErrorEnvelope = (e) => ({
  contentType: 'application/json; charset=utf-8',
  body: {
    id: null,
    errors: [{ code: zignsecCodeOf(e), description: e.message }],
    redirect_url: null,
    ...e.details,
    ...(e.hint === undefined ? {} : { hint: e.hint }),
  },
});
