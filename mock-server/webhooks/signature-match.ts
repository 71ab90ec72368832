import { timingSafeEqual } from 'node:crypto';
import { hmacSha256, timestampedSignature } from './signing.js';

/** A key a signature may have been made with, and how to name it to a person (never the key itself). */
export interface CandidateKey {
  key: string;
  label: string;
}

const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The candidate whose HMAC-SHA256 of the exact body is `signature`, if any. */
export function matchHmac(body: string, signature: string, candidates: readonly CandidateKey[], encoding: 'base64' | 'hex'): CandidateKey | undefined {
  return candidates.find((c) => same(hmacSha256(body, c.key, encoding), signature.trim()));
}

/** The candidate that made a `t=<seconds>,v1=<hex>` signature of `t.body`, if any. */
export function matchTimestamped(body: string, signature: string, candidates: readonly CandidateKey[]): CandidateKey | undefined {
  const t = /(?:^|,)\s*t=(\d{1,12})(?:,|$)/.exec(signature)?.[1];
  if (t === undefined) return undefined;
  return candidates.find((c) => same(timestampedSignature(body, c.key, Number(t)), signature.trim()));
}
