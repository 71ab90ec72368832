/** Longer descriptions are cut: they echo client input (a scope, a token's `alg`) and end up in headers. */
const MAX_DESCRIPTION = 200;

/** Everything RFC 6749 5.2 and RFC 6750 3 forbid in `error_description`: `"`, `\`, controls and non-ASCII. */
const FORBIDDEN = /[^\x20\x21\x23-\x5B\x5D-\x7E]/g;

/**
 * An `error_description` as the RFCs allow it (printable ASCII but `"` and `\`), so it can also be quoted in
 * a `WWW-Authenticate` header as is. Cut before the replace, so the regex never runs over a large input.
 */
export function errorDescription(text: string): string {
  const bounded = text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 3)}...` : text;
  return bounded.replace(FORBIDDEN, '?');
}
