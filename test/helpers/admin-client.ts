import { call } from './api-client.js';

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

export interface NewClient {
  clientId: string;
  secret: string;
  guid: string;
  productKeys: string[];
  apiKeys: string[];
}

/** The control plane, as a test drives it. */
export function adminApi(baseUrl: string) {
  const a = `${baseUrl}/__admin`;
  return {
    newClient: async (body: Record<string, unknown> = {}): Promise<NewClient> => {
      const res = await call(`${a}/clients`, json('POST', body));
      if (res.status !== 201) throw new Error(`client not created: ${res.status} ${res.text}`);
      return res.body as NewClient;
    },
    queue: (clientId: string, scenario: string, kind?: string) => call(`${a}/scenarios/queue`, json('POST', { clientId, scenario, ...(kind ? { kind } : {}) })),
    scenarios: (clientId?: string) => call(`${a}/scenarios${clientId ? `?clientId=${encodeURIComponent(clientId)}` : ''}`),
    resource: (kind: string, id: string) => call(`${a}/resources/${kind}/${encodeURIComponent(id)}`),
    setState: (kind: string, id: string, state: string) => call(`${a}/resources/${kind}/${encodeURIComponent(id)}/state`, json('PUT', { state })),
    event: (body: Record<string, unknown>) => call(`${a}/events`, json('POST', body)),
    clock: () => call(`${a}/clock`),
    setClock: (body: Record<string, unknown>) => call(`${a}/clock`, json('PUT', body)),
    advance: (seconds: number) => call(`${a}/clock/advance`, json('POST', { seconds })),
    resetClock: () => call(`${a}/clock/reset`, json('POST')),
    rotateSigningKey: (graceSeconds?: number) => call(`${a}/keys/rotate`, json('POST', graceSeconds === undefined ? {} : { graceSeconds })),
    removeSigningKey: (kid: string) => call(`${a}/keys/${kid}`, { method: 'DELETE' }),
    productKeys: (clientId: string) => call(`${a}/clients/${clientId}/product-keys`),
    revokeKey: (clientId: string, key: string) => call(`${a}/clients/${clientId}/product-keys/${key}/revoke`, json('POST')),
    restoreKey: (clientId: string, key: string) => call(`${a}/clients/${clientId}/product-keys/${key}/restore`, json('POST')),
    rotateProductKey: (clientId: string, body: Record<string, unknown> = {}) => call(`${a}/clients/${clientId}/product-keys/rotate`, json('POST', body)),
    requests: (query: Record<string, string> = {}) => call(`${a}/requests?${new URLSearchParams(query).toString()}`),
    reset: (clientId?: string) => call(`${a}/reset`, json('POST', clientId ? { clientId } : {})),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
