import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminApi, type NewClient } from '../../helpers/admin-client.js';
import { call, DEMO } from '../../helpers/api-client.js';
import { useMockServer } from '../../helpers/mock-server.js';
import { scanningApi, scanningViolations, type ScanningApi } from '../../helpers/scanning-client.js';

const error = (code: string, description: RegExp | string) => ({
  id: null,
  errors: [{ code, description: typeof description === 'string' ? description : expect.stringMatching(description) }],
  redirect_url: null,
});

describe('scanning v3: create and result', () => {
  const mock = useMockServer();
  let client: NewClient;
  let api: ScanningApi;

  beforeAll(async () => {
    client = await adminApi(mock.baseUrl).newClient();
    api = scanningApi(mock.baseUrl, client.apiKeys[0]);
  });

  it('when a document scan is created with {}, then 200 gives its id, no errors and a one-time link to its hosted page', async () => {
    const res = await api.create({});
    expect(res.status).toBe(200);
    expect(scanningViolations('CreatedSession', res.body)).toEqual([]);
    expect(res.body.redirect_url).toBe(`${mock.baseUrl}/v3/scan/ui/${res.body.id}?otp=${new URL(res.body.redirect_url).searchParams.get('otp')}`);
    expect(new URL(res.body.redirect_url).searchParams.get('otp')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('when a liveness scan is created, then its link opens the liveness page', async () => {
    const res = await api.createLiveness({ options: 'NoDocument', action: 'Random', available_actions: ['FollowText'] });
    expect(res.status).toBe(200);
    expect(res.body.redirect_url).toMatch(new RegExp(`/v3/scan/ui/${res.body.id}/liveness\\?otp=[A-Za-z0-9_-]{22}$`));
  });

  it('when the mock has a public URL, then the link is built from it', async () => {
    const { startMock } = await import('../../helpers/mock-server.js');
    const other = await startMock({ publicUrl: 'https://scan.example.test/base' });
    try {
      const res = await scanningApi(other.baseUrl, DEMO.apiKey).create({});
      expect(res.body.redirect_url).toMatch(/^https:\/\/scan\.example\.test\/base\/v3\/scan\/ui\//);
    } finally {
      await other.close();
    }
  });

  it('when a new scan is read, then it is Pending with the requested analyses Requested and no identity yet', async () => {
    const { body } = await api.create({ relay_state: 'order-17', analysis_types: ['document', 'selfie'] });
    for (const path of [`/v3/scanning/${body.id}`, `/v3/scanning/${body.id}/result`]) {
      const res = await api.result(body.id, path);
      expect(res.status).toBe(200);
      expect(scanningViolations('ScanningResult', res.body)).toEqual([]);
      expect(res.body).toMatchObject({
        id: body.id,
        relay_state: 'order-17',
        status: 'Pending',
        errors: [],
        result: {
          identity: { firstName: null, personalNumber: null },
          documentAnalysis: { status: 'Requested' },
          faceMatchAnalysis: { status: 'Requested' },
          livenessAnalysis: { status: 'NotRequested' },
        },
      });
    }
  });

  it('when relay_state is not sent, then the session id stands in for it', async () => {
    const { body } = await api.create({});
    expect((await api.result(body.id)).body.relay_state).toBe(body.id);
  });

  it('when a liveness scan is read, then both its paths answer it with liveness requested', async () => {
    const { body } = await api.createLiveness({ options: 'FrontSide', action: 'HeadLeft' });
    for (const path of [`/v3/scanning/liveness/${body.id}`, `/v3/scanning/liveness/${body.id}/result`]) {
      const res = await api.result(body.id, path);
      expect(res.body.result).toMatchObject({ livenessAnalysis: { status: 'Requested' }, documentAnalysis: { status: 'Requested' } });
    }
  });

  it('when the locale is given in upper case, then it is accepted', async () => {
    expect((await api.create({ locale: 'SE' })).status).toBe(200);
  });

  const invalid: Array<[string, 'create' | 'createLiveness', unknown, string, RegExp]> = [
    ['the body is an array', 'create', [], 'INVALID_REQUEST', /request body must be a JSON object/],
    ['the locale is unknown', 'create', { locale: 'xx' }, 'INVALID_REQUEST', /locale field/],
    ['the locale is a number', 'create', { locale: 5 }, 'INVALID_REQUEST', /locale field/],
    ['relay_state is not a string', 'create', { relay_state: 1 }, 'INVALID_REQUEST', /relay_state field/],
    ['relay_state is too long', 'create', { relay_state: 'x'.repeat(2049) }, 'INVALID_REQUEST', /relay_state field/],
    ['an analysis type is unknown', 'create', { analysis_types: ['document', 'dna'] }, 'INVALID_REQUEST', /analysis_types field/],
    ['analysis_types is not an array', 'create', { analysis_types: 'document' }, 'INVALID_REQUEST', /analysis_types field/],
    ['target is not a URL', 'create', { target: 'not a url' }, 'INVALID_TARGET', /target field/],
    ['target is not http(s)', 'create', { target: 'javascript:alert(1)' }, 'INVALID_TARGET', /target field/],
    ['target_error is not a URL', 'create', { target_error: '/relative' }, 'INVALID_TARGETERROR', /target_error field/],
    ['webhook is not a URL', 'create', { webhook: 'ftp://example.com/hook' }, 'INVALID_WEBHOOK', /webhook field/],
    ['options is missing', 'createLiveness', { action: 'Smile' }, 'INVALID_REQUEST', /^The options field is required\.$/],
    ['action is missing', 'createLiveness', { options: 'FrontSide' }, 'INVALID_REQUEST', /^The action field is required\.$/],
    ['options is not one of the enum', 'createLiveness', { options: 'BackSide', action: 'Smile' }, 'INVALID_REQUEST', /options field must be one of/],
    ['action is not one of the enum', 'createLiveness', { options: 'FrontSide', action: 'Wink' }, 'INVALID_REQUEST', /action field must be one of/],
    [
      'an available action is unknown',
      'createLiveness',
      { options: 'FrontSide', action: 'Random', available_actions: ['Jump'] },
      'INVALID_REQUEST',
      /available_actions/,
    ],
    ['cancel_url is not a URL', 'createLiveness', { options: 'FrontSide', action: 'Smile', cancel_url: 'nope' }, 'INVALID_REQUEST', /cancel_url field/],
    ['css is not an array', 'createLiveness', { options: 'FrontSide', action: 'Smile', css: 'a.css' }, 'INVALID_REQUEST', /css field/],
    ['doc is not an object', 'createLiveness', { options: 'FrontSide', action: 'Smile', doc: [] }, 'INVALID_REQUEST', /doc field/],
    [
      'doc.ignore_errors_in_fields holds a number',
      'createLiveness',
      { options: 'FrontSide', action: 'Smile', doc: { ignore_errors_in_fields: [1] } },
      'INVALID_REQUEST',
      /doc\.ignore_errors_in_fields/,
    ],
    [
      'the liveness target_error is not a URL',
      'createLiveness',
      { options: 'FrontSide', action: 'Smile', target_error: 'x' },
      'INVALID_TARGETERROR',
      /target_error/,
    ],
  ];
  it.each(invalid)("when %s, then 400 with the field named in ZignSec's error body", async (_name, call, body, code, description) => {
    const res = await api[call](body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(error(code, description));
    expect(scanningViolations('ErrorResponse', res.body)).toEqual([]);
  });

  it.each([
    ['a body over the JSON limit', { 'content-type': 'application/json' }, JSON.stringify({ relay_state: 'x'.repeat(2 * 1024 * 1024) }), 413],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 'locale=en', 415],
  ])("when %s is sent, then its 4xx in ZignSec's error body", async (_name, headers, body, status) => {
    const res = await api.raw('/v3/scanning', { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ id: null, errors: [{ code: 'INVALID_REQUEST' }], redirect_url: null });
  });

  it('when the body is not JSON, then 400 INVALID_REQUEST and no stack trace', async () => {
    const res = await api.raw('/v3/scanning', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"locale":' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('INVALID_REQUEST');
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('scanning v3: the API key', () => {
  const mock = useMockServer();
  const routes: Array<[string, (api: ScanningApi, id: string) => Promise<{ status: number; body: unknown; text: string }>]> = [
    ['create a document scan', (api) => api.create({})],
    ['create a liveness scan', (api) => api.createLiveness()],
    ['read a result', (api, id) => api.result(id)],
    ['read a result by its alias', (api, id) => api.result(id, `/v3/scanning/${id}/result`)],
    ['read a liveness result', (api, id) => api.result(id, `/v3/scanning/liveness/${id}`)],
    ['create an API-flow session', (api) => api.post('/v3/eid/scanningsessions', {})],
    ['read the API flow status', (api, id) => api.get(`/v3/eid/scanningsessions/${id}/analysisStatus`)],
    ['read the API flow analyses', (api, id) => api.get(`/v3/eid/scanningsessions/${id}/analyses`)],
    ['read one API flow analysis', (api, id) => api.get(`/v3/eid/scanningsessions/${id}/analyses/${id}`)],
    ['run the API flow analyses', (api, id) => api.post(`/v3/eid/scanningsessions/${id}/analyses`, {})],
    ['ask for the analyses with UI', (api, id) => api.post(`/v3/eid/scanningsessions/${id}/ui/analyses`, {})],
    ['upload a document', (api, id) => api.raw(`/v3/eid/scanningsessions/${id}/documents?documentType=Passport`, { method: 'POST', body: new FormData() })],
  ];
  const keys: Array<[string, string | undefined]> = [
    ['no Authorization header', undefined],
    ['an unknown key', randomUUID()],
    ["demo-client's key as a Bearer token", `Bearer ${DEMO.apiKey}`],
    ['an empty key', ''],
  ];
  let id: string;
  beforeAll(async () => {
    id = (await scanningApi(mock.baseUrl, DEMO.apiKey).create({})).body.id;
  });

  for (const [keyName, key] of keys) {
    it.each(routes)(`when %s is tried with ${keyName}, then 401 INVALID_APPID`, async (_route, attempt) => {
      const res = await attempt(scanningApi(mock.baseUrl, key), id);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(error('INVALID_APPID', /API key/));
    });
  }

  it("when demo-client-2's documented key is used, then it works", async () => {
    expect((await scanningApi(mock.baseUrl, '00000000-5c1e-4d2a-9b7f-2e6a1c3d4b5f').create({})).status).toBe(200);
  });
});

describe('scanning v3: an empty 401 when config asks for it', () => {
  const mock = useMockServer({ scanning: { unauthorizedBody: 'empty' } });
  it('when the key is unknown, then 401 with no body', async () => {
    const res = await scanningApi(mock.baseUrl, 'wrong').create({});
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
  });
});

describe('scanning v3: ownership', () => {
  const mock = useMockServer();
  const paths = (id: string) => [
    `/v3/scanning/${id}`,
    `/v3/scanning/${id}/result`,
    `/v3/scanning/liveness/${id}`,
    `/v3/scanning/liveness/${id}/result`,
    `/v3/eid/scanningsessions/${id}/analysisStatus`,
    `/v3/eid/scanningsessions/${id}/analyses`,
    `/v3/eid/scanningsessions/${id}/analyses/${id}`,
  ];
  let owner: ScanningApi;
  let stranger: ScanningApi;
  let nobody: ScanningApi;
  let id: string;
  beforeAll(async () => {
    const admin = adminApi(mock.baseUrl);
    owner = scanningApi(mock.baseUrl, (await admin.newClient()).apiKeys[0]);
    stranger = scanningApi(mock.baseUrl, (await admin.newClient()).apiKeys[0]);
    nobody = scanningApi(mock.baseUrl, undefined);
    id = (await owner.create({ relay_state: 'secret-relay-state' })).body.id;
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('when route %i is tried by another client, then it answers what an unknown id gets and nothing of the owner', async (i) => {
    const foreign = await stranger.get(paths(id)[i]!);
    const unknown = await stranger.get(paths(randomUUID())[i]!);
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(unknown.text);
    expect(foreign.text).not.toContain('secret-relay-state');
    expect(foreign.body.errors[0].code).toBe('SESSION_NOT_FOUND');
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('when route %i is tried by nobody, then 401 whether the id exists or not', async (i) => {
    const foreign = await nobody.get(paths(id)[i]!);
    const unknown = await nobody.get(paths(randomUUID())[i]!);
    expect(foreign.status).toBe(401);
    expect(foreign.text).toBe(unknown.text);
    expect(foreign.text).not.toContain('secret-relay-state');
  });

  it('when the owner reads it, then it is there', async () => {
    expect((await owner.result(id)).body.relay_state).toBe('secret-relay-state');
  });
});

describe('scanning v3: the control plane', () => {
  const mock = useMockServer();
  it("when a client's scans are listed and the client is reset, then they are there and then gone, another client's kept", async () => {
    const admin = adminApi(mock.baseUrl);
    const [a, b] = [await admin.newClient(), await admin.newClient()];
    const mine = await scanningApi(mock.baseUrl, a.apiKeys[0]).create({ relay_state: 'listed' });
    const theirs = await scanningApi(mock.baseUrl, b.apiKeys[0]).create({});
    const listed = await call(`${mock.baseUrl}/__admin/resources?clientId=${a.clientId}`);
    expect(listed.body.surfaces.scanning).toEqual([
      expect.objectContaining({ kind: 'scan', id: mine.body.id, clientId: a.clientId, relayState: 'listed', flow: 'document', status: 'pending' }),
    ]);
    expect((await admin.reset(a.clientId)).status).toBe(200);
    expect((await scanningApi(mock.baseUrl, a.apiKeys[0]).result(mine.body.id)).status).toBe(404);
    expect((await scanningApi(mock.baseUrl, b.apiKeys[0]).result(theirs.body.id)).status).toBe(200);
  });
});
