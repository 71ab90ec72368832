import { Discovery } from './discovery.js';
import { errorFrom, GatewayError } from './errors.js';
import { ProductKeys } from './product-keys.js';
import { MemoryTokenStore, TokenProvider, type TokenStore } from './token-provider.js';
import type { DeviceInfo, DiscoveryDocument, FetchLike, RegulaService, Session } from './types.js';

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

  /** One gateway call with its retries; any other failure is thrown as a typed error. */
  private async call(method: string, path: string): Promise<Response> {
    let tokenRetried = false;
    let keysTried = 1;
    for (;;) {
      const token = await this.tokens.token();
      const key = this.keys.current;
      const res = await this.fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'zs-product-key': key, accept: 'application/json' },
      });
      if (res.ok) return res;
      const error = await errorFrom(res);
      if (error instanceof GatewayError && error.status === 401 && error.tokenRejected && !tokenRetried) {
        tokenRetried = true;
        await this.tokens.refused(token);
        continue;
      }
      if (error instanceof GatewayError && (error.status === 401 || error.status === 403) && !error.tokenRejected && keysTried < this.keys.count) {
        keysTried++;
        this.keys.refused(key);
        continue;
      }
      throw error;
    }
  }
}
