import type { ErrorEnvelope } from './envelopes.js';

/**
 * The one error type handlers throw. `code` and `message` are rendered in `envelope`, the error body of
 * whoever raised it (the gateway, Keycloak, Regula...); without one, in the body of the surface whose
 * router it left.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly envelope: ErrorEnvelope | undefined;
  readonly hint: string | undefined;
  /** Extra members of the rendered error body (e.g. ProblemDetails `errors`). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { headers?: Record<string, string>; envelope?: ErrorEnvelope; hint?: string; details?: Record<string, unknown> } = {},
  ) {
    // A client's mistake needs no stack trace, and capturing one is most of what a refusal costs.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = options.headers ?? {};
    this.envelope = options.envelope;
    this.hint = options.hint;
    this.details = options.details;
  }
}
