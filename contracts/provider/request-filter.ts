import type { RequestHandler } from 'express';
import type { PactFile } from './pact-files.js';
import type { VerificationContext } from './verification-context.js';

const TOKEN_PATH = /\/protocol\/openid-connect\/token(\/introspect)?$/;
const SIGNICAT_TOKEN_PATH = '/auth/open/connect/token';
/** A JWT-looking bearer stands for the interaction's own token; anything else (a stale token, a bare JWT) is sent as it is. */
const JWT_BEARER = /^bearer ey[\w-]+\.[\w-]+\.[\w-]*$/i;
const PRODUCT_KEY = 'zs-product-key';

/** RFC 6749 2.3.1: id and secret are form-urlencoded before they are put in Basic. */
const basic = (id: string, secret: string) => {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64')}`;
};

/** Demo keys keep their place; any other key gets the place of its first use in the pacts (the first key a consumer uses is its first). */
export function productKeyPlaces(pacts: readonly PactFile[]): Map<string, number> {
  const places = new Map<string, number>([
    ['demo-key-1', 0],
    ['demo-key-2', 1],
    ['demo2-key-1', 0],
    ['demo2-key-2', 1],
  ]);
  let next = 0;
  for (const interaction of pacts.flatMap((p) => p.interactions)) {
    const headers = interaction.request?.headers ?? {};
    for (const [name, value] of Object.entries(headers)) {
      const key = Array.isArray(value) ? value[0] : value;
      if (name.toLowerCase() === PRODUCT_KEY && key !== undefined && !places.has(key)) places.set(key, next++);
    }
  }
  return places;
}

/** The documented demo keys (demo-client's, demo-client-2's): always the interaction's client's key. */
const DEMO_API_KEYS = ['00000000-e2a2-4968-b651-5352305c9fb0', '00000000-5c1e-4d2a-9b7f-2e6a1c3d4b5f'];

const headerOf = (headers: Record<string, string | string[]>, wanted: string): string | undefined => {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === wanted);
  return Array.isArray(entry?.[1]) ? entry[1][0] : entry?.[1];
};

/**
 * The scanning v3 keys that stand for the consumer's own account: the demo keys, and in each pact the key
 * most of its /v3 requests send (the first such key on a tie). Any other key is meant to be refused
 * (a 401 INVALID_APPID interaction) and is sent as it is.
 */
export function ownApiKeys(pacts: readonly PactFile[]): Set<string> {
  const own = new Set(DEMO_API_KEYS);
  for (const pact of pacts) {
    const uses = new Map<string, number>();
    for (const interaction of pact.interactions) {
      const key = interaction.request?.path?.startsWith('/v3/') ? headerOf(interaction.request.headers ?? {}, 'authorization') : undefined;
      if (key !== undefined) uses.set(key, (uses.get(key) ?? 0) + 1);
    }
    let best: [string, number] | undefined;
    for (const entry of uses) if (!best || entry[1] > best[1]) best = entry;
    if (best) own.add(best[0]);
  }
  return own;
}

function formOf(body: unknown): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, String(v));
  }
  return form;
}

/**
 * pact-js's verification proxy parses form and JSON bodies, then forwards `JSON.stringify(body)` with the
 * original Content-Length (pact-js#1233): a form arrives as JSON, or cut short. Encode what it parsed again.
 */
function reencodeBody(req: Parameters<RequestHandler>[0], form: URLSearchParams | undefined): void {
  if (req.body === undefined || Buffer.isBuffer(req.body) || typeof req.body !== 'object') return;
  if (!form && Object.keys(req.body as object).length === 0) return; // no body was sent: the Content-Length of 0 stands
  const bytes = Buffer.from(form ? form.toString() : JSON.stringify(req.body));
  req.body = bytes;
  req.headers['content-length'] = String(bytes.length);
}

/**
 * The verifier's requests carry the consumer's example credentials; this swaps in the interaction's
 * own: the client's id and secret on the token endpoints, a fresh bearer token and the client's product
 * key (by its place) on the gateway, the client's API key for one of `apiKeys` on scanning v3. A request
 * that lacks a header keeps lacking it.
 */
export function contractRequestFilter(
  context: VerificationContext,
  keyPlaces: ReadonlyMap<string, number>,
  apiKeys: ReadonlySet<string>,
  stateSetupPath = '/_pactSetup',
): RequestHandler {
  return (req, _res, next) => {
    if (req.path === stateSetupPath) {
      next();
      return;
    }
    rewrite(req)
      .then(() => {
        next();
      })
      .catch((e: unknown) => {
        context.errors.push(`request filter on ${req.method} ${req.path}: ${e instanceof Error ? e.message : String(e)}`);
        next();
      });
  };

  async function rewrite(req: Parameters<RequestHandler>[0]): Promise<void> {
    const form = req.is('application/x-www-form-urlencoded') ? formOf(req.body) : undefined;
    // The interaction's own request makes its resource now, unless a state made one: a scan on scanning v3.
    await context.beforeResource(req.path.startsWith('/v3/') ? 'scan' : 'default');
    if (TOKEN_PATH.test(req.path)) {
      const client = await context.beforeTokenRequest();
      if (/^basic /i.test(req.headers.authorization ?? '')) req.headers.authorization = basic(client.clientId, client.secret);
      if (form?.has('client_id')) form.set('client_id', client.clientId);
      if (form?.has('client_secret')) form.set('client_secret', client.secret);
      if (form?.has('token')) form.set('token', await context.accessToken());
    } else if (req.path === SIGNICAT_TOKEN_PATH) {
      const client = await context.currentAssureClient();
      if (/^basic /i.test(req.headers.authorization ?? '')) req.headers.authorization = basic(client.clientId, client.secret);
      if (form?.has('client_id')) form.set('client_id', client.clientId);
      if (form?.has('client_secret')) form.set('client_secret', client.secret);
    } else if (req.path.startsWith('/assure/')) {
      if (JWT_BEARER.test(req.headers.authorization ?? '')) req.headers.authorization = `Bearer ${await context.assureToken()}`;
    } else if (req.path.startsWith('/mobilesdk/')) {
      if (/^bearer /i.test(req.headers.authorization ?? '')) req.headers.authorization = `Bearer ${await context.accessToken()}`;
      const key = req.headers[PRODUCT_KEY];
      if (typeof key === 'string') req.headers[PRODUCT_KEY] = await context.productKey(keyPlaces.get(key) ?? 0);
    } else if (req.path.startsWith('/v3/')) {
      const key = req.headers.authorization;
      if (key !== undefined && (apiKeys.has(key) || context.replacesEveryApiKey)) req.headers.authorization = await context.apiKey();
    }
    reencodeBody(req, form);
  }
}
