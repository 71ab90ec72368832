export const DEMO = {
  clientId: 'demo-client',
  secret: 'demo-secret',
  keys: ['demo-key-1', 'demo-key-2'],
  apiKey: '00000000-e2a2-4968-b651-5352305c9fb0',
} as const;
export const DEMO2 = {
  clientId: 'demo-client-2',
  secret: 'demo-secret-2',
  keys: ['demo2-key-1', 'demo2-key-2'],
  apiKey: '00000000-5c1e-4d2a-9b7f-2e6a1c3d4b5f',
} as const;

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** fetch that never throws on a status and parses JSON when there is any. */
export async function call<T = any>(url: string, init: RequestInit = {}): Promise<Reply<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

export const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

export function requestToken(realmUrl: string, client: { clientId: string; secret: string } = DEMO, scenario?: string): Promise<Reply> {
  const init = form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret });
  if (scenario !== undefined) (init.headers as Record<string, string>)['x-mock-scenario'] = scenario;
  return call(`${realmUrl}/protocol/openid-connect/token`, init);
}

export async function fetchToken(realmUrl: string, client: { clientId: string; secret: string } = DEMO, scenario?: string): Promise<string> {
  const res = await requestToken(realmUrl, client, scenario);
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${res.text}`);
  return res.body.access_token as string;
}

export const gatewayHeaders = (token: string, productKey: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  'zs-product-key': productKey,
});

/** What the phone does first, with the same credentials: start a transaction through the SDK's own route. */
export async function startTransaction(baseUrl: string, headers: Record<string, string>, kind: 'liveness' | 'document', tag?: string): Promise<string> {
  const path = kind === 'liveness' ? '/mobilesdk/faceapi/api/v2/liveness/start' : '/mobilesdk/docreader/api/v2/transaction/start';
  const res = await call(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(tag === undefined ? {} : { tag }),
  });
  if (res.status !== 200) throw new Error(`${kind} start: ${res.status} ${res.text}`);
  return res.body.transactionId as string;
}

/** A client of the gateway routes with one token and product key. */
export function gateway(baseUrl: string, token: string, productKey: string) {
  const headers = gatewayHeaders(token, productKey);
  return {
    startTransaction: (kind: 'liveness' | 'document', tag?: string) => startTransaction(baseUrl, headers, kind, tag),
    createSession: (scenario?: string) =>
      call(`${baseUrl}/mobilesdk/sessions`, { method: 'POST', headers: scenario === undefined ? headers : { ...headers, 'x-mock-scenario': scenario } }),
    bindLiveness: (sessionId: string, txId: string) =>
      call(`${baseUrl}/mobilesdk/sessions/${sessionId}/liveness/transactions/${txId}`, { method: 'POST', headers }),
    bindDocument: (sessionId: string, txId: string) => call(`${baseUrl}/mobilesdk/sessions/${sessionId}/transactions/${txId}`, { method: 'POST', headers }),
    ping: (surface: 'docreader' | 'faceapi') => call(`${baseUrl}/mobilesdk/${surface}/api/ping`, { headers }),
  };
}
