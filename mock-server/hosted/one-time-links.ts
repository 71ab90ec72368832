import type { Clock } from '../core/clock.js';
import type { IdFactory } from '../core/ids.js';
import type { KeyValueStore, StoreFactory } from '../store/store.js';

/** What a one-time link opens: one resource of one client, for one purpose (the desktop flow, the phone's). */
export interface LinkBinding {
  owner: string;
  resourceId: string;
  purpose: string;
}

interface StoredLink extends LinkBinding {
  expiresAt: number;
}

/** 16 random bytes, base64url: the 22 characters of ZignSec's `otp`. */
const TOKEN_LENGTH = 22;

/**
 * Single-use tokens with an expiry on the injected clock. Redeeming deletes the token, and only the
 * caller whose delete removed it gets the binding, so two browsers racing on one link cannot both win.
 * A used token is gone: used, expired and never issued look the same to whoever holds it.
 */
export class OneTimeLinks {
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
    if (typeof token !== 'string' || token.length !== TOKEN_LENGTH) return undefined;
    const link = await this.links.get(token);
    if (!link || link.resourceId !== resourceId || link.purpose !== purpose) return undefined;
    if (!(await this.links.delete(token))) return undefined;
    if (this.clock.now() >= link.expiresAt) return undefined;
    return { owner: link.owner, resourceId: link.resourceId, purpose: link.purpose };
  }
}

/**
 * The continuation of a redeemed link: the flow's later pages carry this token in their path (not a
 * cookie, so the flow works inside a third-party iframe), valid until it expires or the flow ends.
 */
export class FlowTokens {
  constructor(
    private readonly flows: KeyValueStore<StoredLink>,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
    private readonly ttlMs: number,
  ) {}

  async start(binding: LinkBinding): Promise<string> {
    const token = this.ids.urlSafe(TOKEN_LENGTH);
    await this.flows.set(token, { ...binding, expiresAt: this.clock.now() + this.ttlMs });
    return token;
  }

  async check(token: string, resourceId: string): Promise<LinkBinding | undefined> {
    const flow = await this.flows.get(token);
    if (!flow || flow.resourceId !== resourceId || this.clock.now() >= flow.expiresAt) return undefined;
    return { owner: flow.owner, resourceId: flow.resourceId, purpose: flow.purpose };
  }
}

export type { StoredLink };

export interface HostedLinkTimes {
  otpTtlSeconds: number;
  flowTtlSeconds: number;
}

/**
 * A surface's one-time links and flow tokens, in two collections named after it (`<name>-links`,
 * `<name>-flows`) owned by the link's client, so a reset reaches them and the per-client quota holds;
 * each entry leaves the store when it expires, not at the store's day-long default.
 */
export function hostedLinks(
  stores: StoreFactory,
  name: string,
  clock: Clock,
  ids: IdFactory,
  times: HostedLinkTimes,
): { otps: OneTimeLinks; flows: FlowTokens } {
  const otpTtlMs = times.otpTtlSeconds * 1000;
  const flowTtlMs = times.flowTtlSeconds * 1000;
  return {
    otps: new OneTimeLinks(stores.collection<StoredLink>(`${name}-links`, { owner: (l) => l.owner, ttlMs: otpTtlMs }), clock, ids, otpTtlMs),
    flows: new FlowTokens(stores.collection<StoredLink>(`${name}-flows`, { owner: (l) => l.owner, ttlMs: flowTtlMs }), clock, ids, flowTtlMs),
  };
}
