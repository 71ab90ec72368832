import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../fixtures/images/png.js';
import { VirtualClock } from '../../mock-server/core/clock.js';
import { randomIds } from '../../mock-server/core/ids.js';
import { html, raw } from '../../mock-server/hosted/html.js';
import { TOOLKIT_TEXTS, uploadProblemText, wordsFor } from '../../mock-server/hosted/i18n.js';
import { readMultipart } from '../../mock-server/hosted/image-upload.js';
import { hostedLinks } from '../../mock-server/hosted/one-time-links.js';
import { sendPage, type Page } from '../../mock-server/hosted/page-shell.js';
import { qrSvg } from '../../mock-server/hosted/qr.js';
import { INVALID_LINK_STATUS, invalidLinkPage } from '../../mock-server/hosted/standard-pages.js';
import { memoryStoreFactory } from '../../mock-server/store/memory-store.js';
import { screenshot, useBrowser } from './helpers/browser.js';
import { startLanding } from './helpers/landing.js';

const TIMES = { otpTtlSeconds: 600, flowTtlSeconds: 1200 };
const MAX_UPLOAD = 64 * 1024;
const PNG = encodePng(48, 32, new Uint8Array(48 * 32 * 3).fill(120));
const BINDING = { owner: 'toolkit-client', resourceId: 'res-1', purpose: 'desktop' };

/** A tiny app of the toolkit alone (no surface): a link page, the link, an upload step, a QR page, a page that must not be framed. */
function toolkitApp(clock: VirtualClock) {
  const stores = memoryStoreFactory(clock, { ttlMs: 3600_000, maxEntries: 1000, maxEntriesPerOwner: 100 });
  const { otps, flows } = hostedLinks(stores, 'toolkit', clock, randomIds, TIMES);
  const send = (res: Response, status: number, page: Page, frameAncestors = '*') => {
    sendPage(res, status, page, { frameAncestors, nonce: randomIds.urlSafe(22) });
  };
  const uploadForm = (flow: string, problem?: string): Page => ({
    lang: 'en',
    title: 'Upload',
    body: html`<div class="card">
      <h1 id="upload-step">Upload a photo</h1>
      ${problem === undefined ? '' : html`<p class="error" id="problem" role="alert">${problem}</p>`}
      <form method="post" action="/flow/${flow}/upload" enctype="multipart/form-data">
        <label for="photo">Photo</label><input id="photo" name="photo" type="file" accept="image/*" />
        <button id="send" type="submit">${TOOLKIT_TEXTS.en.upload}</button>
      </form>
    </div>`,
  });

  const app = express();
  app.get('/start', async function start(req, res) {
    const otp = await otps.issue(BINDING);
    const name = typeof req.query.name === 'string' ? req.query.name : 'guest';
    send(res, 200, {
      lang: 'en',
      title: 'Start',
      body: html`<div class="card">
        <h1>Hello <span id="name">${name}</span></h1>
        <a class="button" id="open" href="/open?otp=${otp}">${TOOLKIT_TEXTS.en.continue}</a>
      </div>`,
      script: `document.documentElement.dataset.enhanced = 'yes'`,
    });
  });
  app.get('/open', async function open(req, res) {
    const binding = await otps.redeem(req.query.otp, BINDING.resourceId, BINDING.purpose);
    if (!binding) {
      send(res, INVALID_LINK_STATUS, invalidLinkPage(typeof req.query.locale === 'string' ? req.query.locale : undefined));
      return;
    }
    res.redirect(303, `/flow/${await flows.issue(binding)}`);
  });
  app.get('/flow/:flow', async function step(req, res) {
    if (!(await flows.check(req.params.flow, BINDING.resourceId))) {
      send(res, INVALID_LINK_STATUS, invalidLinkPage(undefined));
      return;
    }
    send(res, 200, uploadForm(req.params.flow));
  });
  app.post('/flow/:flow/upload', async function upload(req, res) {
    if (!(await flows.check(req.params.flow, BINDING.resourceId))) {
      send(res, INVALID_LINK_STATUS, invalidLinkPage(undefined));
      return;
    }
    const form = await readMultipart(req, { maxFileBytes: MAX_UPLOAD, maxFiles: 1 });
    const file = form?.files.photo;
    const problem = !form ? 'unreadable' : !file ? 'empty' : file.problem;
    if (problem !== undefined) {
      send(res, 422, uploadForm(req.params.flow, uploadProblemText(wordsFor(TOOLKIT_TEXTS, 'en').words, problem, MAX_UPLOAD)));
      return;
    }
    send(res, 200, { lang: 'en', title: 'Thanks', body: html`<h1 id="received">Received ${file!.type} of ${file!.bytes} bytes</h1>` });
  });
  app.get('/qr', async function qr(req, res) {
    const otp = await otps.issue({ ...BINDING, purpose: 'mobile' });
    const link = `http://${req.headers.host}/open?otp=${otp}`;
    send(res, 200, {
      lang: 'en',
      title: 'QR',
      body: html`<div class="card">
        <h1 id="qr-title">Scan with your phone</h1>
        <div class="qr" id="qr">${await qrSvg(link)}</div>
        <p class="break">${link}</p>
      </div>`,
    });
  });
  app.get('/unframeable', function unframeable(_req, res) {
    send(res, 200, { lang: 'en', title: 'No frames', body: raw('<h1 id="unframeable">Not in a frame</h1>') }, "'none'");
  });
  return app;
}

