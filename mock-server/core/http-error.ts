/**
 * The one error type handlers throw. `code` and `message` are rendered by the envelope of the surface
 * that owns the path, unless the thrower supplies the exact `body` the upstream sends.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly hint: string | undefined;
  /** Extra members of the rendered error body (e.g. ProblemDetails `errors`). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { headers?: Record<string, string>; body?: unknown; hint?: string; details?: Record<string, unknown> } = {},
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
    this.body = options.body;
    this.hint = options.hint;
    this.details = options.details;
  }
}
