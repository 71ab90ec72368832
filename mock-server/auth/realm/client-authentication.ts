import type { ClientRegistry, RegisteredClient } from '../client-registry.js';
import type { Form } from './form.js';

export type ClientAuthFailure = 'no_client' | 'bad_basic_header' | 'unknown_client' | 'disabled' | 'missing_secret' | 'wrong_secret';

export type ClientAuthResult = { ok: true; client: RegisteredClient } | { ok: false; reason: ClientAuthFailure; usedBasic: boolean };

/** RFC 6749 section 2.3.1: id and secret are form-urlencoded before Basic encoding. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function parseBasic(header: string): { id: string; secret: string } | undefined {
  if (header.length < 6 || header.slice(0, 6).toLowerCase() !== 'basic ') return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id === undefined || secret === undefined ? undefined : { id, secret };
}

/**
 * Keycloak's client-id-and-secret authenticator: Basic credentials, overridden by form `client_id` /
 * `client_secret` when those are present.
 */
export async function authenticateClient(authorization: string | undefined, form: Form, registry: ClientRegistry): Promise<ClientAuthResult> {
  const basic = authorization === undefined ? undefined : parseBasic(authorization);
  const usedBasic = basic !== undefined;
  if (authorization !== undefined && !basic && form.client_id === undefined) {
    return { ok: false, reason: 'bad_basic_header', usedBasic };
  }
  const clientId = form.client_id ?? basic?.id;
  const secret = form.client_secret ?? basic?.secret;
  if (clientId === undefined || clientId === '') return { ok: false, reason: 'no_client', usedBasic };
  const client = await registry.lookup(clientId);
  if (!client) return { ok: false, reason: 'unknown_client', usedBasic };
  if (!client.enabled) return { ok: false, reason: 'disabled', usedBasic };
  if (secret === undefined) return { ok: false, reason: 'missing_secret', usedBasic };
  if (!registry.secretMatches(client, secret)) return { ok: false, reason: 'wrong_secret', usedBasic };
  return { ok: true, client };
}
