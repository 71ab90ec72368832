import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-client.js';
import { call, DEMO, fetchToken, gatewayHeaders } from '../helpers/api-client.js';
import { startMock, useMockServer } from '../helpers/mock-server.js';
import { scanningApi } from '../helpers/scanning-client.js';

/** A request with a path exactly as given: fetch would percent-encode `<`, `>` and `"`, a raw client need not. */
function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve(res.statusCode ?? 0);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const formPost = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual',
});

/** Reads a server-sent events stream until `until` holds of the text so far (or the time is up). */
async function readStream(res: Response, until: (text: string) => boolean, ms = 5000): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (!until(text) && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<undefined>((resolve) =>
        setTimeout(() => {
          resolve(undefined);
        }, deadline - Date.now()),
      ),
    ]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return text;
}

describe('console: pages', () => {
  const mock = useMockServer();
  const ui = (path = '') => call(`${mock.baseUrl}/__admin/ui${path}`);

  it.each(['', '/resources', '/scenarios', '/time', '/webhooks'])(
    'when %s is opened, then it is an HTML page under a nonce CSP that loads nothing from elsewhere',
    async (path) => {
      const res = await ui(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toMatch(/default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.text).not.toMatch(/\b(src|href)="https?:\/\//);
      expect(res.text).toContain('<main id="main">');
    },
  );

  it('when a request path carries markup, then the journal, its exchange page and the stream show it escaped', async () => {
    const stream = await fetch(`${mock.baseUrl}/__admin/ui/journal/stream?path=hostile`);
    const hostile = '/mobilesdk/hostile/<script>alert(1)</script>/"onmouseover="alert(2)';
    expect(await rawGet(mock.baseUrl, hostile, { 'x-hostile': '<img src=x onerror=alert(3)>' })).toBe(404);
    const events = await readStream(stream, (t) => t.includes('event: request'));
    const page = await ui('?path=hostile');
    const seq = /data-seq="(\d+)"/.exec(page.text)![1]!;
    const exchange = await ui(`/requests/${seq}`);
    for (const text of [page.text, exchange.text, events]) {
      expect(text).not.toContain('<script>alert(1)');
      expect(text).not.toContain('"onmouseover="');
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    expect(exchange.text).not.toContain('<img src=x');
    expect(exchange.text).toContain('&lt;img src=x onerror=alert(3)&gt;');
  });

  it('when a request is made, then its exchange page shows its headers with credentials masked, its body and the scenario decision', async () => {
    const token = await fetchToken(mock.realmUrl, DEMO);
    const created = await call(`${mock.baseUrl}/mobilesdk/sessions`, {
      method: 'POST',
      headers: { ...gatewayHeaders(token, DEMO.keys[0]), 'x-mock-scenario': 'rejected' },
    });
    expect(created.status).toBe(200);
    const [entry] = (await adminApi(mock.baseUrl).requests({ path: '/mobilesdk/sessions' })).body.requests;
    const json = await call(`${mock.baseUrl}/__admin/requests/${entry.seq}`);
    expect(json.status).toBe(200);
    const headers = Object.fromEntries(json.body.request.headers);
    expect(headers.authorization).toBe(`Bearer ••••${token.slice(-4)}`);
    expect(headers['zs-product-key']).toBe('••••');
    expect(json.text).not.toContain(token);
    expect(JSON.parse(json.body.response.body.text)).toEqual(created.body);
    expect(json.body.decision).toMatchObject({ resource: `session:${created.body.id}`, scenario: 'rejected', bound: true, view: { outcome: 'rejected' } });

    const page = await ui(`/requests/${entry.seq}`);
    expect(page.text).toContain('Bearer ••••');
    expect(page.text).not.toContain(token);
    expect(page.text).toContain(created.body.id);
    expect(page.text).toMatch(/What that state does<\/dt>\s*<dd><code>\{&quot;outcome&quot;:&quot;rejected&quot;/);
  });

  it('when a token is asked for, then its exchange masks the client secret and the access token', async () => {
    const token = await fetchToken(mock.realmUrl, DEMO);
    const [entry] = (await adminApi(mock.baseUrl).requests({ path: '/auth/realms' })).body.requests;
    const json = await call(`${mock.baseUrl}/__admin/requests/${entry.seq}`);
    expect(json.text).not.toContain(DEMO.secret);
    expect(json.text).not.toContain(token);
    expect(json.body.request.body.text).toContain('"client_secret":"••••"');
    expect(json.body.response.body.text).toContain(`"access_token":"••••${token.slice(-4)}"`);
  });

  it('when a request number is unknown, then the JSON route and the page answer 404', async () => {
    expect((await call(`${mock.baseUrl}/__admin/requests/999999999`)).status).toBe(404);
    expect((await call(`${mock.baseUrl}/__admin/requests/abc`)).status).toBe(404);
    expect((await ui('/requests/999999999')).status).toBe(404);
  });

  it('when a scan ends with its webhook on the sink, then the webhooks page shows the delivery and the sink’s body with its signature verified', async () => {
    const client = await adminApi(mock.baseUrl).newClient();
    const sink = `${mock.baseUrl}/__admin/webhooks/sink/console-${client.clientId}`;
    const { body } = await scanningApi(mock.baseUrl, client.apiKeys[0]).create({ relay_state: 'console', webhook: sink });
    try {
      await adminApi(mock.baseUrl).advance(mock.deps.config.scanning.flowTimeoutSeconds + 1);
      await scanningApi(mock.baseUrl, client.apiKeys[0]).result(body.id);
      await mock.deps.webhooks.idle();
      const page = await ui(`/webhooks?client=${client.clientId}`);
      expect(page.text).toContain(body.id);
      expect(page.text).toContain('delivered');
      expect(page.text).toContain(`Sink <code>console-${client.clientId}</code>`);
      expect(page.text).toContain('signature valid');
      expect(page.text).toContain(`client ${client.clientId}&#39;s API key`);
    } finally {
      await adminApi(mock.baseUrl).resetClock();
    }
  });
});

describe('console: the live stream', () => {
  const mock = useMockServer();

  it('when a request is recorded, then the stream sends it as a rendered row, and only rows that match its filters', async () => {
    const other = await adminApi(mock.baseUrl).newClient();
    const stream = await fetch(`${mock.baseUrl}/__admin/ui/journal/stream?client=${DEMO.clientId}`);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await fetchToken(mock.realmUrl, other);
    await fetchToken(mock.realmUrl, DEMO);
    const text = await readStream(stream, (t) => t.includes('event: request'));
    const events = text.split('\n\n').filter((e) => e.startsWith('event: request'));
    expect(events).toHaveLength(1);
    const data = JSON.parse(/\ndata: (.*)/.exec(events[0]!)![1]!);
    expect(data.html).toMatch(/^<tr data-seq="\d+">/);
    expect(data.html).toContain(DEMO.clientId);
    expect(data.html).not.toContain(other.clientId);
  });

  it('when the control plane’s own requests are made, then the stream leaves them out unless asked', async () => {
    const plain = await fetch(`${mock.baseUrl}/__admin/ui/journal/stream`);
    const withAdmin = await fetch(`${mock.baseUrl}/__admin/ui/journal/stream?admin=true`);
    await call(`${mock.baseUrl}/__admin/clock`);
    await fetchToken(mock.realmUrl, DEMO);
    const [a, b] = await Promise.all([readStream(plain, (t) => t.includes('/auth/realms')), readStream(withAdmin, (t) => t.includes('/auth/realms'))]);
    expect(a).not.toContain('/__admin/clock');
    expect(b).toContain('/__admin/clock');
  });

  it('when the mock stops with a console open, then the stream ends and the stop does not wait out its grace', async () => {
    const own = await startMock();
    const stream = await fetch(`${own.baseUrl}/__admin/ui/journal/stream`);
    const started = Date.now();
    const ended = readStream(stream, () => false, 10_000);
    await own.close();
    await ended;
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('console: forms', () => {
  const mock = useMockServer();
  const action = (name: string, fields: Record<string, string>, headers?: Record<string, string>) =>
    call(`${mock.baseUrl}/__admin/ui/actions/${name}`, formPost(fields, headers));

  it('when the clock is advanced by a plain form post, then it moves and the answer goes back to the page saying so', async () => {
    const before = (await adminApi(mock.baseUrl).clock()).body.epochMs as number;
    try {
      const res = await action('clock-advance', { seconds: '3600', back: '/__admin/ui/time' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/__admin/ui/time?done=clock-advanced');
      expect((await adminApi(mock.baseUrl).clock()).body.epochMs).toBeGreaterThanOrEqual(before + 3600_000);
      expect((await call(`${mock.baseUrl}${res.headers.get('location')!}`)).text).toContain('The clock moved forward.');
    } finally {
      await adminApi(mock.baseUrl).resetClock();
    }
  });

  it('when a form is wrong, then the page says what the JSON route would, with its status', async () => {
    const res = await action('clock-advance', { seconds: '-1', back: '/__admin/ui/time' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('seconds: must be 0 or more');
    const unknown = await action('queue-scenario', { clientId: 'nobody-at-all', scenario: 'rejected', back: '/__admin/ui/scenarios' });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('no client nobody-at-all');
  });

  it('when a scenario is queued by a form, then the client’s next session gets it', async () => {
    const client = await adminApi(mock.baseUrl).newClient();
    const res = await action('queue-scenario', {
      clientId: client.clientId,
      scenario: 'rejected',
      params: 'variant=expired',
      kind: 'session',
      back: '/__admin/ui/resources',
    });
    expect(res.status).toBe(303);
    const token = await fetchToken(mock.realmUrl, client);
    const session = await call(`${mock.baseUrl}/mobilesdk/sessions`, { method: 'POST', headers: gatewayHeaders(token, client.productKeys[0]!) });
    expect((await adminApi(mock.baseUrl).resource('session', session.body.id)).body.scenario).toBe('rejected;variant=expired');
  });

  it.each([
    ['an Origin of another site', { origin: 'http://evil.example' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Origin null and no Sec-Fetch-Site', { origin: 'null' }],
    ['a same-origin Origin but Sec-Fetch-Site cross-site', { origin: 'http://127.0.0.1', 'sec-fetch-site': 'cross-site' }],
  ])('when a form post comes with %s, then it is refused and nothing changes', async (_name, headers) => {
    const before = (await adminApi(mock.baseUrl).clock()).body.epochMs as number;
    const res = await action('clock-advance', { seconds: '86400', back: '/__admin/ui/time' }, headers);
    expect(res.status).toBe(403);
    expect((await adminApi(mock.baseUrl).clock()).body.epochMs).toBeLessThan(before + 86_400_000);
  });

  it.each([
    ['its own Origin', { origin: 'ORIGIN' }],
    ['Sec-Fetch-Site same-origin and Origin null (a page that sends no referrer)', { origin: 'null', 'sec-fetch-site': 'same-origin' }],
  ])('when a form post comes from the console with %s, then it is taken', async (_name, headers) => {
    const res = await action('journal-clear', { back: '/__admin/ui' }, { ...headers, ...(headers.origin === 'ORIGIN' ? { origin: mock.baseUrl } : {}) });
    expect(res.status).toBe(303);
  });

  it.each(['https://evil.example/', '//evil.example/__admin/ui', '/__admin/uix', '/elsewhere'])(
    'when the back address is %s, then the answer goes back to the console instead',
    async (back) => {
      const res = await action('journal-clear', { back });
      expect(res.headers.get('location')).toBe('/__admin/ui?done=journal-cleared');
    },
  );

  it('when an action is unknown, then 404', async () => {
    expect((await action('format-disk', { back: '/__admin/ui' })).status).toBe(404);
  });
});

describe('console: deleting a resource', () => {
  const mock = useMockServer();
  const ui = (path: string) => call(`${mock.baseUrl}/__admin/ui${path}`);
  const sessionExists = async (id: string) => (await call(`${mock.baseUrl}/__admin/sessions/${id}`)).status === 200;
  async function twoSessions() {
    const client = await adminApi(mock.baseUrl).newClient();
    const headers = gatewayHeaders(await fetchToken(mock.realmUrl, client), client.productKeys[0]!);
    const create = async () => (await call(`${mock.baseUrl}/mobilesdk/sessions`, { method: 'POST', headers })).body.id as string;
    return { client, gone: await create(), kept: await create() };
  }
  const deleteForm = (page: string, id: string) =>
    new RegExp(
      `<form class="inline" method="get" action="/__admin/ui/resources/delete">\\s*<input type="hidden" name="kind" value="session" />\\s*<input type="hidden" name="id" value="${id}" />[^]*?<button type="submit" class="danger" aria-label="Delete session ${id}">Delete</button>`,
    ).test(page);

  it('when the resources page is opened, then each row has a Delete button named after its resource, and following it deletes nothing yet', async () => {
    const { client, gone } = await twoSessions();
    const page = await ui(`/resources?client=${client.clientId}`);
    expect(deleteForm(page.text, gone)).toBe(true);

    const confirm = await ui(`/resources/delete?kind=session&id=${gone}&client=${client.clientId}`);

    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(`<h1>Delete session <code>${gone}</code>?</h1>`);
    expect(confirm.text).toMatch(
      /<form\s+class="inline"\s+method="post"\s+action="\/__admin\/ui\/actions\/delete-resource"\s+id="delete-resource"\s+aria-label="Delete session [^"]+"/,
    );
    expect(confirm.text).toContain(`<input type="hidden" name="id" value="${gone}" />`);
    expect(confirm.text).toContain(`<a href="/__admin/ui/resources?client=${client.clientId}">Cancel and keep it</a>`);
    expect(await sessionExists(gone)).toBe(true);
  });

  it('when the confirm step’s form is posted from another site, then it is refused; from the console, that resource goes and the client’s other stays', async () => {
    const { client, gone, kept } = await twoSessions();
    const back = `/__admin/ui/resources?client=${client.clientId}`;
    const post = (headers: Record<string, string>) =>
      call(`${mock.baseUrl}/__admin/ui/actions/delete-resource`, formPost({ kind: 'session', id: gone, back }, headers));

    expect((await post({ origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await sessionExists(gone)).toBe(true);

    const res = await post({ origin: mock.baseUrl });

    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${back}&done=resource-deleted`);
    expect(await sessionExists(gone)).toBe(false);
    expect(await sessionExists(kept)).toBe(true);
    const page = await call(`${mock.baseUrl}${res.headers.get('location')!}`);
    expect(page.text).toContain('The resource is deleted, with what belonged to it.');
    expect(deleteForm(page.text, gone)).toBe(false);
    expect(deleteForm(page.text, kept)).toBe(true);
  });

  it('when the resource is not there (any more), then the page says what the JSON route would, with its 404', async () => {
    const res = await call(`${mock.baseUrl}/__admin/ui/actions/delete-resource`, formPost({ kind: 'session', id: 'never-was', back: '/__admin/ui/resources' }));
    expect(res.status).toBe(404);
    expect(res.text).toContain('no such resource');
    expect(res.text).toContain('<a href="/__admin/ui/resources">Back</a>');
    expect((await ui('/resources/delete?kind=session')).status).toBe(400);
  });
});

describe('console beyond loopback', () => {
  it('when the mock listens beyond loopback without an admin token, then the console is refused exactly as the JSON admin plane is', async () => {
    const mock = await startMock({ host: '0.0.0.0' });
    try {
      const json = await call(`${mock.baseUrl}/__admin/scenarios`);
      for (const path of ['/__admin/ui', '/__admin/ui/time', '/__admin/ui/journal/stream']) {
        const page = await call(`${mock.baseUrl}${path}`);
        expect(page.status).toBe(403);
        expect(page.headers.get('content-type')).toBe(json.headers.get('content-type'));
        expect({ ...page.body, traceId: undefined }).toEqual({ ...json.body, traceId: undefined });
      }
      const post = await call(`${mock.baseUrl}/__admin/ui/actions/clock-advance`, formPost({ seconds: '60' }));
      expect(post.status).toBe(403);
      expect(post.body.detail).toBe(json.body.detail);
    } finally {
      await mock.close();
    }
  });

  it('when the mock listens beyond loopback with an admin token, then the console needs it as the JSON routes do', async () => {
    const mock = await startMock({ host: '0.0.0.0', admin: { token: 'a-long-admin-token' } });
    try {
      const denied = await call(`${mock.baseUrl}/__admin/ui`);
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toBe('Bearer realm="mock-admin"');
      expect((await call(`${mock.baseUrl}/__admin/ui`, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
      const page = await call(`${mock.baseUrl}/__admin/ui`, { headers: { authorization: 'Bearer a-long-admin-token' } });
      expect(page.status).toBe(200);
      expect(page.text).toContain('<h1>Journal</h1>');
    } finally {
      await mock.close();
    }
  });
});
