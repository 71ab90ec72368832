import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, type MockConfig } from '../config.js';
import { namesToCover, type Machine } from './certificate-names.js';
import { loadOrCreateCa, type DevCa } from './dev-ca.js';
import { loadOrIssueServerCert, type DevServerCert } from './dev-server-cert.js';
import { ensureDir, withDirLock } from './tls-files.js';
import { notAfter, subjectAltNames } from './x509.js';

/** The certificate the server presents, and where it came from (for the banner). */
export interface TlsCredentials {
  cert: string;
  key: string;
  origin:
    | { kind: 'development'; dir: string; ca: DevCa; server: DevServerCert }
    | { kind: 'files'; certFile: string; subject: string; names: string[]; notAfter: Date };
}

/** `https.dir`, `~/` read as the home folder, else `~/.zignsec-mock/tls`. */
export function tlsDir(configured: string | undefined, homeDir: string): string {
  if (configured === undefined) return join(homeDir, '.zignsec-mock', 'tls');
  return resolve(configured.replace(/^~(?=$|\/)/, homeDir));
}

/**
 * The configured certificate and key, checked to be a pair; else the development CA and a server
 * certificate it signed for every name the mock can be reached by, kept in `https.dir` across starts.
 */
export async function serverCredentials(config: MockConfig, machine: Machine, now: Date): Promise<TlsCredentials> {
  const { certFile, keyFile, dir } = config.https;
  if (certFile !== undefined && keyFile !== undefined) return fromFiles(certFile, keyFile);
  const folder = tlsDir(dir, machine.homeDir);
  ensureDir(folder);
  const names = namesToCover(config.host, config.publicUrl, machine);
  return withDirLock(folder, async () => {
    const ca = await loadOrCreateCa(folder, now);
    const server = await loadOrIssueServerCert(folder, ca, names, now);
    return { cert: server.pem.cert, key: server.pem.key, origin: { kind: 'development', dir: folder, ca, server } };
  });
}

function fromFiles(certFile: string, keyFile: string): TlsCredentials {
  const certPem = readConfigured(certFile, 'https.certFile');
  const keyPem = readConfigured(keyFile, 'https.keyFile');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    throw new ConfigError(`https.certFile ${certFile}: not a PEM certificate`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new ConfigError(`https.keyFile ${keyFile}: not an unencrypted PEM private key`);
  }
  if (!cert.checkPrivateKey(key)) throw new ConfigError(`https.keyFile ${keyFile} is not the key of https.certFile ${certFile}`);
  return {
    cert: certPem,
    key: keyPem,
    origin: { kind: 'files', certFile, subject: cert.subject.replace(/\n/g, ', '), names: subjectAltNames(certPem), notAfter: notAfter(certPem) },
  };
}

function readConfigured(path: string, name: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const { code } = e as NodeJS.ErrnoException;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
    throw new ConfigError(`${name} ${path}: cannot read it (${why})`);
  }
}
