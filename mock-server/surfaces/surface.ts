import type { RequestHandler, Router } from 'express';
import type { ErrorEnvelope } from '../core/envelopes.js';
import type { Deps } from '../deps.js';
import type { catalogRouter, RouteCatalog } from '../pipeline/route-catalog.js';
import type { OutcomeVocabulary } from '../scenario-engine/vocabulary.js';

/** What the composition root hands a surface when it mounts it: shared plumbing, nothing of another surface. */
export interface MountContext {
  /** Where the surface is mounted (its default, or `surfaces.<name>.prefix` from config). */
  prefix: string;
  /** The app's route catalog: routes registered through catalogRouter land in it. */
  catalog: RouteCatalog;
  /** The gateway's product-key and bearer-token check, for surfaces behind the gateway. */
  gatewayGuard: RequestHandler;
  /** JSON bodies up to `limits.jsonBodyBytes`, and up to `limits.uploadBodyBytes` for Regula's image routes. */
  jsonBody: RequestHandler;
  largeJsonBody: RequestHandler;
  /** Raw bodies (the SDKs' encrypted uploads) up to `limits.uploadBodyBytes`. */
  uploadBody: RequestHandler;
  /** The last handler of a surface's router: answers its unknown paths and renders its errors in `envelope`. */
  finish(router: Router, own: RouteCatalog, envelope: ErrorEnvelope): void;
}

/** One of this surface's resources, for the control plane's listing. */
export interface AdminResource {
  kind: string;
  id: string;
  clientId: string;
  createdAt: string;
  [detail: string]: unknown;
}

/** What a receiver got: the exact body and the headers, as the control plane's sink records them. */
export interface ReceivedWebhook {
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** Whether a received webhook's signature is one this surface made: under which header, and with whose key. */
export interface SignatureCheck {
  header: string;
  valid: boolean;
  /** Which key matched (`client demo-client's API key ••••9fb0`), when one did. */
  keyedWith?: string;
  /** What was tried, in words, when none matched. */
  detail: string;
}

/**
 * The contract of a surface folder: its `index.ts` exports one of these, and `surfaces/index.ts` lists
 * it. Everything the composition root, the control plane and the docs do with a surface goes through here.
 */
export interface Surface {
  readonly name: string;
  readonly defaultPrefix: string;
  /** Its OpenAPI document: `openapi/<definition>.yaml` (several surfaces may share one). */
  readonly definition: string;
  /** The error body this surface's own errors are rendered in. */
  readonly envelope: ErrorEnvelope;
  /** The outcomes and variants its fixtures render (the first variant of each is its default). */
  readonly outcomes?: OutcomeVocabulary;
  mount(deps: Deps, ctx: MountContext): Router;
  /** Routes of its own under /__admin (a vendor console the mock plays), behind the control plane's auth. */
  controlPlane?(r: ReturnType<typeof catalogRouter>, deps: Deps): void;
  /**
   * Checks the signature of a webhook it may have sent, against the keys it signs with (those of `owner`,
   * or of every client when the sender is not known); undefined when the body carries none of its headers.
   */
  checkWebhookSignature?(deps: Deps, received: ReceivedWebhook, owner: string | undefined): Promise<SignatureCheck | undefined>;
  /** Its resources of one client (or of all), newest first, at most `limit`. */
  resources?(deps: Deps, clientId: string | undefined, limit: number): Promise<AdminResource[]>;
  /**
   * Deletes one of its resources, of any client, by the `kind` and `id` its listing gives, with what belongs
   * to it (as its own API's delete takes it, where it has one) and its scenario binding; true when it existed
   * and is gone, false for a kind that is not its own or an id it does not hold. A surface with `resources` has it.
   */
  deleteResource?(deps: Deps, kind: string, id: string): Promise<boolean>;
}

/** Where a surface is mounted: config can move it. */
export const prefixOf = (surface: Surface, config: Deps['config']): string => config.surfaces[surface.name]?.prefix ?? surface.defaultPrefix;
