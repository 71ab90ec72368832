import type { ErrorEnvelope } from '../../core/envelopes.js';
import { HttpError } from '../../core/http-error.js';

/** Signicat's problem types: its token error page, and Assure's own for the rest (api-facts 5.10). */
const TOKEN_PROBLEM = 'https://developer.signicat.com/docs/error-codes/';
const CLIENT_PROBLEM = 'base:client-problem';
const SERVER_PROBLEM = 'base:server-problem';

const TITLES: Record<number, string> = {
  400: 'Invalid request parameter',
  401: 'Invalid authentication token.',
  403: 'Forbidden.',
  404: 'Not found.',
  405: 'Method not allowed.',
  409: 'Conflict.',
  413: 'Payload too large.',
  415: 'Unsupported media type.',
  429: 'Too many requests.',
  503: 'Service unavailable.',
};

interface Problem {
  title?: string;
  type?: string;
  code?: string;
  invalidParams?: Array<{ name: string; reason: string }>;
}

/** Assure's body: `{instance, method, status, type, title, detail, traceId}`, `code` and `invalidParams` where Signicat adds them. */
export const assureEnvelope: ErrorEnvelope = (e, requestId, request) => {
  const problem = (e.details ?? {}) as Problem;
  const shared = e.envelope !== assureEnvelope;
  return {
    contentType: 'application/json',
    body: {
      instance: request.path,
      method: request.method,
      status: e.status,
      type: problem.type ?? (e.status === 401 ? TOKEN_PROBLEM : e.status >= 500 ? SERVER_PROBLEM : CLIENT_PROBLEM),
      title: problem.title ?? TITLES[e.status] ?? (e.status >= 500 ? 'Internal server error.' : 'Bad request.'),
      detail: e.message,
      ...(problem.code === undefined
        ? e.status === 401
          ? { code: 'invalid_token' }
          : shared && e.status === 400
            ? { code: 'invalid_request_parameter' }
            : {}
        : { code: problem.code }),
      ...(problem.invalidParams === undefined ? {} : { invalidParams: problem.invalidParams }),
      // Signicat's trace id is 32 hex: the W3C trace id inside our request id.
      traceId: requestId.slice(3, 35),
      ...(e.hint === undefined ? {} : { hint: e.hint }),
    },
  };
};

const assureError = (status: number, detail: string, problem: Problem = {}, headers: Record<string, string> = {}): HttpError =>
  new HttpError(status, problem.code ?? 'assure_error', detail, { envelope: assureEnvelope, details: { ...problem }, headers });

export const malformedAuthorization = (): HttpError =>
  assureError(400, 'Please provide a valid Bearer authentication.', { title: 'Malformed Authorization header.', type: CLIENT_PROBLEM });

export const invalidToken = (detail: string): HttpError =>
  assureError(
    401,
    detail,
    { title: 'Invalid authentication token.', type: TOKEN_PROBLEM, code: 'invalid_token' },
    { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  );

export const invalidParams = (params: Array<{ name: string; reason: string }>): HttpError =>
  assureError(400, params.map((p) => `${p.name}: ${p.reason}`).join('; '), {
    title: 'Invalid request parameter',
    code: 'invalid_request_parameter',
    invalidParams: params,
  });

export const invalidParam = (name: string, reason: string): HttpError => invalidParams([{ name, reason }]);

/** Unknown, or another client's: one answer, so ids cannot be probed. */
export const dossierNotFound = (): HttpError => assureError(404, 'The dossier was not found.');
export const processNotFound = (): HttpError => assureError(404, 'The process was not found.');
export const imageNotFound = (kind: string): HttpError => assureError(404, `There is no ${kind} image.`);
export const notFound = (detail: string): HttpError => assureError(404, detail);

export const conflict = (detail: string): HttpError => assureError(409, detail, { title: 'Conflict.' });
export const tooManyProcesses = (max: number): HttpError =>
  assureError(409, `A dossier holds at most ${max} processes; delete one first.`, { title: 'Conflict.' });
