import { X509Certificate } from 'node:crypto';
import { HttpError } from '../core/http-error.js';
import type { catalogRouter } from '../pipeline/route-catalog.js';
import type { AdminContext } from './admin-context.js';

/** What a device installs: the same certificate as PEM, or as DER (the `.crt` Android's and iOS's installers take). */
export const CA_PATHS = { pem: '/tls/ca.pem', der: '/tls/ca.crt' } as const;

const noCa = () => new HttpError(404, 'not_found', 'This mock serves no development CA: it runs without --https, or with a certificate of its own.');

/**
 * The development CA's certificate, for a phone to fetch from the mock it is about to trust (as mitmproxy's
 * mitm.it does). A certificate is public: these are open like health, under any Host, without the admin token.
 */
export function tlsRoutes(r: ReturnType<typeof catalogRouter>, ctx: AdminContext): void {
  const pem = ctx.developmentCa;
  const der = pem === undefined ? undefined : Buffer.from(new X509Certificate(pem).raw);
  r.get(CA_PATHS.pem, function caPem(_req, res) {
    if (pem === undefined) throw noCa();
    res.attachment('zignsec-mock-ca.pem').type('application/x-pem-file').send(pem);
  });
  r.get(CA_PATHS.der, function caDer(_req, res) {
    if (der === undefined) throw noCa();
    res.attachment('zignsec-mock-ca.crt').type('application/x-x509-ca-cert').send(der);
  });
}
