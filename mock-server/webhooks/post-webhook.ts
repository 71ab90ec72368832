import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import { isLinkLocal } from './target-policy.js';

/** The outcome of one POST: a status, or why there is none. */
export interface PostOutcome {
  status?: number;
  error?: string;
}

/** Sends one attempt; resolves (never rejects) once the receiver answered, failed or ran out of time. */
export type PostWebhook = (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<PostOutcome>;

/**
 * A host name checked at create time may still resolve to a link-local address (cloud metadata names do):
 * the connection is refused there too, whatever name led to it.
 */
export const guardedLookup =
  (
    resolve: (hostname: string, options: { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void,
  ): LookupFunction =>
  (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, '', 0);
        return;
      }
      const usable = addresses.filter((a) => !isLinkLocal(a.address));
      if (usable.length === 0) {
        callback(Object.assign(new Error(`${hostname} resolves to a link-local address`), { code: 'ELINKLOCAL' }), '', 0);
        return;
      }
      if (options.all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        return;
      }
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
const refuseLinkLocal = guardedLookup(dnsLookup);

/**
 * node's own HTTP client (fetch costs several times more per request): no redirect is followed (a
 * receiver's 3xx is an answer, not a 2xx), the answer's body is drained unread, and the whole exchange
 * must end within `timeoutMs`. `alsoTrusted`: PEM CAs trusted besides node's roots (with `--https`, the
 * development CA, so the mock's own sink and receivers on its certificates are reached over https).
 */
export function httpPoster(alsoTrusted: readonly string[] = []): PostWebhook {
  // Kept-alive sockets per receiver: a delivery is a small POST, and connecting each time would cost more than it.
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 64, ...(alsoTrusted.length > 0 ? { ca: [...rootCertificates, ...alsoTrusted] } : {}) }),
  };
  return (url, body, headers, timeoutMs) => postOnce(agents, url, body, headers, timeoutMs);
}

export const postWithHttp: PostWebhook = httpPoster();

const postOnce = (agents: { 'http:': http.Agent; 'https:': https.Agent }, url: string, body: string, headers: Record<string, string>, timeoutMs: number) =>
  new Promise<PostOutcome>((resolve) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const payload = Buffer.from(body, 'utf8');
    let settled = false;
    const done = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = (secure ? https : http).request(
      target,
      {
        method: 'POST',
        agent: agents[secure ? 'https:' : 'http:'],
        lookup: refuseLinkLocal,
        headers: { ...headers, 'content-length': String(payload.length) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          done({ status: res.statusCode ?? 0 });
        });
        res.on('error', () => {
          done({ status: res.statusCode ?? 0 });
        });
      },
    );
    const timer = setTimeout(() => {
      done({ error: 'timeout' });
      req.destroy();
    }, timeoutMs);
    timer.unref();
    req.on('error', (e: NodeJS.ErrnoException) => {
      done({ error: e.code === 'ECONNREFUSED' ? 'refused' : (e.code ?? 'network-error').toLowerCase() });
    });
    req.end(payload);
  });
