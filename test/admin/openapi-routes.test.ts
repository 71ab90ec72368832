import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEFINITION_FILES } from '../../openapi/definitions.js';
import { call } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';

const source = (file: string) => parseYaml(readFileSync(file, 'utf8'));

/** Our own components as written, less those whose references point into Regula's files (the bundle rewrites them). */
const kindWithoutFileRefs = (entries: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => !/"\$ref":"\.\//.test(JSON.stringify(value))));

describe('the definitions served by the mock', () => {
  const mock = useMockServer();

  it('when the gateway definition is fetched, then it is the YAML file as JSON with servers set to the URL used', async () => {
    const res = await call(`${mock.baseUrl}/__admin/openapi`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.servers).toEqual([{ url: mock.baseUrl, description: expect.any(String) }]);
    // The bundler pulls references inside extensions in place, and Regula's schemas (references into the
    // local copy in openapi/regula/) into components; everything else is the file as written.
    const { servers: _served, 'x-unmatched-routes': unmatched, paths, components, ...rest } = res.body;
    const { servers: _written, 'x-unmatched-routes': _refs, paths: writtenPaths, components: writtenComponents, ...written } = source(DEFINITION_FILES.gateway);
    expect(rest).toEqual(written);
    expect(Object.keys(unmatched)).toEqual(['unknown-route', 'wrong-method', 'unknown-realm']);
    expect(Object.keys(paths)).toEqual(Object.keys(writtenPaths));
    for (const [kind, entries] of Object.entries<Record<string, unknown>>(writtenComponents))
      expect(components[kind]).toMatchObject(kindWithoutFileRefs(entries));
    expect(JSON.stringify(res.body)).not.toMatch(/"\$ref":"(?!#)/);
    expect(Object.keys(components.schemas)).toEqual(
      expect.arrayContaining(['ProcessResponse', 'TransactionProcessRequest', 'OperationLog', 'TransactionInfo']),
    );
    expect(paths['/mobilesdk/docreader/api/v2/transaction/{transactionId}/results'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ProcessResponse',
    });
  });

  it('when the mock is reached by another host name, then servers names that one', async () => {
    const port = new URL(mock.baseUrl).port;
    const res = await call(`http://localhost:${port}/__admin/openapi`);
    expect(res.body.servers[0].url).toBe(`http://localhost:${port}`);
  });

  it('when the admin definition is fetched, then its server is the control plane under the URL used', async () => {
    const res = await call(`${mock.baseUrl}/__admin/openapi/admin`);
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe(source(DEFINITION_FILES.admin).info.title);
    expect(res.body.servers).toEqual([{ url: `${mock.baseUrl}/__admin`, description: expect.any(String) }]);
  });

  it('when the docs page is fetched, then it is one HTML page listing every operation of both definitions, loading nothing from elsewhere', async () => {
    const res = await call(`${mock.baseUrl}/__admin/docs`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const html = res.text;
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    for (const file of Object.values(DEFINITION_FILES)) {
      for (const [path, item] of Object.entries<Record<string, { operationId: string }>>(source(file).paths)) {
        for (const [method, op] of Object.entries(item).filter(([m]) => ['get', 'post', 'put', 'delete'].includes(m))) {
          expect(html, op.operationId).toContain(`<span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code>`);
        }
      }
    }
    expect(html).toContain('Zs-Product-Key');
    expect(html).toContain('id="gateway-schema-ProblemDetails"');
  });
});

describe('the definitions served behind a configured public URL', () => {
  const mock = useMockServer({ publicUrl: 'https://mock.example.test/base' });

  it('when fetched, then servers is the public URL', async () => {
    expect((await call(`${mock.baseUrl}/__admin/openapi`)).body.servers[0].url).toBe('https://mock.example.test/base');
  });
});
