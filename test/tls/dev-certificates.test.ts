import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../mock-server/config.js';
import { namesToCover, reachableAddresses, type Machine } from '../../mock-server/tls/certificate-names.js';
import { outgoingTrust } from '../../mock-server/tls/outgoing-trust.js';
import { serverCredentials, tlsDir, type TlsCredentials } from '../../mock-server/tls/server-credentials.js';
import { tempDir } from '../helpers/temp-dir.js';

const machine: Machine = { hostname: 'devbox', addresses: ['192.0.2.10', '2001:db8::10'], homeDir: '/home/someone' };
const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 24 * 3600 * 1000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY);

const credentials = (dir: string, extra: Record<string, unknown> = {}, now = NOW) =>
  serverCredentials(parseConfig({ https: { enabled: true, dir }, ...extra }), machine, now);

function dev(c: TlsCredentials) {
  if (c.origin.kind !== 'development') throw new Error('expected the development CA');
  return c.origin;
}

describe('the development CA and server certificate', () => {
  it('when https starts with no certificate files, then a CA and a server certificate it signed are made, keys readable by their owner only', async () => {
    const dir = tempDir('zs-tls-');
    const made = dev(await credentials(dir));

    expect(made.ca.created).toBe(true);
    expect(made.server.created).toBe(true);
    const ca = new X509Certificate(readFileSync(join(dir, 'ca.pem')));
    const server = new X509Certificate(readFileSync(join(dir, 'server.pem')));
    expect(ca.ca).toBe(true);
    expect(ca.fingerprint256).toBe(made.ca.fingerprint);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca) && server.verify(ca.publicKey)).toBe(true);
    expect(new X509Certificate(readFileSync(join(dir, 'ca.crt'))).fingerprint256).toBe(ca.fingerprint256);
    for (const key of ['ca-key.pem', 'server-key.pem']) expect(statSync(join(dir, key)).mode & 0o777).toBe(0o600);
    expect(server.keyUsage).toContain('1.3.6.1.5.5.7.3.1');
  });

  it("when a server certificate is made, then it names localhost, the loopback addresses, the Android emulator's host, the hostname and the public URL host", async () => {
    const dir = tempDir('zs-tls-');
    const server = new X509Certificate((await credentials(dir, { host: '0.0.0.0', publicUrl: 'https://mock.example.test:8443/gw' })).cert);

    for (const name of ['localhost', 'devbox', 'devbox.local', 'mock.example.test']) expect(server.checkHost(name, { subject: 'never' })).toBe(name);
    for (const ip of ['127.0.0.1', '::1', '10.0.2.2', '192.0.2.10', '2001:db8::10']) expect(server.checkIP(ip)).toBe(ip);
    expect(server.checkHost('other.example.test', { subject: 'never' })).toBeUndefined();
  });

  it('when started again, then the same CA and server certificate are used', async () => {
    const dir = tempDir('zs-tls-');
    const first = dev(await credentials(dir));
    const second = dev(await credentials(dir, {}, later(100)));

    expect(second.ca.created).toBe(false);
    expect(second.server.created).toBe(false);
    expect(second.ca.fingerprint).toBe(first.ca.fingerprint);
    expect(second.server.pem.cert).toBe(first.server.pem.cert);
  });

  it('when a name is now needed that the kept certificate lacks, then a new server certificate is issued by the same CA', async () => {
    const dir = tempDir('zs-tls-');
    const first = dev(await credentials(dir));
    const second = dev(await credentials(dir, { publicUrl: 'https://phone-visible.example.test' }));

    expect(second.server.created).toBe(true);
    expect(second.server.names).toContain('phone-visible.example.test');
    expect(second.ca.fingerprint).toBe(first.ca.fingerprint);
    expect(new X509Certificate(second.server.pem.cert).checkIssued(new X509Certificate(first.ca.pem.cert))).toBe(true);
  });

  it('when the server certificate is within 30 days of its end, then it is renewed and the CA kept', async () => {
    const dir = tempDir('zs-tls-');
    const first = dev(await credentials(dir));
    const renewed = dev(await credentials(dir, {}, later(370)));

    expect(first.server.notAfter.getTime() - NOW.getTime()).toBeGreaterThan(390 * DAY);
    expect(renewed.server.created).toBe(true);
    expect(renewed.server.notAfter.getTime()).toBeGreaterThan(first.server.notAfter.getTime());
    expect(renewed.ca.fingerprint).toBe(first.ca.fingerprint);
  });

  it('when the kept CA has expired, then a new one is made and says so', async () => {
    const dir = tempDir('zs-tls-');
    const first = dev(await credentials(dir));
    const next = dev(await credentials(dir, {}, later(3651)));

    expect(next.ca.created).toBe(true);
    expect(next.ca.fingerprint).not.toBe(first.ca.fingerprint);
    expect(next.server.created).toBe(true);
  });

  it('when the server certificate on disk is from another CA, then a new one is issued by the kept CA', async () => {
    const dir = tempDir('zs-tls-');
    const other = tempDir('zs-tls-');
    const mine = dev(await credentials(dir));
    await credentials(other);
    writeFileSync(join(dir, 'server.pem'), readFileSync(join(other, 'server.pem')));
    writeFileSync(join(dir, 'server-key.pem'), readFileSync(join(other, 'server-key.pem')));

    const again = dev(await credentials(dir));
    expect(again.server.created).toBe(true);
    expect(new X509Certificate(again.server.pem.cert).checkIssued(new X509Certificate(mine.ca.pem.cert))).toBe(true);
  });

  it.each([
    [
      'its key is missing',
      (dir: string) => {
        rmSync(join(dir, 'ca-key.pem'));
      },
      /ca-key\.pem is missing; delete .*ca\.pem too/,
    ],
    [
      'its key is another',
      (dir: string, other: string) => {
        writeFileSync(join(dir, 'ca-key.pem'), readFileSync(join(other, 'ca-key.pem')));
      },
      /is not the key of/,
    ],
    [
      'it is not PEM',
      (dir: string) => {
        writeFileSync(join(dir, 'ca.pem'), 'hello');
      },
      /ca\.pem is not a PEM certificate/,
    ],
  ])('when the kept CA is broken (%s), then the start is refused with what to do, and nothing is replaced', async (_case, breakIt, message) => {
    const dir = tempDir('zs-tls-');
    const other = tempDir('zs-tls-');
    await credentials(dir);
    await credentials(other);
    breakIt(dir, other);
    const before = readFileSync(join(dir, 'server.pem'), 'utf8');

    const failure = credentials(dir);
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(message);
    expect(readFileSync(join(dir, 'server.pem'), 'utf8')).toBe(before);
  });

  it('when several mocks start at once on an empty folder, then they all end up with one CA', async () => {
    const dir = tempDir('zs-tls-');
    const all = await Promise.all([1, 2, 3, 4].map(() => credentials(dir)));

    expect(new Set(all.map((c) => dev(c).ca.fingerprint)).size).toBe(1);
    expect(all.filter((c) => dev(c).ca.created)).toHaveLength(1);
    expect(new Set(all.map((c) => c.cert)).size).toBe(1);
  });
});

