import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { encodePng } from '../../fixtures/images/png.js';
import { definitionFile } from '../../openapi/definitions.js';
import { convertDocument } from '../../openapi/oas30-json-schema.js';
import { call, type Reply } from './api-client.js';

export const ASSURE_DEMO = { clientId: 'demo-assure', secret: 'demo-assure-secret' } as const;
export const ASSURE_DEMO2 = { clientId: 'demo-assure-2', secret: 'demo-assure-secret-2' } as const;

const basic = (c: { clientId: string; secret: string }) =>
  `Basic ${Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.secret)}`).toString('base64')}`;

/** Signicat's token call as its docs show it: client_secret_basic, client_credentials, scope signicat-api. */
export function signicatTokenCall(baseUrl: string, client: { clientId: string; secret: string }, form: Record<string, string> = {}): Promise<Reply> {
  return call(`${baseUrl}/auth/open/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(client) },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'signicat-api', ...form }).toString(),
  });
}

export async function signicatToken(baseUrl: string, client: { clientId: string; secret: string } = ASSURE_DEMO): Promise<string> {
  const res = await signicatTokenCall(baseUrl, client);
  if (res.status !== 200) throw new Error(`Signicat token refused: ${res.status} ${res.text}`);
  return res.body.access_token as string;
}

/** A backend calling the Assure API with one bearer (undefined: none). */
export function assureApi(baseUrl: string, token: string | undefined) {
  const auth: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const json = (method: string, body: unknown, scenario?: string): RequestInit => ({
    method,
    headers: { ...auth, accept: 'application/json', 'content-type': 'application/json', ...(scenario === undefined ? {} : { 'x-mock-scenario': scenario }) },
    body: JSON.stringify(body),
  });
  const a = `${baseUrl}/assure`;
  return {
    createDossier: (body: unknown = {}) => call(`${a}/dossiers`, json('POST', body)),
    listDossiers: () => call(`${a}/dossiers`, { headers: auth }),
    dossier: (id: string) => call(`${a}/dossiers/${id}`, { headers: auth }),
    deleteDossier: (id: string) => call(`${a}/dossiers/${id}`, { method: 'DELETE', headers: auth }),
    createProcess: (dossierId: string, body: unknown, scenario?: string) => call(`${a}/dossiers/${dossierId}/processes`, json('POST', body, scenario)),
    process: (dossierId: string, processId: string) => call(`${a}/dossiers/${dossierId}/processes/${processId}`, { headers: auth }),
    setImages: (dossierId: string, processId: string, body: unknown) => call(`${a}/dossiers/${dossierId}/processes/${processId}/images`, json('POST', body)),
    startVerification: (dossierId: string, processId: string) => call(`${a}/dossiers/${dossierId}/processes/${processId}/startverification`, json('POST', {})),
    capture: (dossierId: string, body: unknown, scenario?: string) => call(`${a}/dossiers/${dossierId}/capture`, json('POST', body, scenario)),
    setFiles: (dossierId: string, body: unknown) => call(`${a}/dossiers/${dossierId}/files`, json('POST', body)),
    bytes: async (path: string) => {
      const res = await fetch(`${a}${path}`, { headers: auth });
      return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
    },
    get: (path: string) => call(`${a}${path}`, { headers: auth }),
    send: (method: string, path: string, body?: unknown) => call(`${a}${path}`, body === undefined ? { method, headers: auth } : json(method, body)),
    raw: (path: string, init: RequestInit = {}) => call(`${a}${path}`, init),
  };
}

export type AssureApi = ReturnType<typeof assureApi>;

/** A minimal PNG of w x h (one colour), as a data URL: what a backend uploads in the tests. */
export function pngDataUrl(w = 64, h = 40): string {
  return `data:image/png;base64,${tinyPng(w, h).toString('base64')}`;
}

export function tinyPng(w = 64, h = 40): Buffer {
  return encodePng(w, h, new Uint8Array(w * h * 3).fill(180));
}

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
let ajv: Ajv2020 | undefined;

/** A body's violations of a schema of openapi/assure.yaml (OpenAPI 3.0, converted to JSON Schema). */
export function assureViolations(schema: string, body: unknown): string[] {
  if (!ajv) {
    const doc = convertDocument(parseYaml(readFileSync(definitionFile('assure'), 'utf8')) as Record<string, unknown>) as {
      components: { schemas: Record<string, unknown> };
    };
    ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addSchema({ $id: 'assure', components: doc.components }, 'assure');
  }
  const validate = ajv.getSchema(`assure#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema} in assure.yaml`);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** A fresh Assure client of the control plane, its token and its API. */
export async function newAssureBackend(baseUrl: string) {
  const res = await call(`${baseUrl}/__admin/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scopes: ['signicat-api'] }),
  });
  if (res.status !== 201) throw new Error(`client not created: ${res.status} ${res.text}`);
  const client = res.body as { clientId: string; secret: string };
  const token = await signicatToken(baseUrl, client);
  return { client, token, api: assureApi(baseUrl, token) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
export const ALPHA3 = /^[A-Z]{3}$/;
export { DATE };
