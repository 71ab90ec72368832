import type { TestMock } from './mock-server.js';
import { adminApi, type NewClient } from './admin-client.js';
import { call, fetchToken, gatewayHeaders, startTransaction, type Reply } from './api-client.js';

export const DOCREADER = '/mobilesdk/docreader';
export const FACEAPI = '/mobilesdk/faceapi';

export const reprocessBody = (livePortrait: string | undefined, overrides: { scenario?: string; useFaceApi?: boolean; threshold?: number } = {}) => ({
  processParam: {
    scenario: overrides.scenario ?? 'FullAuth',
    useFaceApi: overrides.useFaceApi ?? true,
    faceApi: { mode: 'match', threshold: overrides.threshold ?? 75, serviceTimeout: 30000 },
    dateFormat: 'yyyy-MM-dd',
    log: false,
  },
  ...(livePortrait === undefined ? {} : { livePortrait }),
});

/** A backend's view of the gateway for one client: every call it makes in the zero-trust flow. */
export function backend(mock: TestMock, client: NewClient, token: string) {
  const headers = gatewayHeaders(token, client.productKeys[0]!);
  const json = { ...headers, 'content-type': 'application/json' };
  const at = (path: string) => `${mock.baseUrl}${path}`;
  return {
    headers,
    startTransaction: (kind: 'liveness' | 'document', tag?: string) => startTransaction(mock.baseUrl, headers, kind, tag),
    createSession: (scenario?: string) =>
      call(at('/mobilesdk/sessions'), { method: 'POST', headers: scenario ? { ...headers, 'x-mock-scenario': scenario } : headers }),
    bindLiveness: (sessionId: string, id: string) => call(at(`/mobilesdk/sessions/${sessionId}/liveness/transactions/${id}`), { method: 'POST', headers }),
    bindDocument: (sessionId: string, id: string) => call(at(`/mobilesdk/sessions/${sessionId}/transactions/${id}`), { method: 'POST', headers }),
    reprocess: (id: string, body: unknown, query = '') =>
      call(at(`${DOCREADER}/api/v2/transaction/${id}/process${query}`), { method: 'POST', headers: json, body: JSON.stringify(body) }),
    results: (id: string, withImages?: boolean) =>
      call(at(`${DOCREADER}/api/v2/transaction/${id}/results${withImages === undefined ? '' : `?withImages=${withImages}`}`), { headers }),
    transaction: (id: string) => call(at(`${DOCREADER}/api/v2/transaction/${id}`), { headers }),
    liveness: (id: string) => call(at(`${FACEAPI}/api/v2/liveness?transactionId=${id}`), { headers }),
    get: (path: string) => call(at(path), { headers }),
    post: (path: string, body: unknown, extra: Record<string, string> = {}) =>
      call(at(path), { method: 'POST', headers: { ...json, ...extra }, body: JSON.stringify(body) }),
    raw: (path: string, init: RequestInit) => fetch(at(path), { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } }),
  };
}

export type Backend = ReturnType<typeof backend>;

export interface FlowOptions {
  sessionScenario?: string;
  /** X-Mock-Scenario on the device's own transactions. */
  deviceScenario?: string;
  liveness?: 'passive' | 'active';
  bind?: boolean;
}

export interface Flow {
  client: NewClient;
  api: Backend;
  sessionId: string;
  livenessId: string;
  documentId: string;
  reprocess(overrides?: Parameters<typeof reprocessBody>[1], query?: string): Promise<Reply>;
}

/** A fresh client runs the phone's half through the admin device and, unless told not to, binds both transactions. */
export async function zeroTrustFlow(mock: TestMock, options: FlowOptions = {}): Promise<Flow> {
  const admin = adminApi(mock.baseUrl);
  const client = await admin.newClient();
  const api = backend(mock, client, await fetchToken(mock.realmUrl, client));
  const session = await api.createSession(options.sessionScenario);
  if (session.status !== 200) throw new Error(`session: ${session.status} ${session.text}`);
  const device = await call(`${mock.baseUrl}/__admin/device`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sessionId: session.body.id,
      ...(options.deviceScenario ? { scenario: options.deviceScenario } : {}),
      liveness: options.liveness ?? 'passive',
    }),
  });
  if (device.status !== 201) throw new Error(`device: ${device.status} ${device.text}`);
  const { livenessTransactionId: livenessId, documentTransactionId: documentId } = device.body;
  if (options.bind !== false) {
    await api.bindLiveness(session.body.id, livenessId);
    await api.bindDocument(session.body.id, documentId);
  }
  return {
    client,
    api,
    sessionId: session.body.id,
    livenessId,
    documentId,
    reprocess: (overrides = {}, query = '') => api.reprocess(documentId, reprocessBody(livenessId, overrides), query),
  };
}