describe('where the development CA lives and what it names', () => {
  it('when no folder is configured, then it is ~/.zignsec-mock/tls; a configured one may start with ~/', () => {
    expect(tlsDir(undefined, '/home/someone')).toBe('/home/someone/.zignsec-mock/tls');
    expect(tlsDir('~/certs', '/home/someone')).toBe('/home/someone/certs');
    expect(tlsDir('/srv/tls', '/home/someone')).toBe('/srv/tls');
  });

  it('when bound to one address, then that address is named and the other interfaces are not', () => {
    expect(namesToCover('192.0.2.77', undefined, machine)).toEqual(['localhost', '127.0.0.1', '::1', '10.0.2.2', 'devbox', 'devbox.local', '192.0.2.77']);
    expect(namesToCover('::', 'http://[2001:db8::99]:8080', { ...machine, hostname: 'Box.Example.Lan' })).toEqual([
      'localhost',
      '127.0.0.1',
      '::1',
      '10.0.2.2',
      'box.example.lan',
      '192.0.2.10',
      '2001:db8::10',
      '2001:db8::99',
    ]);
  });

  it("when the machine's interfaces are listed, then loopback and link-local addresses are left out", () => {
    expect(
      reachableAddresses({
        lo: [{ address: '127.0.0.1', internal: true }],
        eth0: [
          { address: '192.0.2.10', internal: false },
          { address: 'fe80::1', internal: false },
          { address: '169.254.3.4', internal: false },
        ],
      }),
    ).toEqual(['192.0.2.10']);
  });
});

describe("the mock's own outgoing trust", () => {
  it('when the development CA serves, then webhooks trust it and keep NODE_EXTRA_CA_CERTS; with configured files, node decides alone', async () => {
    const dir = tempDir('zs-tls-');
    const { origin } = await credentials(dir);
    const extra = join(tempDir('zs-tls-'), 'corporate.pem');
    writeFileSync(extra, 'corporate roots');

    expect(outgoingTrust(origin, extra)).toEqual([dev({ origin } as TlsCredentials).ca.pem.cert, 'corporate roots']);
    expect(outgoingTrust(origin, join(dir, 'none.pem'))).toHaveLength(1);
    expect(outgoingTrust({ kind: 'files', certFile: '/c.pem', subject: 'CN=x', names: [], notAfter: NOW }, extra)).toEqual([]);
  });
});
