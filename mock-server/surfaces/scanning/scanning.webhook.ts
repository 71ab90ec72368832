import type { ScanningResult } from '../../../fixtures/scanning/index.js';
import type { MockConfig } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import { hmacSha256, timestampedSignature } from '../../webhooks/signing.js';
import type { WebhookDelivery } from '../../webhooks/webhook-delivery.js';
import type { Scan } from './scan.js';

export const SIGNATURE_HEADER = 'X-ZignSec-Hmac-SHA256';

/**
 * What ZignSec POSTs to a scan's `webhook` when it ends (api-facts 4.5): by default the result object
 * itself, signed with an HMAC-SHA256 of the exact body keyed with the API key, base64. The gateway
 * family's envelope and `t=`/`v1=` signature are the configurable alternative.
 */
export function scanWebhook(webhooks: WebhookDelivery, clock: Clock, config: MockConfig['scanning']['webhook']) {
  return function sendScanWebhook(scan: Scan, result: ScanningResult): void {
    if (scan.webhook === undefined) return;
    const body = JSON.stringify(
      config.envelope === 'result'
        ? result
        : {
            event: 'session_updated',
            id: scan.id,
            integration_id: scan.owner,
            relay_state: result.relay_state,
            result: { errors: result.errors, status: result.status, eventSpecificData: result.result },
            workflow_session_id: scan.id,
          },
    );
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (config.signing === 'api-key') headers[SIGNATURE_HEADER] = hmacSha256(body, scan.apiKey, config.encoding);
    if (config.signing === 'timestamped') headers[SIGNATURE_HEADER] = timestampedSignature(body, config.secret!, Math.floor(clock.now() / 1000));
    void webhooks.enqueueOnce({ owner: scan.owner, source: 'scanning', resourceId: scan.id, url: scan.webhook, body, headers }, `scanning:${scan.id}:end`);
  };
}
