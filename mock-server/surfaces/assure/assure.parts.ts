import type { Request } from 'express';
import type { Deps } from '../../deps.js';
import { publicBaseUrl } from '../../pipeline/public-base-url.js';
import type { KeyValueStore } from '../../store/store.js';
import type { AssureProcess, CaptureLink, Dossier, StoredImage } from './assure.entities.js';
import { processCompleteEvents, Subscriptions, type AddedSubscriptions } from './assure.events.js';
import { AssureMedia } from './assure.media.js';
import type { RequestChecks } from './assure.requests.js';
import { AssureService } from './assure.service.js';
import { forgetResult } from './process-view.js';

/** The surface's name (its key in `surfaces` of config), and where its API and its capture pages are mounted. */
export const ASSURE_NAME = 'assure';
export const ASSURE_PREFIX = '/assure';
export const CAPTURE_NAME = 'assure-capture';
export const CAPTURE_PREFIX = '/capture';

/** The parts the API routes, the capture pages and the control plane share, built once per app. */
export interface AssureParts {
  service: AssureService;
  media: AssureMedia;
  captures: KeyValueStore<CaptureLink>;
  subscriptions: Subscriptions;
  checks: RequestChecks;
  /** Where the capture pages are, as the request reached us. */
  captureBase(req: Request): string;
}

const built = new WeakMap<Deps, AssureParts>();

export function assureParts(deps: Deps): AssureParts {
  let parts = built.get(deps);
  if (parts) return parts;
  const { config } = deps;
  const stores = {
    dossiers: deps.stores.collection<Dossier>('assure-dossiers', { owner: (d) => d.owner }),
    processes: deps.stores.collection<AssureProcess>('assure-processes', { owner: (p) => p.owner }),
    // Uploaded images are the big entries: their own, smaller caps bound the memory they can take.
    images: deps.stores.collection<StoredImage>('assure-images', {
      owner: (i) => i.owner,
      maxEntries: config.assure.maxStoredImages,
      maxEntriesPerOwner: config.assure.maxStoredImagesPerClient,
    }),
  };
  const captures = deps.stores.collection<CaptureLink>('assure-captures', { owner: (c) => c.owner, ttlMs: config.hosted.flowTtlSeconds * 1000 });
  const subscriptions = new Subscriptions(
    config.assure.events.subscriptions,
    deps.stores.collection<AddedSubscriptions>('assure-subscriptions', { owner: (s) => s.owner, ttlMs: 365 * 24 * 3_600_000 }),
  );
  const onFinal = processCompleteEvents(deps.webhooks, deps.clock, deps.ids, config.assure.events, subscriptions);
  let service: AssureService | undefined = undefined;
  // A verdict falls due on the wall clock too: a timer per process that is processing, never keeping the process alive.
  const wakeAt = (at: number, processId: string) => {
    const timer = setTimeout(
      () => {
        void service?.find(processId);
      },
      Math.max(0, at - deps.clock.now()) + 5,
    );
    timer.unref();
  };
  const sdkToken = (processId: string, dossierId: string) =>
    deps.signicat.sdkToken('eid-sdk', processId, { dossierId, provider: 'eid' }, config.hosted.flowTtlSeconds);
  let media: AssureMedia | undefined = undefined;
  const onRemoved = (processId: string) => {
    forgetResult(processId);
    media?.forget(processId);
  };
  service = new AssureService(stores, deps.clock, deps.ids, deps.scenarios, config.assure, { onFinal, onRemoved, wakeAt, sdkToken });
  media = new AssureMedia(service);
  parts = {
    service,
    media,
    captures,
    subscriptions,
    checks: {
      callbackRefusal: (url) => deps.webhooks.checkTarget(url),
      maxImageBytes: config.assure.maxImageBytes,
      maxImagePixels: config.assure.maxImagePixels,
    },
    captureBase: (req) => `${publicBaseUrl(req, config.publicUrl)}${config.surfaces[CAPTURE_NAME]?.prefix ?? CAPTURE_PREFIX}`,
  };
  built.set(deps, parts);
  // Processes whose verdict the virtual clock jumped past end (and notify) without being read.
  deps.clock.onChange(() => {
    void service.settleDue();
  });
  return parts;
}
