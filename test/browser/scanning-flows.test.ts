import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodePng } from '../../fixtures/images/png.js';
import { adminApi } from '../helpers/admin-client.js';
import { useMockServer } from '../helpers/mock-server.js';
import { scanningApi, type ScanningApi } from '../helpers/scanning-client.js';
import { screenshot, useBrowser } from './helpers/browser.js';
import { startLanding } from './helpers/landing.js';

const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: encodePng(64, 40, new Uint8Array(64 * 40 * 3).fill(180)) });

describe('scanning v3 in a browser', () => {
  const mock = useMockServer();
  const browser = useBrowser();
  let landing: Awaited<ReturnType<typeof startLanding>>;
  let api: ScanningApi;

  beforeAll(async () => {
    landing = await startLanding();
    api = scanningApi(mock.baseUrl, (await adminApi(mock.baseUrl).newClient()).apiKeys[0]);
  });
  afterAll(async () => {
    await landing.close();
  });

  const urls = (name: string) => ({ target: `${landing.url}/done/${name}`, target_error: `${landing.url}/error/${name}` });

  async function uploadDocument(page: Page, shot: string, sides: string[] = ['front']) {
    await page.locator('#continue').click();
    for (const side of sides) await page.locator(`#${side}`).setInputFiles(photo(`${side}.png`));
    await screenshot(page, `${shot}-upload`);
    await page.locator('#upload').click();
  }

  it('when the person goes through the browser flow, then the browser lands on target with relay_state, and the result is Accepted', async () => {
    const { body } = await api.create({ relay_state: 'order-17', analysis_types: ['document', 'selfie'], ...urls('browser') });
    const page = browser.page;
    await page.goto(body.redirect_url);
    await screenshot(page, 'browser-1-start');
    await page.locator('#in-browser').click();
    await page.locator('input[value=id-card]').check();
    await screenshot(page, 'browser-2-document-type');
    await uploadDocument(page, 'browser-3', ['front', 'back']);
    await page.locator('#selfie').setInputFiles(photo('selfie.png'));
    await screenshot(page, 'browser-4-selfie');
    await page.locator('#upload').click();
    await page.waitForURL(`${landing.url}/done/browser?relaystate=order-17`);
    await screenshot(page, 'browser-5-landed');
    const result = await api.result(body.id);
    expect(result.body).toMatchObject({
      status: 'Accepted',
      relay_state: 'order-17',
      result: { documentAnalysis: { status: 'Accepted', documentType: 'IdentityCard' } },
    });
  });

  it('when the person continues on a phone, then the phone opens the QR link, and the desktop follows it to target', async () => {
    const { body } = await api.create({ relay_state: 'mobile-1', ...urls('mobile') }, 'declined;variant=expired');
    const desktop = browser.page;
    await desktop.goto(body.redirect_url);
    await desktop.locator('#on-phone').click();
    await expect.poll(() => desktop.locator('#qr svg').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(desktop, 'mobile-1-desktop-qr');
    const mobileUrl = await desktop.locator('#mobile-link').getAttribute('href');
    const phoneContext = await browser.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      const phone = await phoneContext.newPage();
      await phone.goto(mobileUrl!);
      await screenshot(phone, 'mobile-2-phone-document-type');
      await uploadDocument(phone, 'mobile-3-phone');
      await expect.poll(() => phone.locator('#phone-done').count(), { timeout: 10_000 }).toBe(1);
      await screenshot(phone, 'mobile-4-phone-done');
      // The QR link works once: a second phone gets the error page.
      const second = await phoneContext.newPage();
      await second.goto(mobileUrl!);
      expect(await second.locator('#invalid-link').count()).toBe(1);
    } finally {
      await phoneContext.close();
    }
    await desktop.waitForURL(`${landing.url}/done/mobile?relaystate=mobile-1`, { timeout: 15_000 });
    await screenshot(desktop, 'mobile-5-desktop-landed');
    expect((await api.result(body.id)).body.status).toBe('Declined');
  });

  it('when the person does the liveness flow, then the action is asked, the capture runs, and the result has liveness Accepted', async () => {
    const { body } = await api.createLiveness({ options: 'FrontSide', action: 'Smile', relay_state: 'live-1', locale: 'SE', ...urls('liveness') });
    const page = browser.page;
    await page.goto(body.redirect_url);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.locator('#in-browser').click();
    await page.locator('#front').setInputFiles(photo('front.png'));
    await screenshot(page, 'liveness-1-front');
    await page.locator('#upload').click();
    expect(await page.locator('#action').textContent()).toBe('Le');
    await screenshot(page, 'liveness-2-action');
    await page.locator('#start-capture').click();
    await page.waitForURL(`${landing.url}/done/liveness?relaystate=live-1`);
    const result = await api.result(body.id, `/v3/scanning/liveness/${body.id}`);
    expect(result.body.result.livenessAnalysis).toMatchObject({ status: 'Accepted', action: 'Smile' });
  });

  it('when the person cancels, then the browser goes to target_error and the scan is Cancelled', async () => {
    const { body } = await api.create({ relay_state: 'cancel-1', ...urls('cancel') });
    const page = browser.page;
    await page.goto(body.redirect_url);
    await page.locator('#cancel').click();
    await page.waitForURL(`${landing.url}/error/cancel?relaystate=cancel-1`);
    await screenshot(page, 'cancel-landed');
    expect((await api.result(body.id)).body.status).toBe('Cancelled');
  });

  it('when the link is opened a second time, then an error page shows and nothing of the session', async () => {
    const { body } = await api.create({ relay_state: 'secret-order', ...urls('reuse') });
    await browser.page.goto(body.redirect_url);
    const again = await browser.newPage();
    const res = await again.goto(body.redirect_url);
    expect(res?.status()).toBe(410);
    expect(await again.locator('#invalid-link').count()).toBe(1);
    expect(await again.content()).not.toContain('secret-order');
    await screenshot(again, 'reuse-refused');
  });

  it('when a text file named .png is uploaded, then the page says it is not an image, and a real photo goes through', async () => {
    const { body } = await api.create(urls('bad-upload'));
    const page = browser.page;
    await page.goto(body.redirect_url);
    await page.locator('#in-browser').click();
    await page.locator('#continue').click();
    await page.locator('#front').setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: Buffer.from('this is not a picture') });
    await page.locator('#upload').click();
    expect(await page.locator('#problem').textContent()).toMatch(/not a JPEG or PNG image/);
    await screenshot(page, 'bad-upload-refused');
    await page.locator('#front').setInputFiles(photo('front.png'));
    await page.locator('#upload').click();
    await page.waitForURL(`${landing.url}/done/bad-upload?relaystate=${body.id}`);
  });

  it('when the flow runs inside an iframe of another site, then it works there to the end', async () => {
    const { body } = await api.create({ relay_state: 'framed', ...urls('framed') });
    const page = browser.page;
    // Another site: the shop on `localhost`, the flow on 127.0.0.1 (CSP frame-ancestors lets any site frame it).
    await page.goto(`${landing.url.replace('127.0.0.1', 'localhost')}/embed?frame=${encodeURIComponent(body.redirect_url)}`);
    const frame = page.frameLocator('#flow');
    await frame.locator('#in-browser').click();
    await frame.locator('#continue').click();
    await frame.locator('#front').setInputFiles(photo('front.png'));
    await screenshot(page, 'iframe-upload');
    await frame.locator('#upload').click();
    await expect.poll(() => page.frame({ url: /\/done\/framed/ })?.url(), { timeout: 10_000 }).toBe(`${landing.url}/done/framed?relaystate=framed`);
    expect((await api.result(body.id)).body.status).toBe('Accepted');
  });
});
