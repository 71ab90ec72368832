import { documentTypeById } from '../../../fixtures/assure/index.js';
import { parseImageDataUrl } from '../../../fixtures/media/index.js';
import { invalidParam, invalidParams } from './assure.errors.js';
import { PROVIDERS, UPLOAD_KINDS, isProvider, type Provider, type UploadKind } from './assure.entities.js';

type Body = Record<string, unknown>;

export interface ImageUpload {
  type: 'image/png' | 'image/jpeg';
  bytes: Buffer;
}

export interface CreateProcessRequest {
  provider: Provider;
  processType: string;
  documentId?: number;
  notificationUrl?: string;
  authorizationHeader?: string;
  redirectUrl?: string;
}

export interface StartCaptureRequest {
  provider: Provider;
  processType: string;
  redirectUrl: string;
  notificationUrl?: string;
  authorizationHeader?: string;
}

/** What the routes check outside the request: where callbacks may go, and the image limits. */
export interface RequestChecks {
  callbackRefusal(url: string): string | undefined;
  maxImageBytes: number;
  maxImagePixels: number;
}

function objectBody(body: unknown): Body {
  // No body (or an empty one) is `{}`: create dossier and start verification take none.
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalidParam('body', 'must be a JSON object');
  return body as Body;
}

function optionalString(body: Body, name: string, max = 2048): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > max)
    throw invalidParam(name, `must be a non-empty string of at most ${max} characters`);
  return value;
}

function url(body: Body, name: string, checks: RequestChecks | undefined, required = false): string | undefined {
  const value = optionalString(body, name);
  if (value === undefined) {
    if (required) throw invalidParam(name, 'is required');
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw invalidParam(name, 'must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalidParam(name, 'must be an absolute http(s) URL');
  const refusal = checks?.callbackRefusal(value);
  if (refusal !== undefined) throw invalidParam(name, `is refused: ${refusal}`);
  return value;
}

export function createDossierRequest(raw: unknown): { tags?: string[] } {
  const body = objectBody(raw);
  const tags = body.tags;
  if (tags === undefined) return {};
  if (!Array.isArray(tags) || tags.length > 20 || !tags.every((t) => typeof t === 'string' && t.length > 0 && t.length <= 100)) {
    throw invalidParam('tags', 'must be at most 20 strings of 1 to 100 characters');
  }
  return { tags: tags as string[] };
}

function providerAndType(body: Body, field: string): { provider: Provider; processType: string } {
  const provider = body.provider;
  if (provider === undefined) throw invalidParam(`${field}provider`, 'is required');
  if (!isProvider(provider)) throw invalidParam(`${field}provider`, `must be one of ${Object.keys(PROVIDERS).join(', ')} (the providers this mock plays)`);
  const types: readonly string[] = PROVIDERS[provider];
  const processType = body.processType ?? types[0];
  if (typeof processType !== 'string' || !types.includes(processType))
    throw invalidParam(`${field}processType`, `must be one of ${types.join(', ')} for ${provider}`);
  return { provider, processType };
}

export function createProcessRequest(raw: unknown, checks: RequestChecks): CreateProcessRequest {
  const body = objectBody(raw);
  const { provider, processType } = providerAndType(body, '');
  const documentId = body.documentId;
  if (documentId !== undefined) {
    // The seed writes it as a number; a string of digits ("137") is taken as well.
    const id = typeof documentId === 'string' && /^\d{1,9}$/.test(documentId) ? Number(documentId) : documentId;
    if (typeof id !== 'number' || !Number.isInteger(id) || documentTypeById(provider, id) === undefined) {
      throw invalidParam('documentId', `is not one of ${provider}'s document types (GET /assure/${provider}/document-types)`);
    }
  }
  const notificationUrl = url(body, 'notificationUrl', checks);
  const authorizationHeader = optionalString(body, 'authorizationHeader', 4096);
  const redirectUrl = url(body, 'redirectUrl', undefined);
  return {
    provider,
    processType,
    ...(documentId === undefined ? {} : { documentId: Number(documentId) }),
    ...(notificationUrl === undefined ? {} : { notificationUrl }),
    ...(authorizationHeader === undefined ? {} : { authorizationHeader }),
    ...(redirectUrl === undefined ? {} : { redirectUrl }),
  };
}

export function startCaptureRequest(raw: unknown, checks: RequestChecks): StartCaptureRequest {
  const body = objectBody(raw);
  const providers = body.providers;
  if (!Array.isArray(providers) || providers.length === 0) throw invalidParam('providers', 'must list at least one provider');
  if (providers.length > 10) throw invalidParam('providers', 'must list at most 10 providers');
  const first: unknown = providers[0];
  if (typeof first !== 'object' || first === null || Array.isArray(first)) throw invalidParam('providers[0]', 'must be an object {provider, processType?}');
  const { provider, processType } = providerAndType(first as Body, 'providers[0].');
  const redirectUrl = url(body, 'redirectUrl', undefined, true)!;
  const notificationUrl = url(body, 'notificationUrl', checks);
  const authorizationHeader = optionalString(body, 'authorizationHeader', 4096);
  return {
    provider,
    processType,
    redirectUrl,
    ...(notificationUrl === undefined ? {} : { notificationUrl }),
    ...(authorizationHeader === undefined ? {} : { authorizationHeader }),
  };
}

const IMAGE_REASONS: Record<string, string> = {
  'not-a-data-url': 'must be a data URL (data:image/jpeg;base64,... or data:image/png;base64,...)',
  'not-base64': 'must be base64 encoded',
  'not-an-image': 'must be a PNG or JPEG image',
  empty: 'must not be empty',
};

/** `{front?, back?, selfie?}` as data URLs, names in any case; `portrait` is made by the provider, never uploaded. */
export function imagesRequest(raw: unknown, checks: RequestChecks): Partial<Record<UploadKind, ImageUpload>> {
  const body = objectBody(raw);
  const images: Partial<Record<UploadKind, ImageUpload>> = {};
  const problems: Array<{ name: string; reason: string }> = [];
  for (const [name, value] of Object.entries(body)) {
    const kind = name.toLowerCase();
    if (kind === 'portrait') {
      problems.push({ name, reason: 'cannot be uploaded: the portrait is cut from the document by the provider' });
      continue;
    }
    if (!(UPLOAD_KINDS as readonly string[]).includes(kind)) {
      problems.push({ name, reason: 'is not an image kind (front, back or selfie)' });
      continue;
    }
    if (value === undefined || value === null) continue;
    const parsed = parseImageDataUrl(value, { maxBytes: checks.maxImageBytes, maxPixels: checks.maxImagePixels });
    if (!parsed.ok) {
      const reason =
        parsed.reason === 'too-large'
          ? `must be at most ${checks.maxImageBytes} bytes`
          : parsed.reason === 'too-many-pixels'
            ? `must be at most ${checks.maxImagePixels} pixels wide and high`
            : IMAGE_REASONS[parsed.reason]!;
      problems.push({ name, reason });
      continue;
    }
    images[kind as UploadKind] = { type: parsed.type, bytes: parsed.bytes };
  }
  if (problems.length > 0) throw invalidParams(problems);
  if (Object.keys(images).length === 0) throw invalidParam('body', 'must carry at least one of front, back, selfie');
  return images;
}
