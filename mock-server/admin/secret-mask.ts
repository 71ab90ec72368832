/**
 * What the control plane hides when it shows headers and bodies: credentials, so a console on a shared
 * screen or a pasted exchange gives none away. The last four characters stay, enough to tell keys apart.
 */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'zs-product-key', 'x-api-key']);

/** Body fields whose values are credentials, in JSON and in forms. */
const SECRET_FIELDS = [
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'secret',
  'password',
  'assertion',
  'authorizationHeader',
  'apiKeys',
  'productKeys',
];
const FIELDS = SECRET_FIELDS.join('|');
const JSON_FIELD = new RegExp(`("(?:${FIELDS})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|\\[[^\\]]*\\])`, 'g');
const FORM_FIELD = new RegExp(`(^|&)(${FIELDS})=([^&]*)`, 'g');
/** A value the preview cut before its closing quote. */
const CUT_JSON_FIELD = new RegExp(`("(?:${FIELDS})"\\s*:\\s*)("[^"]*|\\[[^\\]]*)$`);

export const MASK = '••••';

/** `••••` and the last four characters, of a value long enough (16 or more) that four give little away. */
export function maskValue(value: string): string {
  return value.length < 16 ? MASK : `${MASK}${value.slice(-4)}`;
}

/** A header's value as shown: an auth scheme stays readable (`Bearer ••••abcd`), cookies show names only. */
export function maskHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (!SECRET_HEADERS.has(lower)) return value;
  if (lower === 'cookie' || lower === 'set-cookie') return value.replace(/=([^;,]*)/g, `=${MASK}`);
  const scheme = /^([A-Za-z][A-Za-z0-9._~+/-]*) (.+)$/.exec(value);
  return scheme ? `${scheme[1]!} ${maskValue(scheme[2]!)}` : maskValue(value);
}

/** Headers as `[name, value]` pairs, masked, arrays joined as HTTP would. */
export function maskedHeaders(headers: Readonly<Record<string, string | string[] | number | undefined>>): Array<[string, string]> {
  return Object.entries(headers)
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => [name, maskHeader(name, Array.isArray(v) ? v.join(', ') : String(v))]);
}

/** A body's text with credential fields masked, whether it is JSON or a form. */
export function maskBody(text: string): string {
  return text
    .replace(JSON_FIELD, (_m, key: string, value: string) => `${key}${value.startsWith('[') ? `["${MASK}"]` : `"${maskValue(value.slice(1, -1))}"`}`)
    .replace(CUT_JSON_FIELD, (_m, key: string) => `${key}"${MASK}`)
    .replace(FORM_FIELD, (_m, lead: string, key: string, value: string) => `${lead}${key}=${maskValue(value)}`);
}
