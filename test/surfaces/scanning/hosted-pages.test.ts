import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../../fixtures/images/png.js';
import { adminApi, type AdminApi } from '../../helpers/admin-client.js';
import { useMockServer, type TestMock } from '../../helpers/mock-server.js';
import { scanningApi, scanningViolations, type ScanningApi } from '../../helpers/scanning-client.js';

const PNG = encodePng(8, 8, new Uint8Array(8 * 8 * 3).fill(90));
const TARGET = 'https://shop.example.com/done';
const TARGET_ERROR = 'https://shop.example.com/error';

/** A browser without a browser: follows the flow's pages over plain HTTP. */
function person(mock: TestMock) {
  const go = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });
  const form = (fields: Record<string, string>): RequestInit => ({ method: 'POST', body: new URLSearchParams(fields) });
  return {
    /** Opens the one-time link; answers the flow's page URL (or the refusal). */
    open: async (link: string) => {
      const res = await go(link);
      return { status: res.status, flow: res.headers.get('location'), text: await res.text(), headers: res.headers };
    },
    page: async (flow: string) => {
      const res = await go(flow);
      return { status: res.status, text: await res.text(), headers: res.headers };
    },
    post: async (flow: string, step: string, fields: Record<string, string>) => (await go(`${flow}/${step}`, form(fields))).status,
    upload: async (flow: string, files: Record<string, Buffer | string>) => {
      const body = new FormData();
      for (const [name, content] of Object.entries(files)) body.append(name, new Blob([content]), `${name}.png`);
      const res = await go(`${flow}/upload`, { method: 'POST', body });
      return { status: res.status, text: await res.text() };
    },
    mock,
  };
}

/** The meta refresh of the flow's last page: where the browser goes next. */
const nextUrl = (page: string) => /http-equiv="refresh" content="1;url=([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');

describe('scanning v3: the hosted pages over HTTP', () => {
  const mock = useMockServer();
  let api: ScanningApi;
  let admin: AdminApi;
  let p: ReturnType<typeof person>;

  beforeAll(async () => {
    admin = adminApi(mock.baseUrl);
    api = scanningApi(mock.baseUrl, (await admin.newClient()).apiKeys[0]);
    p = person(mock);
  });

  /** A document scan taken through the browser flow with a passport photo. */
  async function runFlow(scenario?: string, body: Record<string, unknown> = {}) {
    const created = await api.create({ relay_state: 'r-1', target: TARGET, target_error: TARGET_ERROR, ...body }, scenario);
    const { flow } = await p.open(created.body.redirect_url);
    expect(await p.post(flow!, 'device', { device: 'browser' })).toBe(303);
    expect(await p.post(flow!, 'document-type', { documentType: 'passport' })).toBe(303);
    expect((await p.upload(flow!, { front: PNG })).status).toBe(303);
    return { id: created.body.id as string, flow: flow!, last: await p.page(flow!) };
  }

  it.each([
    ['accepted', 'Accepted', TARGET],
    ['declined', 'Declined', TARGET],
    ['rejected;variant=face-mismatch', 'Declined', TARGET],
    ['inconclusive', 'Declined', TARGET],
    ['failed', 'Failed', TARGET_ERROR],
    ['cancelled', 'Cancelled', TARGET_ERROR],
    ['timeout', 'Timeout', TARGET_ERROR],
  ])('when the scan was created under %s, then it ends %s and the browser goes to %s with the relay state', async (scenario, status, target) => {
    const { id, last } = await runFlow(scenario);
    expect(last.status).toBe(200);
    expect(nextUrl(last.text)).toBe(`${target}?relaystate=r-1`);
    const result = await api.result(id);
    expect(result.body.status).toBe(status);
    expect(scanningViolations('ScanningResult', result.body)).toEqual([]);
  });

  it('when a page is served, then it loads nothing from elsewhere, may be framed, and is never cached', async () => {
    const created = await api.create({});
    const { flow } = await p.open(created.body.redirect_url);
    const page = await p.page(flow!);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/frame-ancestors \*/);
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).not.toMatch(/(src|href)="https?:\/\/(?!127\.0\.0\.1)/);
  });

  it('when the link is used twice, has expired, never existed or names another scan, then the same 410 page', async () => {
    const a = await api.create({ relay_state: 'private-a' });
    const b = await api.create({});
    const first = await p.open(a.body.redirect_url);
    expect(first.status).toBe(303);
    const otpOfB = new URL(b.body.redirect_url).searchParams.get('otp')!;
    const refusals = [
      await p.open(a.body.redirect_url),
      await p.open(`${mock.baseUrl}/v3/scan/ui/${randomUUID()}?otp=${otpOfB}`),
      await p.open(`${mock.baseUrl}/v3/scan/ui/${a.body.id}?otp=${otpOfB}`),
      await p.open(`${mock.baseUrl}/v3/scan/ui/${a.body.id}`),
    ];
    const c = await api.create({});
    await admin.advance(mock.deps.config.hosted.otpTtlSeconds + 1);
    refusals.push(await p.open(c.body.redirect_url));
    await admin.resetClock();
    const comparable = (text: string) => text.replace(/nonce="[^"]+"/g, 'nonce');
    for (const refusal of refusals) {
      expect(refusal.status).toBe(410);
      expect(comparable(refusal.text)).toBe(comparable(refusals[0]!.text));
      expect(refusal.text).not.toContain('private-a');
    }
  });

  it("when a flow token is used with another scan's id, or made up, then the 410 page and nothing of either scan", async () => {
    const a = await api.create({ relay_state: 'private-a' });
    const b = await api.create({ relay_state: 'private-b' });
    const { flow } = await p.open(a.body.redirect_url);
    const token = flow!.split('/f/')[1]!;
    for (const url of [`${mock.baseUrl}/v3/scan/ui/${b.body.id}/f/${token}`, `${mock.baseUrl}/v3/scan/ui/${a.body.id}/f/${'x'.repeat(22)}`]) {
      const page = await p.page(url);
      expect(page.status).toBe(410);
      expect(page.text).not.toMatch(/private-/);
      expect(await p.post(url, 'cancel', {})).toBe(410);
    }
    expect((await api.result(b.body.id)).body.status).toBe('Pending');
  });

  it('when the file is not an image, or empty, then 422 with the message on the page, and nothing is recorded', async () => {
    const created = await api.create({ target: TARGET });
    const { flow } = await p.open(created.body.redirect_url);
    await p.post(flow!, 'device', { device: 'browser' });
    await p.post(flow!, 'document-type', { documentType: 'passport' });
    const text = await p.upload(flow!, { front: 'GIF89a not really' });
    expect(text.status).toBe(422);
    expect(text.text).toMatch(/not a JPEG or PNG image/);
    const empty = await p.upload(flow!, { front: Buffer.alloc(0) });
    expect(empty.status).toBe(422);
    expect(empty.text).toMatch(/No file was chosen/);
    expect((await api.result(created.body.id)).body.status).toBe('Pending');
  });

  it('when the locale is se, then the pages speak Swedish', async () => {
    const created = await api.create({ locale: 'SE' });
    const { flow } = await p.open(created.body.redirect_url);
    const page = await p.page(flow!);
    expect(page.text).toMatch(/<html lang="sv">/);
    expect(page.text).toContain('Verifiera din identitet');
  });

  it('when the relay state or the target holds markup, then the pages escape it', async () => {
    const { last } = await runFlow(undefined, { relay_state: '"><script>alert(1)</script>', target: 'https://shop.example.com/done?x="><b>' });
    expect(last.text).not.toContain('<script>alert');
    expect(last.text).not.toContain('"><b>');
  });

  it('when the scan ends in the flow, then its webhook goes out', async () => {
    const sink = `${mock.baseUrl}/__admin/webhooks/sink/pages-${randomUUID()}`;
    const { id } = await runFlow(undefined, { webhook: sink });
    await mock.deps.webhooks.idle();
    const received = (await fetch(sink).then((r) => r.json())) as { received: Array<{ body: string }> };
    expect(received.received).toHaveLength(1);
    expect(JSON.parse(received.received[0]!.body)).toMatchObject({ id, status: 'Accepted' });
  });

  it('when the outcome panel is off, then choosing an outcome on the page changes nothing', async () => {
    const created = await api.create({ target: TARGET });
    const { flow } = await p.open(created.body.redirect_url);
    expect((await p.page(flow!)).text).not.toContain('Mock only');
    await p.post(flow!, 'outcome', { outcome: 'failed:processing-error' });
    await p.post(flow!, 'device', { device: 'browser' });
    await p.post(flow!, 'document-type', { documentType: 'passport' });
    await p.upload(flow!, { front: PNG });
    expect((await api.result(created.body.id)).body.status).toBe('Accepted');
  });
});

