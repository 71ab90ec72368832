import type { Scan } from '../scan.js';

/**
 * Where the browser goes when the flow ends: `target` when the analysis ran (whatever its verdict),
 * `cancel_url` (liveness) or else `target_error` on cancel, failure or timeout; each with the relay state
 * appended as a query parameter, as ZignSec's v2 redirects carry `relaystate` (api-facts 4.4). Undefined
 * when the backend gave no URL: the page then says the person may close it.
 */
export function finalRedirect(scan: Scan, relayStateParam: string): string | undefined {
  const outcome = scan.end?.outcome;
  if (outcome === undefined) return undefined;
  const ok = outcome === 'accepted' || outcome === 'rejected' || outcome === 'inconclusive';
  const url = ok ? scan.target : outcome === 'cancelled' ? (scan.cancelUrl ?? scan.targetError) : scan.targetError;
  if (url === undefined) return undefined;
  const target = new URL(url);
  target.searchParams.set(relayStateParam, scan.relayState ?? scan.id);
  return target.toString();
}
