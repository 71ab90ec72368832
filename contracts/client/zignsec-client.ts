import { DocumentReaderApi, type ProcessResult, type TransactionProcessRequest } from '@regulaforensics/document-reader-webclient';
import { Configuration, FaceSdk } from '@regulaforensics/facesdk-webclient';
import { Discovery } from './discovery.js';
import { errorFrom, errorFromAxios, GatewayError, ZignSecError } from './errors.js';
import { ProductKeys } from './product-keys.js';
import { MemoryTokenStore, TokenProvider, type TokenStore } from './token-provider.js';
import type {
  DeviceInfo,
  DiscoveryDocument,
  FetchLike,
  LivenessTransactionInfo,
  RegulaService,
  ReprocessOptions,
  ReprocessResponse,
  Session,
} from './types.js';

export interface ZignSecClientOptions {
  /** The gateway, e.g. https://test-gateway.zignsec.com (or the mock's base URL). */
  baseUrl: string;
  /** The Keycloak realm; `zignsec`. */
  realm?: string;
  clientId: string;
  clientSecret: string;
  /** Both product keys: when the gateway refuses one (401 or 403), the client moves to the next. */
  productKeys: readonly string[];
  /** How the client authenticates at the token endpoint; Basic by default, as openid-client does. */
  authMethod?: 'client_secret_basic' | 'client_secret_post';
  /** Seconds before expiry at which a token is replaced; 30 by default. */
  refreshSkewSeconds?: number;
  fetch?: FetchLike;
  /** Epoch milliseconds; inject a fake clock to test expiry without waiting. */
  now?: () => number;
  /** Where the current token is kept; in memory by default. */
  tokenStore?: TokenStore;
}

/**
 * A backend's client of the ZignSec gateway: discovery, cached client-credentials tokens, and the
 * session calls, each retried once with a fresh token when the gateway refuses the token and once per
 * other product key when it refuses the key (ZignSec's rotation contract).
 */
export class ZignSecClient {
  private readonly baseUrl: string;
  private readonly fetch: FetchLike;
  private readonly discovery: Discovery;
  private readonly tokens: TokenProvider;
  private readonly keys: ProductKeys;

  constructor(options: ZignSecClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.discovery = new Discovery(this.fetch, `${this.baseUrl}/auth/realms/${options.realm ?? 'zignsec'}`);
    this.keys = new ProductKeys(options.productKeys);
    this.tokens = new TokenProvider({
      fetch: this.fetch,
      now: options.now ?? Date.now,
      tokenEndpoint: async () => (await this.discovery.get()).token_endpoint,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authMethod: options.authMethod ?? 'client_secret_basic',
      refreshSkewSeconds: options.refreshSkewSeconds ?? 30,
      store: options.tokenStore ?? new MemoryTokenStore(),
    });
  }

  /** The realm's metadata (token endpoint, JWKS, issuer). */
  metadata(): Promise<DiscoveryDocument> {
    return this.discovery.get();
  }

  /** A token that is valid for at least the refresh skew; hand it to the app with {@link productKey}. */
  accessToken(): Promise<string> {
    return this.tokens.token();
  }

  /** The product key that works now. */
  get productKey(): string {
    return this.keys.current;
  }

  async createSession(): Promise<Session> {
    return (await (await this.call('POST', '/mobilesdk/sessions')).json()) as Session;
  }

  async bindLiveness(sessionId: string, transactionId: string): Promise<void> {
    await this.call('POST', `/mobilesdk/sessions/${encodeURIComponent(sessionId)}/liveness/transactions/${encodeURIComponent(transactionId)}`);
  }

  async bindDocument(sessionId: string, transactionId: string): Promise<void> {
    await this.call('POST', `/mobilesdk/sessions/${encodeURIComponent(sessionId)}/transactions/${encodeURIComponent(transactionId)}`);
  }

  /** Checks the credentials and the Regula service behind the gateway in one call. */
  async ping(service: RegulaService): Promise<DeviceInfo> {
    return (await (await this.call('GET', `/mobilesdk/${service}/api/ping`)).json()) as DeviceInfo;
  }

