import { createHash } from 'node:crypto';
import type { MockConfig } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import type { IdFactory } from '../../core/ids.js';
import { hmacSha256 } from '../../webhooks/signing.js';
import type { KeyValueStore } from '../../store/store.js';
import type { WebhookDelivery } from '../../webhooks/webhook-delivery.js';
import type { AssureProcess } from './assure.entities.js';

export const EVENTS_SOURCE = 'assure';

/** A Signicat Events webhook subscription (the Dashboard's): where, and the optional HMAC secret. */
export interface Subscription {
  url: string;
  secret?: string;
}

/** What the control plane set for one client, kept in the store so every instance sends to it. */
export interface AddedSubscriptions {
  owner: string;
  subscriptions: Subscription[];
}

/** Subscriptions per client: those of config, and those the control plane adds while the mock runs. */
export class Subscriptions {
  constructor(
    private readonly configured: MockConfig['assure']['events']['subscriptions'],
    private readonly added: KeyValueStore<AddedSubscriptions>,
  ) {}

  async of(clientId: string): Promise<Subscription[]> {
    const fromConfig = this.configured.filter((s) => s.clientId === clientId).map(({ url, secret }) => ({ url, ...(secret === undefined ? {} : { secret }) }));
    return [...fromConfig, ...((await this.added.get(clientId))?.subscriptions ?? [])];
  }

  /** Replaces what the control plane set for a client (at most a few: a Dashboard, not a fan-out). */
  async set(clientId: string, subscriptions: Subscription[]): Promise<void> {
    if (subscriptions.length === 0) await this.added.delete(clientId);
    else await this.added.set(clientId, { owner: clientId, subscriptions: subscriptions.slice(0, 5) });
  }
}

/** Signicat's account id of a client: stable, shaped like the sandbox's `a-spge-…`. */
const accountIdOf = (clientId: string): string => `a-spge-${createHash('sha256').update(clientId).digest('base64url').slice(0, 20)}`;

/**
 * `process.complete` for every finished process (api-facts 5.9): the Signicat Events envelope to each of
 * the owner's subscriptions, signed with its secret when it has one; and the legacy callback
 * `{dossierId, processId, status}` to the process's `notificationUrl` with its `authorizationHeader`.
 */
export function processCompleteEvents(
  webhooks: WebhookDelivery,
  clock: Clock,
  ids: IdFactory,
  config: MockConfig['assure']['events'],
  subscriptions: Subscriptions,
) {
  return async function sendProcessComplete(p: AssureProcess): Promise<void> {
    const status = p.end!.status;
    const now = clock.now();
    const targets = await subscriptions.of(p.owner);
    if (targets.length > 0) {
      const body = JSON.stringify({
        id: ids.uuid().replace(/-/g, ''),
        timestamp: new Date(now).toISOString(),
        sender: 'assure',
        eventName: 'process.complete',
        eventData: { dossierId: p.dossierId, processId: p.id, provider: p.provider, status, externalReference: p.dossierId },
        accountId: accountIdOf(p.owner),
        organizationId: null,
        expiresAt: new Date(now + config.expiresHours * 3_600_000).toISOString(),
        tags: [],
      });
      for (const target of targets) {
        const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
        if (target.secret !== undefined) headers[config.signatureHeader] = hmacSha256(body, target.secret, config.encoding);
        void webhooks.enqueueOnce(
          { owner: p.owner, source: EVENTS_SOURCE, resourceId: p.id, url: target.url, body, headers },
          `${EVENTS_SOURCE}:${p.id}:${target.url}`,
        );
      }
    }
    if (p.notificationUrl !== undefined) {
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      if (p.authorizationHeader !== undefined) headers.authorization = p.authorizationHeader;
      const body = JSON.stringify({ dossierId: p.dossierId, processId: p.id, status });
      void webhooks.enqueueOnce(
        { owner: p.owner, source: `${EVENTS_SOURCE}-callback`, resourceId: p.id, url: p.notificationUrl, body, headers },
        `${EVENTS_SOURCE}-callback:${p.id}`,
      );
    }
  };
}
