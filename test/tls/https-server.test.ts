import { X509Certificate } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentReaderApi } from '@regulaforensics/document-reader-webclient';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../mock-server/config.js';
import { adminApi } from '../helpers/admin-client.js';
import { DEMO, call, gatewayHeaders } from '../helpers/api-client.js';
import { startMock, useMockServer } from '../helpers/mock-server.js';
import { DOCREADER, reprocessBody, zeroTrustFlow } from '../helpers/regula-flow.js';
import { scanningApi } from '../helpers/scanning-client.js';
import { tempDir } from '../helpers/temp-dir.js';
import { presentedCertificate, trustingFetch } from '../helpers/tls-client.js';

/** Node's own fetch, which trusts the usual roots only. */
const untrustingFetch = globalThis.fetch;

function developmentCa(mock: { tls?: { origin: { kind: string } } }): string {
  const origin = mock.tls?.origin;
  if (origin?.kind !== 'development') throw new Error('expected the development CA');
  return (origin as unknown as { ca: { pem: { cert: string } } }).ca.pem.cert;
}

describe('--https with the development CA', () => {
  const mock = useMockServer({ https: { enabled: true, dir: tempDir('zs-https-') } });
  let trusting: ReturnType<typeof trustingFetch>;
  beforeAll(() => {
    trusting = trustingFetch(developmentCa(mock));
  });
  afterAll(async () => {
    await trusting.close();
  });
  /** The test helpers call the global fetch: while `work` runs, it trusts the mock's CA. */
  async function trustedHelpers<T>(work: () => Promise<T>): Promise<T> {
    vi.stubGlobal('fetch', trusting.fetch);
    try {
      return await work();
    } finally {
      vi.unstubAllGlobals();
    }
  }

  it('when openid-client discovers the realm over HTTPS with the CA trusted, then it gets a token the gateway accepts', async () => {
    expect(mock.realmUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/auth\/realms\/zignsec$/);
    const config = await oidc.discovery(new URL(mock.realmUrl), DEMO.clientId, undefined, oidc.ClientSecretBasic(DEMO.secret), {
      [oidc.customFetch]: trusting.fetch as oidc.CustomFetch,
    });
    expect(config.serverMetadata()).toMatchObject({
      issuer: mock.realmUrl,
      token_endpoint: `${mock.realmUrl}/protocol/openid-connect/token`,
      jwks_uri: `${mock.realmUrl}/protocol/openid-connect/certs`,
    });

    const tokens = await oidc.clientCredentialsGrant(config);

    expect(JSON.parse(Buffer.from(tokens.access_token.split('.')[1]!, 'base64url').toString()).iss).toBe(mock.realmUrl);
    const ping = await trusting.fetch(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(tokens.access_token, DEMO.keys[0]) });
    expect(ping.status).toBe(200);
  });

  it('when discovery is read over HTTPS, then every URL in it is https on the address the client used', async () => {
    const { body } = await trustedHelpers(() => call(`${mock.realmUrl}/.well-known/openid-configuration`));
    const urls = Object.values(body as Record<string, unknown>).filter((v): v is string => typeof v === 'string' && /^[a-z]+:\/\//.test(v));

    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u.startsWith(`${mock.baseUrl}/`))).toEqual([]);
  });

  it("when Regula's document-reader-webclient pings and reprocesses over HTTPS with the CA trusted, then both succeed", async () => {
    const flow = await trustedHelpers(() => zeroTrustFlow(mock));
    // Its bundle carries axios's browser build, which on node uses fetch (an https.Agent would be ignored): the dispatcher goes in fetchOptions.
    const api = new DocumentReaderApi({
      basePath: `${mock.baseUrl}${DOCREADER}`,
      baseOptions: { headers: flow.api.headers, fetchOptions: { dispatcher: trusting.agent } },
    });

    expect((await api.ping())['app-name']).toBe('Regula Document Reader Web API');
    const reprocessed = await api.reprocessTransaction(flow.documentId, reprocessBody(flow.livenessId) as never);
    expect(reprocessed.status).toBe(200);
    expect((await api.getReprocessTransactionResult(flow.documentId, false)).status?.overallStatus).toEqual(expect.any(Number));
    // Without it, the same client is refused by the TLS handshake.
    const untrusting = new DocumentReaderApi({ basePath: `${mock.baseUrl}${DOCREADER}`, baseOptions: { headers: flow.api.headers } });
    await expect(untrusting.ping()).rejects.toThrow();
  });

  it('when a hosted page link or the OpenAPI servers are built, then they are https', async () => {
    await trustedHelpers(async () => {
      const api = scanningApi(mock.baseUrl, DEMO.apiKey);
      const created = await api.post('/v3/eid/scanningsessions', {});
      expect(created.status).toBe(200);
      const id = created.body.session_id as string;
      const link = await api.post(`/v3/eid/scanningsessions/${id}/ui/analyses`, { analysis_types: ['document'] });
      expect(link.body.redirect_url).toMatch(new RegExp(`^${mock.baseUrl}/v3/scan/ui/${id}\\?otp=`));
      expect((await call(`${mock.baseUrl}/__admin/openapi`)).body.servers[0].url).toBe(mock.baseUrl);
    });
  });

  it('when a client does not trust the CA, then the TLS handshake is refused; plain HTTP gets no answer', async () => {
    await expect(untrustingFetch(`${mock.baseUrl}/__admin/health`)).rejects.toMatchObject({ cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } });
    await expect(untrustingFetch(`${mock.baseUrl.replace('https:', 'http:')}/__admin/health`)).rejects.toThrow();
  });

  it("when a scan's webhook points at the mock's own sink over https, then it is delivered (the mock trusts its CA)", async () => {
    await trustedHelpers(async () => {
      const admin = adminApi(mock.baseUrl);
      const client = await admin.newClient();
      const sink = `${mock.baseUrl}/__admin/webhooks/sink/tls-${client.clientId}`;
      const api = scanningApi(mock.baseUrl, client.apiKeys[0]);
      const { body } = await api.create({ relay_state: 'tls', webhook: sink });
      try {
        await admin.advance(mock.deps.config.scanning.flowTimeoutSeconds + 1);
        expect((await api.result(body.id as string)).body.status).toBe('Timeout');
        await mock.deps.webhooks.idle();
      } finally {
        await admin.resetClock();
      }
      const deliveries = (await call(`${mock.baseUrl}/__admin/webhooks?resourceId=${body.id as string}`)).body.deliveries;
      expect(
        deliveries.map((d: { state: string; attempts: { status?: number; error?: string }[] }) => [d.state, d.attempts.map((a) => a.status ?? a.error)]),
      ).toEqual([['delivered', [204]]]);
      expect((await call(sink)).body.received).toHaveLength(1);
    });
  });

  it('when a device fetches the CA from the mock (no admin token, any Host), then it gets the certificate that signed the served one', async () => {
    const [pem, der] = await Promise.all([trusting.fetch(`${mock.baseUrl}/__admin/tls/ca.pem`), trusting.fetch(`${mock.baseUrl}/__admin/tls/ca.crt`)]);
    expect([pem.status, der.status]).toEqual([200, 200]);
    expect(pem.headers.get('content-type')).toMatch(/^application\/x-pem-file/);
    expect(der.headers.get('content-type')).toBe('application/x-x509-ca-cert');
    expect(der.headers.get('content-disposition')).toMatch(/^attachment; filename="?zignsec-mock-ca\.crt"?$/);
    const fromPem = new X509Certificate(await pem.text());
    const fromDer = new X509Certificate(Buffer.from(await der.arrayBuffer()));
    expect(fromDer.fingerprint256).toBe(fromPem.fingerprint256);
    expect(fromPem.fingerprint256).toBe(new X509Certificate(developmentCa(mock)).fingerprint256);
    expect(new X509Certificate(mock.tls!.cert).verify(fromPem.publicKey)).toBe(true);
    expect(fromPem.ca).toBe(true);
  });

  it('when the served certificate is read, then it is the development one, naming localhost and the loopback addresses', async () => {
    const presented = await presentedCertificate(mock.baseUrl);
    expect(presented.fingerprint256).toBe(new X509Certificate(mock.tls!.cert).fingerprint256);
    expect(presented.subjectaltname).toMatch(/DNS:localhost.*IP Address:127\.0\.0\.1/);
  });
});