describe('scanning v3: the mock-only outcome panel and the upload limit', () => {
  const mock = useMockServer({ hosted: { outcomePanel: true, maxUploadBytes: 1024 } });

  it('when the panel is on, then the person picks the outcome on the page and the scan ends so', async () => {
    const api = scanningApi(mock.baseUrl, (await adminApi(mock.baseUrl).newClient()).apiKeys[0]);
    const p = person(mock);
    const created = await api.create({ target: TARGET, target_error: TARGET_ERROR });
    const { flow } = await p.open(created.body.redirect_url);
    expect((await p.page(flow!)).text).toContain('Mock only');
    await p.post(flow!, 'outcome', { outcome: 'rejected:security-feature' });
    await p.post(flow!, 'device', { device: 'browser' });
    await p.post(flow!, 'document-type', { documentType: 'passport' });
    expect((await p.upload(flow!, { front: PNG })).status).toBe(303);
    const result = await api.result(created.body.id);
    expect(result.body.status).toBe('Declined');
    expect(result.body.result.documentAnalysis.checks.find((c: { name: string }) => c.name === 'SecurityFeatures').status).toBe('Declined');
  });

  it('when the photo is over the limit, then 422 saying so', async () => {
    const api = scanningApi(mock.baseUrl, (await adminApi(mock.baseUrl).newClient()).apiKeys[0]);
    const p = person(mock);
    const created = await api.create({});
    const { flow } = await p.open(created.body.redirect_url);
    await p.post(flow!, 'device', { device: 'browser' });
    await p.post(flow!, 'document-type', { documentType: 'passport' });
    const big = Buffer.concat([PNG, Buffer.alloc(4096)]);
    const res = await p.upload(flow!, { front: big });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/too large/);
  });
});

describe('scanning v3: the relay state parameter from config', () => {
  const mock = useMockServer({ scanning: { relayStateParam: 'RelayState' } });
  it('when relayStateParam is set, then the final redirect carries the relay state under that name', async () => {
    const api = scanningApi(mock.baseUrl, (await adminApi(mock.baseUrl).newClient()).apiKeys[0]);
    const p = person(mock);
    const created = await api.create({ relay_state: 'r-9', target: `${TARGET}?shop=1` });
    const { flow } = await p.open(created.body.redirect_url);
    await p.post(flow!, 'device', { device: 'browser' });
    await p.post(flow!, 'document-type', { documentType: 'passport' });
    await p.upload(flow!, { front: PNG });
    expect(nextUrl((await p.page(flow!)).text)).toBe(`${TARGET}?shop=1&RelayState=r-9`);
  });
});
