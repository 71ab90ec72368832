import type { Clock } from '../core/clock.js';
import type { IdFactory } from '../core/ids.js';
import type { KeyValueStore, StoreFactory } from '../store/store.js';

/** What a link opens: one resource of one client, for one purpose (the desktop flow, the phone's). */
export interface LinkBinding {
  owner: string;
  resourceId: string;
  purpose: string;
}

export interface StoredLink extends LinkBinding {
  expiresAt: number;
}

/** 16 random bytes, base64url: the 22 characters of ZignSec's `otp`. */
const TOKEN_LENGTH = 22;

/**
 * Tokens that open one resource until they expire on the injected clock. As one-time links they are
 * redeemed: the token is deleted, and only the caller whose delete removed it gets the binding, so two
 * browsers racing on one link cannot both win (used, expired and never issued then look the same). As
 * flow tokens (the continuation of a redeemed link, carried in the pages' paths rather than a cookie so
 * the flow works in a third-party iframe) they are checked, as often as the flow needs.
 */
export class LinkTokens {
  constructor(
    private readonly links: KeyValueStore<StoredLink>,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
    private readonly ttlMs: number,
  ) {}

  async issue(binding: LinkBinding): Promise<string> {
    const token = this.ids.urlSafe(TOKEN_LENGTH);
    await this.links.set(token, { ...binding, expiresAt: this.clock.now() + this.ttlMs });
    return token;
  }

  /** The binding once, when the token is live and opens this resource for this purpose; undefined otherwise. */
  async redeem(token: unknown, resourceId: string, purpose: string): Promise<LinkBinding | undefined> {
    const link = await this.live(token, resourceId);
    if (!link || link.purpose !== purpose || !(await this.links.delete(link.token))) return undefined;
    return link.binding;
  }

  /** The binding while the token is live and opens this resource. */
  async check(token: unknown, resourceId: string): Promise<LinkBinding | undefined> {
    return (await this.live(token, resourceId))?.binding;
  }

  /** Every token that opens this resource, for any purpose (the resource was deleted); answers how many went. */
  revoke(resourceId: string): Promise<number> {
    return this.links.deleteWhere((l) => l.resourceId === resourceId);
  }

  private async live(token: unknown, resourceId: string): Promise<{ token: string; binding: LinkBinding; purpose: string } | undefined> {
    if (typeof token !== 'string' || token.length !== TOKEN_LENGTH) return undefined;
    const link = await this.links.get(token);
    if (!link || link.resourceId !== resourceId || this.clock.now() >= link.expiresAt) return undefined;
    return { token, purpose: link.purpose, binding: { owner: link.owner, resourceId: link.resourceId, purpose: link.purpose } };
  }
}

export interface HostedLinkTimes {
  otpTtlSeconds: number;
  flowTtlSeconds: number;
}

/**
 * A surface's one-time links and flow tokens, in two collections named after it (`<name>-links`,
 * `<name>-flows`) owned by the link's client, so a reset reaches them and the per-client quota holds;
 * each entry leaves the store when it expires, not at the store's day-long default.
 */
export function hostedLinks(stores: StoreFactory, name: string, clock: Clock, ids: IdFactory, times: HostedLinkTimes): { otps: LinkTokens; flows: LinkTokens } {
  const otpTtlMs = times.otpTtlSeconds * 1000;
  const flowTtlMs = times.flowTtlSeconds * 1000;
  return {
    otps: new LinkTokens(stores.collection<StoredLink>(`${name}-links`, { owner: (l) => l.owner, ttlMs: otpTtlMs }), clock, ids, otpTtlMs),
    flows: new LinkTokens(stores.collection<StoredLink>(`${name}-flows`, { owner: (l) => l.owner, ttlMs: flowTtlMs }), clock, ids, flowTtlMs),
  };
}
