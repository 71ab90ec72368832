/**
 * The one error type handlers throw. `code` and `message` are rendered by the envelope of the surface
 * that owns the path, unless the thrower supplies the exact `body` the upstream sends.
 */
export class HttpError extends Error {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly hint: string | undefined;
  /** Extra members of the rendered error body (e.g. ProblemDetails `errors`). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: { headers?: Record<string, string>; body?: unknown; hint?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.headers = options.headers ?? {};
    this.body = options.body;
    this.hint = options.hint;
    this.details = options.details;
  }
}
