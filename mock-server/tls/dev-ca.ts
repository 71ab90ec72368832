import { createPrivateKey, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError } from '../config.js';
import { CERT_MODE, KEY_MODE, readIfPresent, writeAtomically } from './tls-files.js';
import { createCa, der, notAfter, type Pem } from './x509.js';

/** Ten years: a phone or a JVM trusts it once, for good. */
const CA_DAYS = 3650;

export interface DevCa {
  pem: Pem;
  /** The PEM certificate to trust. */
  path: string;
  /** The same certificate as DER, the `.crt` Android's and Windows' importers take. */
  derPath: string;
  /** SHA-256 of the certificate, colon-separated hex, as phones and keytool show it. */
  fingerprint: string;
  notAfter: Date;
  /** Made on this start: whatever trusted an earlier CA must trust this one. */
  created: boolean;
}

/**
 * The development CA in `dir` (`ca.pem`, `ca-key.pem`): the one kept from an earlier start, or a new one
 * when there is none or it has expired. A pair that does not belong together is refused, not replaced:
 * devices trust this CA, so it changes only when the user says so (by deleting it).
 */
export async function loadOrCreateCa(dir: string, now: Date): Promise<DevCa> {
  const path = join(dir, 'ca.pem');
  const keyPath = join(dir, 'ca-key.pem');
  const derPath = join(dir, 'ca.crt');
  const cert = readIfPresent(path);
  const key = readIfPresent(keyPath);
  if (cert !== undefined && key !== undefined) {
    const kept = checkedPair({ cert, key }, path, keyPath);
    if (kept.notAfter.getTime() > now.getTime())
      return { pem: { cert, key }, path, derPath, fingerprint: kept.fingerprint, notAfter: kept.notAfter, created: false };
  } else if (cert !== undefined || key !== undefined) {
    throw new ConfigError(
      `https.dir ${dir}: ${cert === undefined ? path : keyPath} is missing; delete ${cert === undefined ? keyPath : path} too to have a new CA made`,
    );
  }
  const pem = await createCa(now, CA_DAYS);
  // The key first: a certificate on disk always has its key beside it.
  writeAtomically(keyPath, pem.key, KEY_MODE);
  writeAtomically(path, pem.cert, CERT_MODE);
  writeAtomically(derPath, der(pem.cert), CERT_MODE);
  return { pem, path, derPath, fingerprint: new X509Certificate(pem.cert).fingerprint256, notAfter: notAfter(pem.cert), created: true };
}

function checkedPair(pem: Pem, path: string, keyPath: string): { fingerprint: string; notAfter: Date } {
  const remedy = `delete ${path} and ${keyPath} to have a new CA made`;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem.cert);
  } catch {
    throw new ConfigError(`${path} is not a PEM certificate; ${remedy}`);
  }
  let key;
  try {
    key = createPrivateKey(pem.key);
  } catch {
    throw new ConfigError(`${keyPath} is not an unencrypted PEM private key; ${remedy}`);
  }
  if (!cert.ca) throw new ConfigError(`${path} is not a CA certificate; ${remedy}`);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new ConfigError(`${keyPath} is not the P-256 key the mock makes; ${remedy}, or set https.certFile and https.keyFile`);
  if (!cert.checkPrivateKey(key)) throw new ConfigError(`${keyPath} is not the key of ${path}; ${remedy}`);
  return { fingerprint: cert.fingerprint256, notAfter: notAfter(pem.cert) };
}
