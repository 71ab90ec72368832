import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { useMockServer } from '../helpers/mock-server.js';
import { call, fetchToken, gatewayHeaders } from '../helpers/api-client.js';

describe('input hygiene', () => {
  const mock = useMockServer({ limits: { jsonBodyBytes: 4096 } });
  let headers: Record<string, string>;
  beforeAll(async () => {
    headers = gatewayHeaders(await fetchToken(mock.realmUrl), 'demo-key-1');
  });

  it.each([
    ['truncated', '{"a":'],
    ['a trailing comma', '{"a":1,}'],
    ['a lone bracket', '['],
  ])('when a JSON body is %s, then 400 in the surface envelope and no stack trace', async (_n, body) => {
    const res = await call(`${mock.baseUrl}/mobilesdk/sessions`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, detail: 'The request body is not valid JSON.' });
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('when a JSON body is over the limit, then 413 and the response still arrives', async () => {
    const res = await call(`${mock.baseUrl}/mobilesdk/sessions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(8192) }),
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ status: 413 });
  });

  it('when a JSON body declares an unsupported charset, then 415', async () => {
    const res = await call(`${mock.baseUrl}/mobilesdk/sessions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json; charset=klingon' },
      body: '{}',
    });
    expect(res.status).toBe(415);
  });

  it.each([
    ['/mobilesdk/sesions', 'POST', 'POST /mobilesdk/sessions'],
    ['/mobilesdk/docreader/api/pings', 'GET', 'GET /mobilesdk/docreader/api/ping'],
    ['/auth/realms/zignsec/protocol/openid-connect/tokens', 'POST', 'POST /auth/realms/zignsec/protocol/openid-connect/token'],
    ['/mobilesdk/sessions/abc/livenes/transactions/def', 'POST', 'POST /mobilesdk/sessions/:sessionId/liveness/transactions/:transactionId'],
  ])('when %s is requested, then 404 names the nearest known route', async (path, method, nearest) => {
    const res = await call(`${mock.baseUrl}${path}`, { method, headers });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-mock-hint')).toBe(`nearest known route: ${nearest}`);
    expect(res.body.hint).toBe(`nearest known route: ${nearest}`);
  });

  it('when a known path is called with the wrong method, then 405 with Allow', async () => {
    const res = await call(`${mock.baseUrl}/auth/realms/zignsec/protocol/openid-connect/token`, { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(res.body).toMatchObject({ error: 'method_not_allowed' });
  });

  it('when the path is very long, then a 404 comes back quickly', async () => {
    const started = performance.now();
    const res = await call(`${mock.baseUrl}/${'a/'.repeat(3000)}`);
    expect(res.status).toBe(404);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('when an authenticated request asks for a 2 KB unknown path, then 404 names a route like any typo', async () => {
    const path = `/mobilesdk/docreader/api/${'transactio/'.repeat(200)}`.slice(0, 2048);
    const started = performance.now();
    const res = await call(`${mock.baseUrl}${path}`, { headers });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-mock-hint')).toMatch(/^nearest known route: GET \/mobilesdk\/docreader\/api\//);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('when a known path has a long id and the wrong method, then 405 with Allow (not a 404)', async () => {
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/v2/transaction/${'i'.repeat(1000)}`, { method: 'PUT', headers });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, GET');
  });

  it('when the request line is garbage, then the connection gets a 400 and the server keeps serving', async () => {
    const { port } = new URL(mock.baseUrl);
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => {
        resolve(data);
      });
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await call(`${mock.baseUrl}/__admin/health`)).status).toBe(200);
  });

  it('when responses are served, then there is no ETag or X-Powered-By', async () => {
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers });
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