describe('the hosted-page toolkit in a browser', () => {
  const browser = useBrowser();
  const clock = new VirtualClock(() => Date.UTC(2026, 5, 1, 12));
  let server: Server;
  let base = '';
  let landing: Awaited<ReturnType<typeof startLanding>>;

  beforeAll(async () => {
    server = toolkitApp(clock).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    landing = await startLanding();
  });
  afterAll(async () => {
    await landing.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  });

  it('when a one-time link is opened, then it works once; opened again it shows the invalid-link page (410), and the flow goes on without it', async () => {
    const page = browser.page;
    await page.goto(`${base}/start`);
    // The shell's CSS applies (it did not while the <style> was HTML-escaped: the font fell back to serif).
    expect(await page.evaluate<string>('getComputedStyle(document.body).fontFamily')).toContain('system-ui');
    await screenshot(page, 'toolkit-1-start');
    const link = await page.locator('#open').getAttribute('href');
    await page.locator('#open').click();
    await page.locator('#upload-step').waitFor();
    const flowUrl = page.url();
    await screenshot(page, 'toolkit-2-link-opened');

    const again = await page.goto(`${base}${link!}`);
    expect(again?.status()).toBe(410);
    await expect(page.locator('#invalid-link').textContent()).resolves.toBe(TOOLKIT_TEXTS.en.linkInvalidTitle);
    await screenshot(page, 'toolkit-3-link-reused');

    // The later pages of the flow carry its token, not the spent link.
    const back = await page.goto(flowUrl);
    expect(back?.status()).toBe(200);
    await page.locator('#upload-step').waitFor();
  });

  it('when a link has expired on the clock, then it shows the same invalid-link page, in the locale asked for', async () => {
    const page = browser.page;
    await page.goto(`${base}/start`);
    const link = await page.locator('#open').getAttribute('href');
    clock.advance(TIMES.otpTtlSeconds * 1000);
    const res = await page.goto(`${base}${link!}&locale=SE`);
    expect(res?.status()).toBe(410);
    await expect(page.locator('#invalid-link').textContent()).resolves.toBe('Länken kan inte användas');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
    await screenshot(page, 'toolkit-4-link-expired-sv');
  });

  it('when a text file named .png is uploaded, then the page says it is not an image; a real PNG is then accepted', async () => {
    const page = browser.page;
    await page.goto(`${base}/start`);
    await page.locator('#open').click();
    await page.locator('#photo').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture\n') });
    const refused = page.waitForResponse((r) => r.url().endsWith('/upload'));
    await page.locator('#send').click();
    expect((await refused).status()).toBe(422);
    await expect(page.locator('#problem').textContent()).resolves.toBe(TOOLKIT_TEXTS.en.notAnImage);
    await screenshot(page, 'toolkit-5-upload-refused');

    await page.locator('#photo').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('#send').click();
    await expect(page.locator('#received').textContent()).resolves.toBe(`Received image/png of ${PNG.length} bytes`);
    await screenshot(page, 'toolkit-6-upload-accepted');
  });

  it('when a file is over the limit, then the page says so with the limit', async () => {
    const page = browser.page;
    await page.goto(`${base}/start`);
    await page.locator('#open').click();
    await page.locator('#photo').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD)]) });
    await page.locator('#send').click();
    await expect(page.locator('#problem').textContent()).resolves.toBe('The file is too large. Choose a photo of at most 0.1 MB.');
    await screenshot(page, 'toolkit-7-upload-too-large');
  });

  it('when the QR page is shown, then its inline SVG renders at a scannable size and fetches nothing from elsewhere', async () => {
    const page = browser.page;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${base}/qr`);
    const box = await page.locator('#qr svg').boundingBox();
    expect(box!.width).toBeGreaterThan(150);
    expect(box!.height).toBeCloseTo(box!.width, 0);
    expect(await page.locator('#qr svg path').count()).toBeGreaterThan(0);
    expect(requests).toEqual([`${base}/qr`]);
    await screenshot(page, 'toolkit-8-qr');
  });

  it('when a relay state or a name carries markup, then it shows as text and runs nothing; our nonce script runs', async () => {
    const page = browser.page;
    const attack = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;
    await page.goto(`${base}/start?name=${encodeURIComponent(attack)}`);
    await expect(page.locator('#name').textContent()).resolves.toBe(attack);
    expect(await page.title()).toBe('Start');
    expect(await page.locator('img').count()).toBe(0);
    await expect(page.locator('html').getAttribute('data-enhanced')).resolves.toBe('yes');
    await screenshot(page, 'toolkit-9-escaped');
  });

  it('when another site (another port) frames the pages, then they load in its iframe; a page whose frame-ancestors is none does not', async () => {
    const page = browser.page;
    await page.goto(`${landing.url}/embed?frame=${encodeURIComponent(`${base}/qr`)}`);
    const framed = page.frameLocator('#flow');
    await framed.locator('#qr svg').waitFor();
    await expect(framed.locator('#qr-title').textContent()).resolves.toBe('Scan with your phone');
    await screenshot(page, 'toolkit-10-framed');

    const blocked = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await page.goto(`${landing.url}/embed?frame=${encodeURIComponent(`${base}/unframeable`)}`);
    await blocked;
    expect(await page.frameLocator('#flow').locator('#unframeable').count()).toBe(0);
    await screenshot(page, 'toolkit-11-frame-refused');
  });
});
