import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken, form, gatewayHeaders } from '../helpers/api-client.js';
import { useMockServer, type TestMock } from '../helpers/mock-server.js';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** A fresh client's gateway headers. */
async function gatewayCaller(mock: TestMock): Promise<Record<string, string>> {
  const client = await adminApi(mock.baseUrl).newClient();
  return gatewayHeaders(await fetchToken(mock.realmUrl, client), client.productKeys[0]!);
}

/** Each JSON surface, with how its envelope shows the status. */
const surfaces: Array<{ name: string; path: string; gateway: boolean; status: (body: any) => unknown }> = [
  { name: 'the sessions API (ProblemDetails)', path: '/mobilesdk/sessions', gateway: true, status: (b) => b.status },
  { name: 'Document Reader (OperationLog)', path: '/mobilesdk/docreader/api/v2/transaction/start', gateway: true, status: (b) => b.statusCode },
  { name: 'the Face API (OperationLog)', path: '/mobilesdk/faceapi/api/v2/liveness/start', gateway: true, status: (b) => b.statusCode },
  { name: 'the admin API (ProblemDetails)', path: '/__admin/clients', gateway: false, status: (b) => b.status },
];

describe("JSON routes refuse what is not plain JSON, in each surface's error body", () => {
  const mock = useMockServer({ limits: { jsonDepth: 64 } });

  const post = async (path: string, gateway: boolean, type: string | undefined, body: string) =>
    call(`${mock.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...(gateway ? await gatewayCaller(mock) : {}), ...(type === undefined ? {} : { 'content-type': type }) },
      body,
    });

  describe.each(surfaces)('$name', ({ path, gateway, status }) => {
    it.each([
      ['text/plain', 'text/plain', '{}'],
      ['form-encoded', 'application/x-www-form-urlencoded', 'a=1'],
      ['without a content type', undefined, '{}'],
    ])('when the body is %s, then 415', async (_name, type, body) => {
      // fetch labels a string body text/plain itself; a Blob without a type goes without one.
      const res =
        type === undefined
          ? await call(`${mock.baseUrl}${path}`, { method: 'POST', headers: gateway ? await gatewayCaller(mock) : {}, body: new Blob([body]) })
          : await post(path, gateway, type, body);
      expect(res.status).toBe(415);
      expect(status(res.body)).toBe(415);
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
    });

    it.each([
      ['application/problem+json', 'application/problem+json'],
      ['application/merge-patch+json', 'application/merge-patch+json'],
      ['a charset parameter', 'application/json; charset=utf-8'],
      ['upper case', 'Application/JSON'],
    ])('when the type is %s, then the body is read', async (_name, type) => {
      const res = await post(path, gateway, type, '{}');
      expect(res.status).toBeLessThan(300);
    });

    it('when the JSON nests deeper than 64 levels, then 400', async () => {
      const res = await post(path, gateway, 'application/json', `{"tag":${nested(64)}}`);
      expect(res.status).toBe(400);
      expect(status(res.body)).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/nested deeper than 64 levels/);
    });

    it('when the body has a __proto__ key, then 400 and nothing is polluted', async () => {
      const res = await post(path, gateway, 'application/json', '{"__proto__":{"isAdmin":true}}');
      expect(res.status).toBe(400);
      expect(status(res.body)).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/\\"__proto__\\" key/);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  });

  it('when a Regula body is 1 MB of [[[[ (body-parser path), then 400 in the OperationLog and the server keeps serving', async () => {
    const headers = await gatewayCaller(mock);
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/process`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: nested(500_000),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'BadRequest' });
    expect((await call(`${mock.baseUrl}/__admin/health`)).status).toBe(200);
  });

  it('when a Regula body is an unbalanced 20 MB of [[[[, then 400 before it is parsed', async () => {
    const headers = await gatewayCaller(mock);
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/process`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '['.repeat(20_000_000),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, msg: 'The JSON body is nested deeper than 64 levels.' });
  });

  it('when a large body (body-parser path) hides a constructor key, then 400', async () => {
    const headers = await gatewayCaller(mock);
    const body = JSON.stringify({ processParam: { scenario: 'FullAuth' }, pad: 'x'.repeat(100_000) }).replace('{', '{"constructor":{"prototype":{"x":1}},');
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/process`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    expect(res.body.msg).toMatch(/"constructor" key/);
  });

  it.each([
    ['octet-stream', 'application/octet-stream'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['text/plain', 'text/plain'],
  ])('when an SDK upload is %s, then it is uploaded as before', async (_name, type) => {
    const headers = await gatewayCaller(mock);
    const started = await call(`${mock.baseUrl}/mobilesdk/faceapi/api/v2/liveness/start`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    const id = started.body.transactionId as string;
    const res = await call(`${mock.baseUrl}/mobilesdk/faceapi/api/v2/liveness?transactionId=${id}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': type },
      body: 'encrypted-bytes',
    });
    expect(res.status).toBe(200);
    const doc = await call(`${mock.baseUrl}/mobilesdk/docreader/api/v2/transaction/start`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    const uploaded = await call(`${mock.baseUrl}/mobilesdk/docreader/api/v2/transaction/${doc.body.transactionId}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': type },
      body: 'encrypted-bytes',
    });
    expect(uploaded.status).toBe(200);
  });

  it('when a bodiless POST says text/plain, then it goes on as before', async () => {
    const headers = await gatewayCaller(mock);
    const res = await call(`${mock.baseUrl}/mobilesdk/sessions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain', 'content-length': '0' },
    });
    expect(res.status).toBe(200);
  });

  it('when the token endpoint gets __proto__ and constructor form fields, then they are plain fields and the token is issued', async () => {
    const client = await adminApi(mock.baseUrl).newClient();
    const res = await call(
      `${mock.realmUrl}/protocol/openid-connect/token`,
      form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret, ['__proto__']: 'x', constructor: 'y' }),
    );
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
