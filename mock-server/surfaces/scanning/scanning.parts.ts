import type { Deps } from '../../deps.js';
import { hostedLinks } from '../../hosted/one-time-links.js';
import { publicBaseUrl } from '../../pipeline/public-base-url.js';
import type { Scan } from './scan.js';
import type { ScanningParts } from './scanning.router.js';
import { ScanningService } from './scanning.service.js';
import { scanWebhook } from './scanning.webhook.js';

/** The surface's name (its key in `surfaces` of config) and where it is mounted unless config moves it. */
export const SCANNING_NAME = 'scanning';
export const SCANNING_PREFIX = '/v3';

const built = new WeakMap<Deps, ScanningParts>();

/**
 * The surface's services for one app's dependencies, built once: the mount and the control plane's
 * listing both reach the same store collection.
 */
export function scanningParts(deps: Deps): ScanningParts {
  let parts = built.get(deps);
  if (!parts) {
    const scans = deps.stores.collection<Scan>('scans', { owner: (s) => s.owner });
    const service = new ScanningService(
      scans,
      deps.clock,
      deps.ids,
      deps.scenarios,
      deps.config.scanning,
      scanWebhook(deps.webhooks, deps.clock, deps.config.scanning.webhook),
    );
    const { hosted } = deps.config;
    // Collections `scan-links` and `scan-flows`; each entry leaves the store when it expires.
    const { otps, flows } = hostedLinks(deps.stores, 'scan', deps.clock, deps.ids, hosted);
    parts = {
      service,
      otps,
      flows,
      links: { issue: (scan, device) => otps.issue({ owner: scan.owner, resourceId: scan.id, purpose: device }) },
      checks: { webhookRefusal: (url) => deps.webhooks.checkTarget(url) },
      pagesBase: (req) => `${publicBaseUrl(req, deps.config.publicUrl)}${deps.config.surfaces[SCANNING_NAME]?.prefix ?? SCANNING_PREFIX}/scan/ui`,
    };
    built.set(deps, parts);
    // Scans left in the flow time out as the clock jumps past them; otherwise when next looked at.
    deps.clock.onChange(() => {
      void service.expireDue();
    });
  }
  return parts;
}