describe('--https with configured certificate files', () => {
  /** A certificate made elsewhere (here by another development CA), as a user brings their own. */
  async function ownFiles(): Promise<{ certFile: string; keyFile: string; ca: string; other: string }> {
    const made = tempDir('zs-own-');
    const maker = await startMock({ https: { enabled: true, dir: made } });
    await maker.close();
    const own = tempDir('zs-own-files-');
    copyFileSync(join(made, 'server.pem'), join(own, 'cert.pem'));
    copyFileSync(join(made, 'server-key.pem'), join(own, 'key.pem'));
    return { certFile: join(own, 'cert.pem'), keyFile: join(own, 'key.pem'), ca: developmentCa(maker), other: join(made, 'ca-key.pem') };
  }

  it('when certFile and keyFile are set, then that certificate is served and a client trusting its CA connects', async () => {
    const { certFile, keyFile, ca } = await ownFiles();
    const mock = await startMock({ https: { enabled: true, certFile, keyFile } });
    const client = trustingFetch(ca);
    try {
      expect(mock.tls?.origin).toMatchObject({ kind: 'files', certFile });
      expect((await presentedCertificate(mock.baseUrl)).fingerprint256).toBe(new X509Certificate(mock.tls!.cert).fingerprint256);
      const res = await client.fetch(`${mock.baseUrl}/auth/realms/zignsec/.well-known/openid-configuration`);
      expect(((await res.json()) as { issuer: string }).issuer).toBe(`${mock.baseUrl}/auth/realms/zignsec`);
      // The chain's root is not the mock's to hand out.
      const ca = await client.fetch(`${mock.baseUrl}/__admin/tls/ca.crt`);
      expect(ca.status).toBe(404);
      expect(((await ca.json()) as { detail: string }).detail).toMatch(/serves no development CA/);
    } finally {
      await client.close();
      await mock.close();
    }
  });

  it.each([
    [
      'the certificate file is missing',
      (f: { certFile: string; keyFile: string }) => ({ ...f, certFile: `${f.certFile}.nope` }),
      /^https\.certFile .*cert\.pem\.nope: cannot read it \(no such file\)$/,
    ],
    [
      'the key is not the certificate’s',
      (f: { certFile: string; keyFile: string; other: string }) => ({ ...f, keyFile: f.other }),
      /^https\.keyFile .* is not the key of https\.certFile /,
    ],
    [
      'the key file is a certificate',
      (f: { certFile: string; keyFile: string }) => ({ ...f, keyFile: f.certFile }),
      /^https\.keyFile .*: not an unencrypted PEM private key$/,
    ],
  ])('when %s, then the start is refused with a message naming the file', async (_case, change, message) => {
    const { certFile, keyFile } = change(await ownFiles());
    const failure = startMock({ https: { enabled: true, certFile, keyFile } });
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(message);
  });
});

describe('--https shutdown', () => {
  it('when the mock stops with idle kept-alive TLS connections, then it closes them after the quiet period, not the grace period', async () => {
    const mock = await startMock({ https: { enabled: true, dir: tempDir('zs-https-') }, limits: { shutdownGraceMs: 15_000, drainQuietMs: 50 } });
    const client = trustingFetch(developmentCa(mock));
    try {
      for (let i = 0; i < 3; i++) expect((await client.fetch(`${mock.baseUrl}/__admin/health`)).status).toBe(200);
      const started = performance.now();
      await mock.close();
      expect(performance.now() - started).toBeLessThan(3000);
    } finally {
      await client.close();
    }
  });
});
