import { readFileSync } from 'node:fs';
import type { TlsCredentials } from './server-credentials.js';

/**
 * The CAs the mock's own outgoing calls (webhooks) trust besides node's roots: the development CA, so a
 * webhook to the mock's own sink over https is delivered, and the file NODE_EXTRA_CA_CERTS names, since
 * a CA list of one's own replaces node's (extras included). Configured files: node's trust, unchanged.
 */
export function outgoingTrust(origin: TlsCredentials['origin'], extraCaFile: string | undefined): string[] {
  if (origin.kind !== 'development') return [];
  return [origin.ca.pem.cert, ...(extraCaFile ? readable(extraCaFile) : [])];
}

/** node warns about an unreadable NODE_EXTRA_CA_CERTS itself, at start. */
function readable(path: string): string[] {
  try {
    return [readFileSync(path, 'utf8')];
  } catch {
    return [];
  }
}
