import { beforeAll, describe, expect, it } from 'vitest';
import { newAssureBackend, tinyPng, type AssureApi } from '../../helpers/assure-client.js';
import { useMockServer } from '../../helpers/mock-server.js';

/** The capture pages as a plain HTTP client sees them (the browser suite walks them in Chromium). */
describe('Assure capture: start and the hosted pages', () => {
  const mock = useMockServer();
  let api: AssureApi;

  beforeAll(async () => {
    api = (await newAssureBackend(mock.baseUrl)).api;
  });

  const page = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });

  async function started(body: Record<string, unknown> = {}) {
    const { dossierId } = (await api.createDossier()).body;
    const res = await api.capture(dossierId, {
      providers: [{ provider: 'signicatpictureid', processType: 'document' }],
      redirectUrl: 'https://shop.example/back',
      ...body,
    });
    expect(res.status).toBe(200);
    const artifact = /artifact=([a-z0-9]{50})$/.exec(res.body.url as string)![1]!;
    return { dossierId, processId: res.body.processId as string, url: res.body.url as string, flow: `${mock.baseUrl}/capture/a/${artifact}` };
  }

  it('when capture starts, then {url, processId}: the capture URL with a 50-character artifact, and a pending process in the dossier', async () => {
    const s = await started();
    expect(s.url.startsWith(`${mock.baseUrl}/capture/#/artifact=`)).toBe(true);
    const dossier = await api.dossier(s.dossierId);
    expect(dossier.body.processes).toEqual([expect.objectContaining({ processId: s.processId, provider: 'signicatpictureid', status: 'pending' })]);
  });

  it('when the landing page is opened, then it is self-contained and its script carries the artifact from the fragment', async () => {
    const res = await page(`${mock.baseUrl}/capture/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toContain('artifact=([a-z0-9]{50})');
    expect(html).not.toMatch(/src="http/);
  });

  it('when the person chooses a document, uploads its photo, then the browser is sent to redirectUrl with dossierId and processId appended', async () => {
    const s = await started({ redirectUrl: 'https://shop.example/back?order=9' });
    expect(await (await page(s.flow)).text()).toContain('Choose your document');
    const chosen = await page(`${s.flow}/document`, { method: 'POST', body: new URLSearchParams({ country: 'NLD', type: 'passport' }) });
    expect(chosen.status).toBe(303);
    const upload = await (await page(s.flow)).text();
    expect(upload).toContain('name="front"');
    expect(upload).not.toContain('name="back"');
    const form = new FormData();
    form.append('front', new Blob([tinyPng()], { type: 'image/png' }), 'front.png');
    const sent = await page(`${s.flow}/upload`, { method: 'POST', body: form });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(s.flow);
    const end = await (await page(s.flow)).text();
    expect(end).toContain('Thank you');
    const back = new URL(/http-equiv="refresh" content="0;url=([^"]+)"/.exec(end)![1]!.replace(/&amp;/g, '&'));
    expect(`${back.origin}${back.pathname}`).toBe('https://shop.example/back');
    expect(Object.fromEntries(back.searchParams)).toEqual({ order: '9', dossierId: s.dossierId, processId: s.processId });
    const process = await api.process(s.dossierId, s.processId);
    expect(process.body).toMatchObject({ status: 'processing', documentId: 137 });
    expect((await api.bytes(`/dossiers/${s.dossierId}/processes/${s.processId}/images/front`)).bytes.equals(tinyPng())).toBe(true);
  });

  it('when a photo is not an image, then the page says so (422) and nothing starts', async () => {
    const s = await started();
    await page(`${s.flow}/document`, { method: 'POST', body: new URLSearchParams({ country: 'NLD', type: 'passport' }) });
    const form = new FormData();
    form.append('front', new Blob([Buffer.from('not a picture at all')], { type: 'image/png' }), 'front.png');
    const sent = await page(`${s.flow}/upload`, { method: 'POST', body: form });
    expect(sent.status).toBe(422);
    expect(await sent.text()).toContain('JPEG or PNG');
    expect((await api.process(s.dossierId, s.processId)).body.status).toBe('pending');
  });

  it('when the person cancels, then the process is canceled and the browser goes back with both ids', async () => {
    const s = await started();
    const res = await page(`${s.flow}/cancel`, { method: 'POST' });
    expect(res.status).toBe(303);
    expect(await (await page(s.flow)).text()).toContain(`processId=${s.processId}`);
    expect((await api.process(s.dossierId, s.processId)).body.status).toBe('canceled');
  });

  it('when an artifact is unknown or its dossier deleted, then the one invalid-link page', async () => {
    const unknown = await page(`${mock.baseUrl}/capture/a/${'a'.repeat(50)}`);
    const s = await started();
    expect((await api.deleteDossier(s.dossierId)).status).toBe(204);
    const deleted = await page(s.flow);
    const withoutNonce = (t: string) => t.replace(/nonce="[\w-]+"/g, '');
    expect(deleted.status).toBe(410);
    expect(unknown.status).toBe(410);
    expect(withoutNonce(await deleted.text())).toBe(withoutNonce(await unknown.text()));
  });

  it('when start capture lacks redirectUrl or names an unknown provider, then 400 names the field', async () => {
    const { dossierId } = (await api.createDossier()).body;
    const noRedirect = await api.capture(dossierId, { providers: [{ provider: 'eid' }] });
    expect(noRedirect.status).toBe(400);
    expect(noRedirect.body.invalidParams).toEqual([{ name: 'redirectUrl', reason: 'is required' }]);
    const unknown = await api.capture(dossierId, { providers: [{ provider: 'webid' }], redirectUrl: 'https://x.example/' });
    expect(unknown.body.invalidParams[0].name).toBe('providers[0].provider');
  });
});
