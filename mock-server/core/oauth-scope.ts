/** RFC 6749 3.3 scope-token: printable ASCII but space, `"` and `\` (so it can be quoted in a header as is). */
export const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/**
 * Whether a space-separated `scope` claim holds `wanted`. indexOf and two character checks, no split:
 * the gateway runs it on every request, cached token or not.
 */
export function hasScope(scope: unknown, wanted: string): boolean {
  if (typeof scope !== 'string') return false;
  for (let at = scope.indexOf(wanted); at !== -1; at = scope.indexOf(wanted, at + 1)) {
    const end = at + wanted.length;
    if ((at === 0 || scope.charCodeAt(at - 1) === 0x20) && (end === scope.length || scope.charCodeAt(end) === 0x20)) return true;
  }
  return false;
}
