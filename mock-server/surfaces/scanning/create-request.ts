import type { LivenessAction, Requested } from '../../../fixtures/scanning/index.js';
import type { HttpError } from '../../core/http-error.js';
import type { LivenessOptions } from './scan.js';
import { invalidRequest, invalidTarget, invalidTargetError, invalidWebhook } from './scanning.errors.js';

export const LOCALES = ['en', 'se', 'de', 'fr', 'gr', 'it', 'ru', 'es', 'cz', 'tr'] as const;
const ANALYSIS_TYPES = ['document', 'selfie', 'liveness'] as const;
const LIVENESS_OPTIONS: readonly LivenessOptions[] = ['FrontSide', 'NoDocument', 'FrontAndBack'];
export const LIVENESS_ACTIONS: readonly LivenessAction[] = [
  'Random',
  'HeadLeft',
  'HeadRight',
  'HeadUp',
  'HeadDown',
  'MoveTowardsCamera',
  'MoveAwayFromCamera',
  'FollowText',
  'BlinkEyes',
  'Smile',
];
const MAX_URL = 2048;
const MAX_RELAY_STATE = 2048;
const MAX_CSS = 10;

/** What both create calls accept, checked. */
export interface CommonRequest {
  locale: string;
  relayState?: string;
  target?: string;
  targetError?: string;
  webhook?: string;
}

export interface ScanningRequest extends CommonRequest {
  requested: Requested;
}

export interface LivenessRequest extends CommonRequest {
  options: LivenessOptions;
  action: LivenessAction;
  availableActions: LivenessAction[];
  cancelUrl?: string;
  css: string[];
  ignoreErrorsInFields: string[];
}

type Body = Record<string, unknown>;

/** The checks a create call needs from outside: the webhook delivery's own policy on targets. */
export interface CreateChecks {
  webhookRefusal(url: string): string | undefined;
}

function objectBody(body: unknown): Body {
  // No body at all (or an empty one) is `{}`: every field of the scanning call is optional.
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalidRequest('The request body must be a JSON object.');
  return body as Body;
}

function absoluteUrl(value: unknown, field: string, error: (d: string) => HttpError): string | undefined {
  if (value === undefined || value === null) return undefined;
  const message = `The ${field} field must be an absolute http or https URL.`;
  if (typeof value !== 'string' || value.length > MAX_URL || !URL.canParse(value)) throw error(message);
  const { protocol } = new URL(value);
  if (protocol !== 'http:' && protocol !== 'https:') throw error(message);
  return value;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], ignoreCase = false): T {
  const found = typeof value === 'string' ? allowed.find((a) => (ignoreCase ? a.toLowerCase() === value.toLowerCase() : a === value)) : undefined;
  if (found === undefined) throw invalidRequest(`The ${field} field must be one of ${allowed.join(', ')}.`);
  return found;
}

function listOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > allowed.length * 4) throw invalidRequest(`The ${field} field must be an array of ${allowed.join(', ')}.`);
  return [...new Set(value.map((v) => oneOf(v, field, allowed)))];
}

function common(body: Body, checks: CreateChecks): CommonRequest {
  const locale = body.locale === undefined || body.locale === null ? 'en' : oneOf(body.locale, 'locale', LOCALES, true);
  const relayState = body.relay_state;
  if (relayState !== undefined && relayState !== null && (typeof relayState !== 'string' || relayState.length > MAX_RELAY_STATE)) {
    throw invalidRequest(`The relay_state field must be a string of at most ${MAX_RELAY_STATE} characters.`);
  }
  const target = absoluteUrl(body.target, 'target', invalidTarget);
  const targetError = absoluteUrl(body.target_error, 'target_error', invalidTargetError);
  const webhook = absoluteUrl(body.webhook, 'webhook', invalidWebhook);
  if (webhook !== undefined) {
    const refusal = checks.webhookRefusal(webhook);
    if (refusal !== undefined) throw invalidWebhook(`The webhook field is refused: ${refusal}.`);
  }
  return {
    locale,
    ...(typeof relayState === 'string' ? { relayState } : {}),
    ...(target === undefined ? {} : { target }),
    ...(targetError === undefined ? {} : { targetError }),
    ...(webhook === undefined ? {} : { webhook }),
  };
}

/** `POST /v3/scanning`: every field optional; `analysis_types` defaults to a document analysis. */
export function scanningRequest(raw: unknown, checks: CreateChecks): ScanningRequest {
  const body = objectBody(raw);
  const types = listOf(body.analysis_types, 'analysis_types', ANALYSIS_TYPES);
  const wanted = types.length === 0 ? ['document'] : types;
  return {
    ...common(body, checks),
    requested: { document: wanted.includes('document'), selfie: wanted.includes('selfie'), liveness: wanted.includes('liveness') },
  };
}

/** `POST /v3/scanning/liveness`: `options` and `action` are required. */
export function livenessRequest(raw: unknown, checks: CreateChecks): LivenessRequest {
  const body = objectBody(raw);
  if (body.options === undefined || body.options === null) throw invalidRequest('The options field is required.');
  if (body.action === undefined || body.action === null) throw invalidRequest('The action field is required.');
  const options = oneOf(body.options, 'options', LIVENESS_OPTIONS);
  const action = oneOf(body.action, 'action', LIVENESS_ACTIONS);
  const availableActions = listOf(body.available_actions, 'available_actions', LIVENESS_ACTIONS).filter((a) => a !== 'Random');
  const cancelUrl = absoluteUrl(body.cancel_url, 'cancel_url', invalidRequest);
  let css: string[] = [];
  if (body.css !== undefined && body.css !== null) {
    if (!Array.isArray(body.css) || body.css.length > MAX_CSS) throw invalidRequest(`The css field must be an array of at most ${MAX_CSS} URLs.`);
    css = body.css.map((u) => absoluteUrl(u, 'css', invalidRequest)!);
  }
  let ignoreErrorsInFields: string[] = [];
  const doc = body.doc;
  if (doc !== undefined && doc !== null) {
    if (typeof doc !== 'object' || Array.isArray(doc)) throw invalidRequest('The doc field must be an object.');
    const fields = (doc as Body).ignore_errors_in_fields;
    if (fields !== undefined && fields !== null) {
      if (!Array.isArray(fields) || fields.length > 100 || !fields.every((f) => typeof f === 'string' && f.length <= 200)) {
        throw invalidRequest('The doc.ignore_errors_in_fields field must be an array of field names.');
      }
      ignoreErrorsInFields = fields as string[];
    }
  }
  return { ...common(body, checks), options, action, availableActions, ...(cancelUrl === undefined ? {} : { cancelUrl }), css, ignoreErrorsInFields };
}