  /**
   * Reprocesses the document the phone uploaded (zero trust: the transaction, and `livePortrait`, must be
   * bound to a session of this client), through Regula's official Document Reader web client. The answer
   * is Regula's ProcessResponse plus `transactionId` and `tag`; a processing error is a {@link RegulaError}.
   */
  async reprocess(transactionId: string, options: ReprocessOptions = {}): Promise<ReprocessResponse> {
    const request = {
      processParam: {
        scenario: options.scenario ?? 'FullAuth',
        useFaceApi: options.useFaceApi ?? true,
        faceApi: { mode: 'match', threshold: options.threshold ?? 75 },
      },
      ...(options.livePortrait === undefined ? {} : { livePortrait: options.livePortrait }),
    } as unknown as TransactionProcessRequest;
    const res = await this.regula((headers) => this.docreader(headers).reprocessTransaction(transactionId, request));
    return res.data as unknown as ReprocessResponse;
  }

  /** The stored result of a reprocessed transaction, as Regula's client parses it (`status.overallStatus`, `text`, `images`…). */
  results(transactionId: string, withImages: boolean): Promise<ProcessResult> {
    return this.regula((headers) => this.docreader(headers).getReprocessTransactionResult(transactionId, withImages));
  }

  /** The liveness verdict of a liveness transaction (`status` 0: confirmed), through Regula's official Face web client. */
  liveness(transactionId: string): Promise<LivenessTransactionInfo> {
    return this.regula(async (headers) => {
      const face = new FaceSdk(new Configuration({ basePath: `${this.baseUrl}/mobilesdk/faceapi`, baseOptions: this.axiosOptions(headers) }));
      return (await face.livenessApi.getLivenessTransactionInfo(transactionId)) as LivenessTransactionInfo;
    });
  }

  private docreader(headers: Record<string, string>): DocumentReaderApi {
    return new DocumentReaderApi({ basePath: `${this.baseUrl}/mobilesdk/docreader`, baseOptions: this.axiosOptions(headers) });
  }

  /** Regula's clients use axios; its fetch adapter with this client's fetch keeps one transport for every call. */
  private axiosOptions(headers: Record<string, string>) {
    // axios hands fetch a Request; this client's fetch takes a URL and init.
    const viaFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      if (!(input instanceof Request)) return this.fetch(String(input), init);
      const body = input.body === null ? undefined : await input.arrayBuffer();
      return this.fetch(input.url, { method: input.method, headers: input.headers, signal: input.signal, ...(body === undefined ? {} : { body }), ...init });
    };
    return { headers, adapter: 'fetch', env: { fetch: viaFetch } };
  }

  /** A call through one of Regula's clients, with the same retries as {@link call}: their axios errors become typed errors first. */
  private regula<T>(attempt: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    return this.withRetries(async (headers) => {
      try {
        return await attempt(headers);
      } catch (e) {
        throw errorFromAxios(e);
      }
    });
  }

  /** One gateway call with its retries; any other failure is thrown as a typed error. */
  private call(method: string, path: string): Promise<Response> {
    return this.withRetries(async (headers) => {
      const res = await this.fetch(`${this.baseUrl}${path}`, { method, headers: { ...headers, accept: 'application/json' } });
      if (res.ok) return res;
      throw await errorFrom(res);
    });
  }

  /**
   * Runs `attempt` with the current token and product key; when the gateway refuses the token it is
   * repeated once with a fresh one, when it refuses the key once per other key. Anything else is thrown.
   */
  private async withRetries<T>(attempt: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    let tokenRetried = false;
    let keysTried = 1;
    for (;;) {
      const token = await this.tokens.token();
      const key = this.keys.current;
      let error: unknown;
      try {
        return await attempt({ authorization: `Bearer ${token}`, 'zs-product-key': key });
      } catch (e) {
        if (!(e instanceof ZignSecError)) throw e;
        error = e;
      }
      if (error instanceof GatewayError && error.status === 401 && error.tokenRejected && !tokenRetried) {
        tokenRetried = true;
        await this.tokens.refused(token);
        continue;
      }
      if (error instanceof GatewayError && error.productKeyRejected && keysTried < this.keys.count) {
        keysTried++;
        this.keys.refused(key);
        continue;
      }
      throw error;
    }
  }
}
