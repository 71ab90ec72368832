/**
 * What provider verification needs from a running mock, through its public HTTP APIs only (the control
 * plane and the realm), so it works against an in-process mock and one started elsewhere alike.
 */
export interface MockClient {
  clientId: string;
  secret: string;
  guid: string;
  productKeys: string[];
  /** Its scanning v3 API keys (the raw `Authorization` value). */
  apiKeys: string[];
}

export interface ScenarioSummary {
  name: string;
  binds: string[];
  params?: Record<string, unknown>;
}

export class MockAdminError extends Error {
  override name = 'MockAdminError';
}

export function mockAdmin(baseUrl: string, realm = 'zignsec') {
  const base = baseUrl.replace(/\/+$/, '');
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}/__admin${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new MockAdminError(`${method} /__admin${path} answered ${res.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const gateway = (token: string, productKey: string) => ({ authorization: `Bearer ${token}`, 'zs-product-key': productKey });
  const assure = async <T>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}/assure${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new MockAdminError(`${method} /assure${path} for the state answered ${res.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    newClient: () => send<MockClient>('POST', '/clients', {}),
    /** A client of Signicat's token service (scope signicat-api), for the Assure interactions. */
    newAssureClient: () => send<MockClient>('POST', '/clients', { scopes: ['signicat-api'] }),
    /** A Signicat bearer for the client, straight from /auth/open (never through the verifier's proxy). */
    signicatToken: async (client: Pick<MockClient, 'clientId' | 'secret'>): Promise<string> => {
      const res = await fetch(`${base}/auth/open/connect/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.secret)}`).toString('base64')}`,
        },
        body: 'grant_type=client_credentials&scope=signicat-api',
      });
      const body = (await res.json()) as { access_token?: string };
      if (!res.ok || !body.access_token) throw new MockAdminError(`Signicat token for ${client.clientId} answered ${res.status}: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    /** The Assure calls a state makes, as the client's backend would. */
    assure,
    /** The RA App's operator decides an eid verification. */
    raDecision: (processId: string, status: string) => send('POST', `/assure/processes/${processId}/decision`, { status }),
    scenarios: async () => (await send<{ scenarios: ScenarioSummary[] }>('GET', '/scenarios')).scenarios,
    /** Queues a one-shot scenario for the client's next resource of `kind` (the scenario's first kind when not given). */
    queue: (clientId: string, scenario: string, kind?: string) =>
      send('POST', '/scenarios/queue', { clientId, scenario, ...(kind === undefined ? {} : { kind }) }),
    event: (body: Record<string, unknown>) => send('POST', '/events', body),
    advanceClock: (seconds: number) => send('POST', '/clock/advance', { seconds }),
    resetClock: () => send('POST', '/clock/reset', {}),
    resetClient: (clientId: string) => send('POST', '/reset', { clientId }),
    /** A token for the client straight from the realm (never through the verifier's proxy). */
    token: async (client: Pick<MockClient, 'clientId' | 'secret'>): Promise<{ accessToken: string; expiresIn: number }> => {
      const res = await fetch(`${base}/auth/realms/${realm}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret }).toString(),
      });
      const body = (await res.json()) as { access_token?: string; expires_in?: number };
      if (!res.ok || !body.access_token) throw new MockAdminError(`token for ${client.clientId} answered ${res.status}: ${JSON.stringify(body)}`);
      return { accessToken: body.access_token, expiresIn: body.expires_in ?? 0 };
    },
    /** The device simulator plays the phone for the session: a liveness transaction and a document package, tagged with it. */
    device: (sessionId: string, transactionId?: string) =>
      send<{ livenessTransactionId: string; documentTransactionId: string }>('POST', '/device', {
        sessionId,
        ...(transactionId === undefined ? {} : { transactionId }),
      }),
    /** Binds a transaction to the session, as the backend does (through the gateway, with the client's token and key). */
    bind: async (token: string, productKey: string, sessionId: string, kind: 'liveness' | 'document', transactionId: string): Promise<void> => {
      const path = kind === 'liveness' ? 'liveness/transactions' : 'transactions';
      const res = await fetch(`${base}/mobilesdk/sessions/${encodeURIComponent(sessionId)}/${path}/${encodeURIComponent(transactionId)}`, {
        method: 'POST',
        headers: gateway(token, productKey),
      });
      if (res.status !== 204) throw new MockAdminError(`binding the ${kind} transaction for the state answered ${res.status}: ${await res.text()}`);
    },
    /** A document scan of the client, created through scanning v3 with its API key (never through the verifier's proxy). */
    createScan: async (apiKey: string): Promise<{ id: string }> => {
      const res = await fetch(`${base}/v3/scanning`, { method: 'POST', headers: { authorization: apiKey, 'content-type': 'application/json' }, body: '{}' });
      if (!res.ok) throw new MockAdminError(`scan for the state answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { id: string };
    },
    /** A scan that has ended: the API flow with one passport photo and a document analysis. */
    finishScan: async (apiKey: string): Promise<{ id: string }> => {
      const json = { authorization: apiKey, 'content-type': 'application/json' };
      const created = await fetch(`${base}/v3/eid/scanningsessions`, { method: 'POST', headers: json, body: '{}' });
      if (!created.ok) throw new MockAdminError(`scan for the state answered ${created.status}: ${await created.text()}`);
      const { session_id: id } = (await created.json()) as { session_id: string };
      const photo = new FormData();
      photo.append('document', new Blob([Buffer.from(TINY_PNG, 'base64')]), 'passport.png');
      const uploaded = await fetch(`${base}/v3/eid/scanningsessions/${id}/documents?documentType=Passport`, {
        method: 'POST',
        headers: { authorization: apiKey },
        body: photo,
      });
      if (!uploaded.ok) throw new MockAdminError(`the state's photo upload answered ${uploaded.status}: ${await uploaded.text()}`);
      const analysed = await fetch(`${base}/v3/eid/scanningsessions/${id}/analyses`, {
        method: 'POST',
        headers: json,
        body: '{"analysis_types":["document"]}',
      });
      if (!analysed.ok) throw new MockAdminError(`the state's analysis answered ${analysed.status}: ${await analysed.text()}`);
      return { id };
    },
    createSession: async (token: string, productKey: string): Promise<{ id: string }> => {
      const res = await fetch(`${base}/mobilesdk/sessions`, { method: 'POST', headers: gateway(token, productKey) });
      if (!res.ok) throw new MockAdminError(`session for the state answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { id: string };
    },
  };
}

export type MockAdmin = ReturnType<typeof mockAdmin>;

/** The same 1x1 PNG as an Assure data URL. */
export const TINY_PNG_DATA_URL = (): string => `data:image/png;base64,${TINY_PNG}`;

/** A 1x1 PNG: what the 'scan finished' state uploads as the passport's photo (checked by content, like any upload). */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';
