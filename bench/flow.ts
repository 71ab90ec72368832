// One whole zero-trust flow, as a backend and its users' phones run it against the gateway (scripts/device.ts
// plays the phone the same way): token, session, the SDKs' liveness and document uploads, both bindings,
// the reprocess with the liveness as livePortrait, and the reads of the results.
import type { Dispatcher } from 'undici';

/** Where each request of a flow goes: the n-th request of a flow, on one of the gateway's addresses. */
export type Route = (step: number) => Dispatcher;

/**
 * What one request cost and answered; `ok` is false for an unexpected status or a failed request, and then
 * `failure` says which request and what came back ("POST /mobilesdk/sessions 429", "... no answer").
 */
export type OnRequest = (millis: number, ok: boolean, failure?: string) => void;

const TOKEN_FORM = 'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret';
const PRODUCT_KEY = 'demo-key-1';
const PROCESS_PARAM = {
  scenario: 'FullAuth',
  useFaceApi: true,
  faceApi: { mode: 'match', threshold: 75, serviceTimeout: 30000 },
  dateFormat: 'yyyy-MM-dd',
  log: false,
};
// The SDKs upload payloads only Regula can read; fixed bytes stand in (random ones would cost the load generator, not the mock).
const LIVENESS_UPLOAD = Buffer.alloc(4096, 0x5a);
const DOCUMENT_UPLOAD = Buffer.alloc(16384, 0xa5);
const CLIENT_KEY = JSON.stringify({ buffer: Buffer.alloc(65, 4).toString('base64'), curveType: 'prime256v1', keyType: 'publicKey' });

/** The requests of one flow. */
export const FLOW_REQUESTS = 11;

class UnexpectedAnswer extends Error {}

/** A request's route with its ids left out, so failures of one kind count together. */
const routeOf = (options: Omit<Dispatcher.RequestOptions, 'origin'>): string =>
  `${options.method} ${options.path.split('?')[0]!.replace(/\/[A-Za-z0-9_-]{20,}/g, '/{id}')}`;

/**
 * Runs one flow; answers true when every request had its expected status. It stops at the first failure
 * (the ids the rest need are missing then); that request is reported as not ok.
 */
export async function runFlow(route: Route, onRequest: OnRequest): Promise<boolean> {
  let step = 0;
  /** Sends one request and reads its answer whole, as a client would (its bytes count in the time); parses it when asked. */
  const send = async (expect: number, options: Omit<Dispatcher.RequestOptions, 'origin'>, parse = false): Promise<Record<string, string>> => {
    const started = performance.now();
    let status: number | undefined;
    let body: Record<string, string> = {};
    let failure: string;
    try {
      const res = await route(step++).request(options);
      status = res.statusCode;
      failure = String(status);
      if (parse) body = (await res.body.json()) as Record<string, string>;
      else await res.body.dump({ limit: Number.MAX_SAFE_INTEGER });
    } catch (e) {
      // A refused connection, a reset or a body that is not JSON: this request failed.
      failure = `${status ?? ''} ${e instanceof Error ? ((e as Error & { code?: string }).code ?? e.name) : 'error'}`.trim();
      status = undefined;
    }
    const ok = status === expect;
    onRequest(performance.now() - started, ok, ok ? undefined : `${routeOf(options)} ${failure}`);
    if (!ok) throw new UnexpectedAnswer();
    return body;
  };
  const json = (expect: number, options: Omit<Dispatcher.RequestOptions, 'origin'>) => send(expect, options, true);
  try {
    const token = await json(200, {
      method: 'POST',
      path: '/auth/realms/zignsec/protocol/openid-connect/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: TOKEN_FORM,
    });
    const headers = { authorization: `Bearer ${token.access_token}`, 'zs-product-key': PRODUCT_KEY };
    const jsonHeaders = { ...headers, 'content-type': 'application/json' };
    const upload = { ...headers, 'content-type': 'application/octet-stream', 'x-client-key': CLIENT_KEY };
    const session = (await json(200, { method: 'POST', path: '/mobilesdk/sessions', headers })).id!;

    const metadata = { platform: 'bench' };
    const liveness = (
      await json(200, {
        method: 'POST',
        path: '/mobilesdk/faceapi/api/v2/liveness/start',
        headers: jsonHeaders,
        body: JSON.stringify({ tag: session, type: 1, metadata }),
      })
    ).transactionId!;
    await send(200, { method: 'POST', path: `/mobilesdk/faceapi/api/v2/liveness?transactionId=${liveness}`, headers: upload, body: LIVENESS_UPLOAD });
    const document = (
      await json(200, {
        method: 'POST',
        path: '/mobilesdk/docreader/api/v2/transaction/start',
        headers: jsonHeaders,
        body: JSON.stringify({ tag: session, metadata }),
      })
    ).transactionId!;
    await send(200, { method: 'POST', path: `/mobilesdk/docreader/api/v2/transaction/${document}`, headers: upload, body: DOCUMENT_UPLOAD });

    await send(204, { method: 'POST', path: `/mobilesdk/sessions/${session}/liveness/transactions/${liveness}`, headers });
    await send(204, { method: 'POST', path: `/mobilesdk/sessions/${session}/transactions/${document}`, headers });
    await send(200, {
      method: 'POST',
      path: `/mobilesdk/docreader/api/v2/transaction/${document}/process`,
      headers: jsonHeaders,
      body: JSON.stringify({ processParam: PROCESS_PARAM, livePortrait: liveness }),
    });
    await send(200, { method: 'GET', path: `/mobilesdk/docreader/api/v2/transaction/${document}/results?withImages=false`, headers });
    await send(200, { method: 'GET', path: `/mobilesdk/faceapi/api/v2/liveness?transactionId=${liveness}`, headers });
    return true;
  } catch (e) {
    if (e instanceof UnexpectedAnswer) return false;
    throw e;
  }
}
