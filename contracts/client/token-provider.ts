import { errorFrom, ZignSecError } from './errors.js';
import type { FetchLike, TokenResponse } from './types.js';

export interface CachedToken {
  accessToken: string;
  /** When to stop using it: its expiry less the refresh skew, in epoch milliseconds by the client's clock. */
  refreshAt: number;
}

/** Where the current token lives; share one between instances of a backend to fetch fewer tokens. */
export interface TokenStore {
  get(): CachedToken | undefined | Promise<CachedToken | undefined>;
  set(token: CachedToken): void | Promise<void>;
  delete(accessToken: string): void | Promise<void>;
}

export class MemoryTokenStore implements TokenStore {
  private token: CachedToken | undefined;
  get() {
    return this.token;
  }
  set(token: CachedToken) {
    this.token = token;
  }
  delete(accessToken: string) {
    if (this.token?.accessToken === accessToken) this.token = undefined;
  }
}

export interface TokenProviderOptions {
  fetch: FetchLike;
  now: () => number;
  tokenEndpoint: () => Promise<string>;
  clientId: string;
  clientSecret: string;
  authMethod: 'client_secret_basic' | 'client_secret_post';
  /** Sent as `scope` when set (Signicat's `signicat-api`); the gateway's realm needs none. */
  scope?: string;
  /** Refresh this long before expiry, so a token never expires in flight. */
  refreshSkewSeconds: number;
  store: TokenStore;
}

/** RFC 6749 2.3.1: id and secret are form-urlencoded before they are put in Basic. */
const formEncode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');

/** Client-credentials tokens, cached until shortly before they expire; concurrent callers share one fetch. */
export class TokenProvider {
  private inFlight: Promise<string> | undefined;

  constructor(private readonly options: TokenProviderOptions) {}

  async token(): Promise<string> {
    const cached = await this.options.store.get();
    if (cached && this.options.now() < cached.refreshAt) return cached.accessToken;
    this.inFlight ??= this.fetchToken().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** The gateway refused this token (expired early, key rotated): forget it, so the next call fetches anew. */
  async refused(accessToken: string): Promise<void> {
    await this.options.store.delete(accessToken);
  }

  private async fetchToken(): Promise<string> {
    const o = this.options;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (o.scope !== undefined) form.set('scope', o.scope);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (o.authMethod === 'client_secret_post') {
      form.set('client_id', o.clientId);
      form.set('client_secret', o.clientSecret);
    } else {
      headers.authorization = `Basic ${Buffer.from(`${formEncode(o.clientId)}:${formEncode(o.clientSecret)}`).toString('base64')}`;
    }
    const requestedAt = o.now();
    const res = await o.fetch(await o.tokenEndpoint(), { method: 'POST', headers, body: form.toString() });
    if (!res.ok) throw await errorFrom(res);
    const body = (await res.json()) as TokenResponse;
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new ZignSecError(res.status, body, res.headers, 'token response without access_token or expires_in');
    }
    // A token shorter-lived than twice the skew is kept for half its life, so it is still used at all.
    const skewMs = Math.min(o.refreshSkewSeconds, body.expires_in / 2) * 1000;
    await o.store.set({ accessToken: body.access_token, refreshAt: requestedAt + body.expires_in * 1000 - skewMs });
    return body.access_token;
  }
}
