import { signicatToken } from '../helpers/assure-client.js';
import { readFileSync } from 'node:fs';
import { createConfig, lint, type NormalizedProblem } from '@redocly/openapi-core';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEFINITION_FILES, definitionFile } from '../../openapi/definitions.js';
import { adminRouter } from '../../mock-server/admin/admin.router.js';
import { RouteCatalog } from '../../mock-server/pipeline/route-catalog.js';
import { EVENTS, RESOURCE_KINDS } from '../../mock-server/scenario-engine/vocabulary.js';
import { TYPED_DEFINITIONS, typesFileOf, typesSource } from '../../scripts/generate-openapi-types.js';
import { DEMO, call, fetchToken, gatewayHeaders } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';

// Redocly's recommended rules, less two that do not fit these documents: discovery, JWKS and health
// have no 4xx answer to declare, and the answers to undeclared routes are referenced from the
// `x-unmatched-routes` extension, which the unused-components rule does not follow. Scanning's
// `/v3/scanning/{id}/result` and `/v3/scanning/liveness/{id}` overlap on paths that both answer alike
// (the same result of the same session), so ambiguity there is harmless.
const lintConfig = () =>
  createConfig({ extends: ['recommended'], rules: { 'operation-4xx-response': 'off', 'no-unused-components': 'off', 'no-ambiguous-paths': 'off' } });

const REGULA_DIR = fileURLToPath(new URL('../../openapi/regula/', import.meta.url));

/**
 * The gateway's Regula bodies are references into Regula's own definitions (OpenAPI 3.0.4, in the ignored
 * local copy). Linted as part of our 3.1 document, their 3.0 keyword `nullable` is the one thing the
 * struct rule refuses; nothing else in them, and nothing at all in our own files, may be a problem.
 */
const isRegulaNullable = (p: NormalizedProblem) =>
  p.ruleId === 'struct' && p.message === 'Property `nullable` is not expected here.' && (p.location[0]?.source.absoluteRef ?? '').startsWith(REGULA_DIR);

/** Every definition once: the ones the mock serves and the ones a reference client is typed by (Assure's came before its surface). */
const LINTED = Object.entries({ ...DEFINITION_FILES, ...Object.fromEntries(TYPED_DEFINITIONS.map((name) => [name, definitionFile(name)])) });

type Operation = { method: string; path: string; security: unknown };

function operationsOf(file: string): Operation[] {
  const doc = parseYaml(readFileSync(file, 'utf8'));
  return Object.entries<Record<string, { security?: unknown }>>(doc.paths).flatMap(([path, item]) =>
    ['get', 'post', 'put', 'delete', 'patch'].filter((m) => item[m]).map((method) => ({ method, path, security: item[method]!.security ?? doc.security })),
  );
}

