import { connect } from 'node:tls';
import { Agent } from 'undici';

/** Node's own fetch, taken before any test puts a trusting one in its place. */
const nodeFetch = globalThis.fetch;

/**
 * Node's fetch trusting `ca` besides the usual roots, as a client's code would set it up: an undici
 * Agent with `connect.ca` as its dispatcher (node's fetch takes undici's dispatchers).
 */
export function trustingFetch(ca: string): { fetch: typeof fetch; agent: Agent; close: () => Promise<void> } {
  const agent = new Agent({ connect: { ca } });
  const trusting = (input: string | URL | Request, init?: RequestInit) => nodeFetch(input, { ...init, dispatcher: agent } as unknown as RequestInit);
  return { fetch: trusting, agent, close: () => agent.close() };
}

/** The certificate a TLS server presents (fingerprint and names), read without judging it. */
export function presentedCertificate(baseUrl: string): Promise<{ fingerprint256: string; subjectaltname: string | undefined }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false, servername: 'localhost' }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve({ fingerprint256: cert.fingerprint256, subjectaltname: cert.subjectaltname });
    });
    socket.once('error', reject);
  });
}
