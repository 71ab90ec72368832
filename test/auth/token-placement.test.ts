import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken, gatewayHeaders } from '../helpers/api-client.js';
import { useMockServer, type TestMock } from '../helpers/mock-server.js';

const TWICE = { statusCode: 400, message: 'Bad request. Send the access token in the Authorization header only.' };
const TWICE_CHALLENGE = 'Bearer error="invalid_request", error_description="The access token was sent in more than one way"';
const MISSING = { statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' };
const FORM = 'application/x-www-form-urlencoded';

/** A fresh client's token and first product key. */
async function caller(mock: TestMock) {
  const client = await adminApi(mock.baseUrl).newClient();
  const token = await fetchToken(mock.realmUrl, client);
  return { token, key: client.productKeys[0]!, headers: gatewayHeaders(token, client.productKeys[0]!) };
}

describe('the bearer token is read from the Authorization header only (RFC 6750 section 2, as APIM reads it)', () => {
  const mock = useMockServer();

  it.each([['access_token=TOKEN'], ['tag=a&access_token=TOKEN'], ['access%5Ftoken=TOKEN'], ['access_token=']])(
    'when the header token also comes in the query as %s, then 400 invalid_request in the gateway body',
    async (query) => {
      const { token, headers } = await caller(mock);
      const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping?${query.replace('TOKEN', token)}`, { headers });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(TWICE);
      expect(res.headers.get('www-authenticate')).toBe(TWICE_CHALLENGE);
    },
  );

  it('when the query only mentions access_token in a value, then the call goes through', async () => {
    const { headers } = await caller(mock);
    expect((await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping?note=access_token%20here`, { headers })).status).toBe(200);
  });

  it.each([
    ['a JSON route', '/mobilesdk/sessions'],
    ['an SDK upload route', '/mobilesdk/docreader/api/v2/transaction/5b3c3d9e-0000-4000-8000-000000000000'],
  ])('when the header token also comes in a form body on %s, then 400 invalid_request', async (_name, path) => {
    const { token, headers } = await caller(mock);
    const res = await call(`${mock.baseUrl}${path}`, { method: 'POST', headers: { ...headers, 'content-type': FORM }, body: `access_token=${token}` });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(TWICE);
    expect(res.headers.get('www-authenticate')).toBe(TWICE_CHALLENGE);
  });

  it('when an SDK upload is form-encoded without access_token, then it is still uploaded', async () => {
    const { headers } = await caller(mock);
    const started = await call(`${mock.baseUrl}/mobilesdk/docreader/api/v2/transaction/start`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(started.status).toBe(200);
    const id = started.body.transactionId as string;
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/v2/transaction/${id}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': FORM },
      body: 'package=abc',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ transactionId: id });
  });

  it('when a form body on the gateway is over the form limit, then 413 in the gateway body', async () => {
    const { headers } = await caller(mock);
    const res = await call(`${mock.baseUrl}/mobilesdk/sessions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': FORM },
      body: `pad=${'x'.repeat(70 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ statusCode: 413, message: 'Bad request. The form body could not be read.' });
  });

  it('when the token comes in the query only, then it counts as missing (401 with a bare Bearer challenge)', async () => {
    const { token, key } = await caller(mock);
    const res = await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping?access_token=${token}`, { headers: { 'zs-product-key': key } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(MISSING);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('when the token comes in a form body only, then it counts as missing', async () => {
    const { token, key } = await caller(mock);
    const res = await call(`${mock.baseUrl}/mobilesdk/sessions`, {
      method: 'POST',
      headers: { 'zs-product-key': key, 'content-type': FORM },
      body: `access_token=${token}`,
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(MISSING);
  });
});
