import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { DEFINITION_FILES } from '../../openapi/definitions.js';
import { call, type Reply } from './api-client.js';

const json = (method: string, body: unknown, headers: Record<string, string>): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** A backend calling scanning v3 with one API key (undefined: none at all). */
export function scanningApi(baseUrl: string, apiKey: string | undefined) {
  const auth: Record<string, string> = apiKey === undefined ? {} : { authorization: apiKey };
  const with_ = (scenario?: string): Record<string, string> => ({ ...auth, ...(scenario === undefined ? {} : { 'x-mock-scenario': scenario }) });
  return {
    create: (body: unknown = {}, scenario?: string): Promise<Reply> => call(`${baseUrl}/v3/scanning`, json('POST', body, with_(scenario))),
    createLiveness: (body: unknown = { options: 'FrontSide', action: 'Smile' }, scenario?: string): Promise<Reply> =>
      call(`${baseUrl}/v3/scanning/liveness`, json('POST', body, with_(scenario))),
    result: (id: string, path = `/v3/scanning/${id}`): Promise<Reply> => call(`${baseUrl}${path}`, { headers: auth }),
    get: (path: string): Promise<Reply> => call(`${baseUrl}${path}`, { headers: auth }),
    post: (path: string, body: unknown, scenario?: string): Promise<Reply> => call(`${baseUrl}${path}`, json('POST', body, with_(scenario))),
    raw: (path: string, init: RequestInit = {}): Promise<Reply> =>
      call(`${baseUrl}${path}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } }),
  };
}

export type ScanningApi = ReturnType<typeof scanningApi>;

// ajv-formats is CommonJS; its default export arrives nested under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
let ajv: Ajv2020 | undefined;

/** Checks a body against a schema of openapi/scanning.yaml (OpenAPI 3.1 is JSON Schema 2020-12); answers the violations. */
export function scanningViolations(schema: string, body: unknown): string[] {
  if (!ajv) {
    const doc = parseYaml(readFileSync(DEFINITION_FILES.scanning, 'utf8')) as { components: { schemas: Record<string, unknown> } };
    ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addSchema({ $id: 'scanning', components: doc.components }, 'scanning');
  }
  const validate = ajv.getSchema(`scanning#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema} in scanning.yaml`);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
