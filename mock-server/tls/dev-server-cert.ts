import { createPrivateKey, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { DevCa } from './dev-ca.js';
import { CERT_MODE, KEY_MODE, readIfPresent, writeAtomically } from './tls-files.js';
import { issueServerCert, notAfter, subjectAltNames, type Pem } from './x509.js';

/** Under Apple's 398-day cap for TLS server certificates, so iOS accepts it even if that cap one day covers private CAs. */
const SERVER_DAYS = 397;
/** Renewed this long before it expires, so a long-running mock does not start serving an expired certificate. */
const RENEW_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export interface DevServerCert {
  pem: Pem;
  path: string;
  /** The names its subjectAltName holds. */
  names: string[];
  notAfter: Date;
  /** Issued on this start (none kept, expiring, from another CA, or not naming a name now needed). */
  created: boolean;
}

/** The server certificate in `dir` (`server.pem`, `server-key.pem`) when it still serves `names` under `ca`; else a new one. */
export async function loadOrIssueServerCert(dir: string, ca: DevCa, names: readonly string[], now: Date): Promise<DevServerCert> {
  const path = join(dir, 'server.pem');
  const keyPath = join(dir, 'server-key.pem');
  const cert = readIfPresent(path);
  const key = readIfPresent(keyPath);
  if (cert !== undefined && key !== undefined && stillServes({ cert, key }, ca, names, now))
    return { pem: { cert, key }, path, names: subjectAltNames(cert), notAfter: notAfter(cert), created: false };
  const pem = await issueServerCert(ca.pem, names, now, SERVER_DAYS);
  writeAtomically(keyPath, pem.key, KEY_MODE);
  writeAtomically(path, pem.cert, CERT_MODE);
  return { pem, path, names: subjectAltNames(pem.cert), notAfter: notAfter(pem.cert), created: true };
}

/** A kept certificate is reused only if it is whole, signed by this CA, valid well past now, and names every name. */
function stillServes(pem: Pem, ca: DevCa, names: readonly string[], now: Date): boolean {
  let cert: X509Certificate;
  let caCert: X509Certificate;
  try {
    cert = new X509Certificate(pem.cert);
    caCert = new X509Certificate(ca.pem.cert);
    if (!cert.checkPrivateKey(createPrivateKey(pem.key))) return false;
  } catch {
    return false;
  }
  if (!cert.checkIssued(caCert) || !cert.verify(caCert.publicKey)) return false;
  if (notAfter(pem.cert).getTime() - now.getTime() < RENEW_DAYS * DAY_MS) return false;
  return names.every((name) => (isIP(name) === 0 ? cert.checkHost(name, { subject: 'never', wildcards: false }) : cert.checkIP(name)) !== undefined);
}
