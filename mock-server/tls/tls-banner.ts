import type { TlsCredentials } from './server-credentials.js';

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** What the start banner says about TLS: the certificate served and, for the development CA, how to trust it. */
export function tlsBannerLines(origin: TlsCredentials['origin'], now: Date): string[] {
  if (origin.kind === 'files') {
    const expired = origin.notAfter.getTime() <= now.getTime() ? ' (EXPIRED: clients will refuse it)' : '';
    return [
      `  TLS:        ${origin.certFile} (${origin.subject}; ${origin.names.join(', ') || 'no subjectAltName'})`,
      `              valid until ${day(origin.notAfter)}${expired}`,
    ];
  }
  const { ca, server } = origin;
  const store = 'zignsec-mock-truststore.p12';
  return [
    `  TLS:        development certificate ${server.path}${server.created ? ' (new)' : ''}`,
    `              for ${server.names.join(', ')}; valid until ${day(server.notAfter)}`,
    `  CA:         ${ca.path}${ca.created ? ' (new: trust it once, it is kept for later starts)' : ''}`,
    `  CA SHA-256: ${ca.fingerprint}`,
    `  trust it:   node   NODE_EXTRA_CA_CERTS=${ca.path}`,
    `              JVM    keytool -importcert -noprompt -alias zignsec-mock-ca -file ${ca.path} -keystore ${store} -storepass changeit`,
    `                     java -Djavax.net.ssl.trustStore=${store} -Djavax.net.ssl.trustStorePassword=changeit ...`,
    `              phone  install ${ca.derPath} as a CA certificate, check the SHA-256 above (README: HTTPS)`,
  ];
}
