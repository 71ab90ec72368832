// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API before it loads.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

// node:crypto signs and verifies but cannot write a certificate: @peculiar/x509 builds them on WebCrypto,
// by default node's own (globalThis.crypto, node >= 19).
/** P-256 with SHA-256: accepted by every TLS client the mock's users run (Android, iOS, JVMs, node, browsers), and made in milliseconds. */
const KEY_ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface Pem {
  cert: string;
  key: string;
}

const DAY_MS = 24 * 3600 * 1000;

async function keyPair(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALG, true, ['sign', 'verify']);
}

async function pkcs8(key: webcrypto.CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** A CA that signs server certificates only (path length 0), kept for `days` so a device trusts it once. */
export async function createCa(now: Date, days: number): Promise<Pem> {
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=ZignSec mock development CA (${now.toISOString().slice(0, 10)}), O=zignsec-mock`,
    keys,
    signingAlgorithm: KEY_ALG,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + days * DAY_MS),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await pkcs8(keys.privateKey) };
}

/**
 * A server certificate for `names` (DNS names and IP addresses, all in subjectAltName, which is all clients
 * read), signed by the CA. Apple caps a TLS server certificate at 825 days; callers stay well below.
 */
export async function issueServerCert(ca: Pem, names: readonly string[], now: Date, days: number): Promise<Pem> {
  const caCert = new x509.X509Certificate(ca.cert);
  const caKey = await webcrypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(ca.key), KEY_ALG, false, ['sign']);
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.create({
    subject: `CN=${names[0] ?? 'localhost'}, O=zignsec-mock`,
    issuer: caCert.subject,
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: KEY_ALG,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + days * DAY_MS),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: isIP(value) === 0 ? 'dns' : 'ip', value }))),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { cert: cert.toString('pem'), key: await pkcs8(keys.privateKey) };
}

/** When a certificate stops being valid (node 20's X509Certificate gives this only as text). */
export function notAfter(certPem: string): Date {
  return new x509.X509Certificate(certPem).notAfter;
}

/** The DER bytes of a PEM certificate (the `.crt` phones and Windows import). */
export function der(certPem: string): Buffer {
  return Buffer.from(x509.PemConverter.decodeFirst(certPem));
}

/** The DNS names and IP addresses a certificate's subjectAltName holds. */
export function subjectAltNames(certPem: string): string[] {
  const san = new x509.X509Certificate(certPem).getExtension(x509.SubjectAlternativeNameExtension);
  return (san?.names.items ?? []).filter((n) => n.type === 'dns' || n.type === 'ip').map((n) => n.value);
}