describe('our OpenAPI definitions', () => {
  it.each(LINTED)('when %s is linted with the recommended rules, then there is no problem at all', async (_name, file) => {
    const problems = (await lint({ ref: file, config: await lintConfig() })).filter((p) => !isRegulaNullable(p));
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it.each(TYPED_DEFINITIONS)('when the %s types are generated again, then they equal the committed openapi/<name>.types.ts', async (name) => {
    expect(await typesSource(name)).toBe(readFileSync(typesFileOf(name), 'utf8'));
  });

  it("when the admin definition lists resource kinds and events, then they are the scenario engine's", () => {
    const doc = parseYaml(readFileSync(DEFINITION_FILES.admin, 'utf8'));
    expect(doc.components.schemas.ResourceKind.enum).toEqual([...RESOURCE_KINDS]);
    expect(doc.components.schemas.EventName.enum).toEqual([...EVENTS]);
  });

  it('when the scanning definition names its security, then every operation needs the raw API key', () => {
    const operations = operationsOf(DEFINITION_FILES.scanning);
    expect(operations.length).toBeGreaterThanOrEqual(6);
    for (const op of operations) expect(op.security, `${op.method} ${op.path}`).toEqual([{ apiKey: [] }]);
  });

  it('when the gateway definition names its security, then every /mobilesdk operation needs both the token and the product key', () => {
    const mobilesdk = operationsOf(DEFINITION_FILES.gateway).filter((o) => o.path.startsWith('/mobilesdk/'));
    expect(mobilesdk.length).toBeGreaterThanOrEqual(5);
    for (const op of mobilesdk) expect(op.security, `${op.method} ${op.path}`).toEqual([{ bearerAuth: [], productKey: [] }]);
  });

  it('when the assure definition names its security and errors, then every operation needs the bearer token and every 4xx is an AssureError', () => {
    const doc = parseYaml(readFileSync(definitionFile('assure'), 'utf8'));
    const operations = operationsOf(definitionFile('assure'));
    expect(operations.length).toBe(19);
    for (const op of operations) {
      expect(op.security, `${op.method} ${op.path}`).toEqual([{ bearerAuth: [] }]);
      const responses = Object.entries<{ $ref?: string }>(doc.paths[op.path][op.method].responses);
      const fourXx = responses.filter(([status]) => status.startsWith('4'));
      expect(
        fourXx.map(([s]) => s),
        `${op.method} ${op.path}`,
      ).toEqual(expect.arrayContaining(['400', '401']));
      for (const [status, response] of fourXx) expect(response.$ref, `${op.method} ${op.path} ${status}`).toBe('#/components/responses/Error');
    }
    expect(doc.components.responses.Error.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AssureError' });
    expect(Object.keys(doc.components.responses.Image.content)).toEqual(['image/jpeg', 'image/png']);
  });

  describe('against the mock', () => {
    const mock = useMockServer();

    it("when the control plane is built, then every JSON route it serves is in the admin definition (the console's HTML pages aside), and every definition path is served", () => {
      const catalog = new RouteCatalog();
      adminRouter('/__admin', mock.deps, catalog);
      const shape = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/:[A-Za-z]+|\{[A-Za-z]+\}/g, '{}')}`;
      // A served template covers a defined route when each segment is the same or a parameter (`/openapi/{}` covers `/openapi/admin`).
      const covers = (template: string, route: string) => {
        const [t, r] = [template.split('/'), route.split('/')];
        return t.length === r.length && t.every((segment, i) => segment === r[i] || segment === '{}');
      };
      const served = catalog
        .list()
        .map((r) => shape(r.method, r.template.slice('/__admin'.length)))
        .filter((route) => !route.includes(' /ui/'));
      const defined = operationsOf(DEFINITION_FILES.admin).map((op) => shape(op.method, op.path));
      expect(served.filter((route) => !defined.some((d) => covers(route, d)))).toEqual([]);
      expect(defined.filter((route) => !served.some((s) => covers(s, route)))).toEqual([]);
    });
    const fill = (path: string) =>
      path
        .replace('{sessionId}', 'no-such-session')
        .replace('{transactionId}', crypto.randomUUID())
        .replace('{kind}', 'token')
        .replace(/\{[A-Za-z]+\}/g, 'x');

    it.each([
      ['gateway', '', DEFINITION_FILES.gateway],
      ['admin', '/__admin', DEFINITION_FILES.admin],
      ['scanning', '', DEFINITION_FILES.scanning],
      ['assure', '/assure', DEFINITION_FILES.assure],
    ])('when every operation of the %s definition is called, then the mock serves it (no unknown-route 404, no 405)', async (_name, prefix, file) => {
      const headers =
        _name === 'scanning'
          ? { authorization: DEMO.apiKey }
          : _name === 'assure'
            ? { authorization: `Bearer ${await signicatToken(mock.baseUrl)}` }
            : gatewayHeaders(await fetchToken(mock.realmUrl, DEMO), DEMO.keys[0]);
      for (const op of operationsOf(file)) {
        const res = await call(`${mock.baseUrl}${prefix}${fill(op.path)}`, { method: op.method.toUpperCase(), headers });
        expect(res.headers.get('x-mock-hint'), `${op.method} ${op.path}`).toBeNull();
        expect(res.status, `${op.method} ${op.path}`).not.toBe(405);
      }
    });
  });
});
