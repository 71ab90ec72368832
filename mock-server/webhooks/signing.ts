import { createHmac } from 'node:crypto';

/** HMAC-SHA256 of the exact body (UTF-8), keyed with `key` (UTF-8): ZignSec's `X-ZignSec-Hmac-SHA256` (api-facts 4.5). */
export const hmacSha256 = (body: string, key: string, encoding: 'base64' | 'hex'): string => createHmac('sha256', key).update(body, 'utf8').digest(encoding);

/** The gateway family's scheme: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` with a dedicated secret. */
export const timestampedSignature = (body: string, secret: string, timestampSeconds: number): string =>
  `t=${timestampSeconds},v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex')}`;
