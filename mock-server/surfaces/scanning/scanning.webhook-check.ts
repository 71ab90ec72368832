import type { Deps } from '../../deps.js';
import { matchHmac, matchTimestamped, type CandidateKey } from '../../webhooks/signature-match.js';
import type { ReceivedWebhook, SignatureCheck } from '../surface.js';
import { SIGNATURE_HEADER } from './scanning.webhook.js';

const tail = (key: string) => `••••${key.slice(-4)}`;

/**
 * Checks `X-ZignSec-Hmac-SHA256` as this mock signs it: keyed with the scan's API key (any of its
 * owner's, or of every client when the owner is unknown), or `t=…,v1=…` with the configured secret.
 */
export async function checkScanWebhook(deps: Deps, received: ReceivedWebhook, owner: string | undefined): Promise<SignatureCheck | undefined> {
  const header = SIGNATURE_HEADER.toLowerCase();
  const signature = received.headers[header];
  if (signature === undefined) return undefined;
  const config = deps.config.scanning.webhook;
  if (config.signing === 'timestamped') {
    const match = matchTimestamped(received.body, signature, [{ key: config.secret!, label: 'the configured scanning.webhook.secret' }]);
    return match
      ? { header: SIGNATURE_HEADER, valid: true, keyedWith: match.label, detail: 't=…,v1=… over "t.body"' }
      : { header: SIGNATURE_HEADER, valid: false, detail: 'no match with scanning.webhook.secret (t=…,v1=… over "t.body")' };
  }
  const owned = owner === undefined ? undefined : await deps.clients.lookup(owner);
  const clients = owned ? [owned] : deps.clients.all();
  const candidates: CandidateKey[] = clients.flatMap((c) => c.apiKeys.map((key) => ({ key, label: `client ${c.clientId}'s API key ${tail(key)}` })));
  const match = matchHmac(received.body, signature, candidates, config.encoding);
  const whose = owned ? `${owned.clientId}'s API keys` : `the API keys of all ${clients.length} clients`;
  return match
    ? { header: SIGNATURE_HEADER, valid: true, keyedWith: match.label, detail: `HMAC-SHA256 of the body, ${config.encoding}` }
    : { header: SIGNATURE_HEADER, valid: false, detail: `no HMAC-SHA256 (${config.encoding}) of the body keyed with ${whose} matches` };
}
