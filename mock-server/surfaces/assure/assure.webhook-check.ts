import type { Deps } from '../../deps.js';
import { matchHmac, type CandidateKey } from '../../webhooks/signature-match.js';
import type { ReceivedWebhook, SignatureCheck } from '../surface.js';
import { assureParts } from './assure.parts.js';

/**
 * Checks the Signicat Events signature header (config `assure.events.signatureHeader`): HMAC-SHA256 of the
 * body keyed with a subscription's secret, the owner's subscriptions first, else every client's.
 */
export async function checkEventsWebhook(deps: Deps, received: ReceivedWebhook, owner: string | undefined): Promise<SignatureCheck | undefined> {
  const config = deps.config.assure.events;
  const signature = received.headers[config.signatureHeader.toLowerCase()];
  if (signature === undefined) return undefined;
  const owners = owner !== undefined ? [owner] : deps.clients.all().map((c) => c.clientId);
  const { subscriptions } = assureParts(deps);
  const candidates: CandidateKey[] = [];
  for (const clientId of owners) {
    for (const s of await subscriptions.of(clientId)) {
      if (s.secret !== undefined) candidates.push({ key: s.secret, label: `client ${clientId}'s subscription secret for ${s.url}` });
    }
  }
  const match = matchHmac(received.body, signature, candidates, config.encoding);
  return match
    ? { header: config.signatureHeader, valid: true, keyedWith: match.label, detail: `HMAC-SHA256 of the body, ${config.encoding}` }
    : {
        header: config.signatureHeader,
        valid: false,
        detail: `no HMAC-SHA256 (${config.encoding}) keyed with any of ${candidates.length} subscription secrets matches`,
      };
}
