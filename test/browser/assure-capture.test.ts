import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../fixtures/images/png.js';
import { adminApi } from '../helpers/admin-client.js';
import { newAssureBackend, type AssureApi } from '../helpers/assure-client.js';
import { useMockServer } from '../helpers/mock-server.js';
import { screenshot, useBrowser } from './helpers/browser.js';
import { startLanding } from './helpers/landing.js';

const photo = (name: string, w = 64) => ({ name, mimeType: 'image/png', buffer: encodePng(w, 40, new Uint8Array(w * 40 * 3).fill(160)) });

describe('Signicat Assure capture flow in a browser', () => {
  const mock = useMockServer({ assure: { processingSeconds: 1 }, hosted: { outcomePanel: true } });
  const browser = useBrowser();
  let landing: Awaited<ReturnType<typeof startLanding>>;
  let api: AssureApi;

  beforeAll(async () => {
    landing = await startLanding();
    api = (await newAssureBackend(mock.baseUrl)).api;
  });
  afterAll(async () => {
    await landing.close();
  });

  it('when the person picks a Dutch passport, uploads it and a selfie, then the browser lands on redirectUrl with both ids and the process is accepted', async () => {
    const { dossierId } = (await api.createDossier()).body;
    const started = await api.capture(dossierId, {
      providers: [{ provider: 'signicatpictureid', processType: 'documentSelfie' }],
      redirectUrl: `${landing.url}/done/pictureid`,
    });
    expect(started.status).toBe(200);
    expect(started.body.url).toMatch(/\/capture\/#\/artifact=[a-z0-9]{50}$/);
    const page = browser.page;
    await page.goto(started.body.url);
    await page.locator('#country').waitFor();
    await screenshot(page, 'assure-1-document');
    await page.locator('#country').selectOption('NLD');
    await page.locator('input[name=type][value=passport]').check();
    await page.locator('button[type=submit]').first().click();
    await page.locator('#front').setInputFiles(photo('front.png'));
    await page.locator('#selfie').setInputFiles(photo('selfie.png', 48));
    expect(await page.locator('#back').count()).toBe(0);
    await screenshot(page, 'assure-2-upload');
    await page.locator('button[type=submit]').first().click();
    await page.waitForURL((url) => url.pathname === '/done/pictureid');
    const back = new URL(page.url());
    expect(back.searchParams.get('dossierId')).toBe(dossierId);
    expect(back.searchParams.get('processId')).toBe(started.body.processId);
    await screenshot(page, 'assure-3-landed');

    await adminApi(mock.baseUrl).advance(2);
    const process = await api.process(dossierId, started.body.processId);
    expect(process.body).toMatchObject({ provider: 'signicatpictureid', processType: 'documentSelfie', status: 'accepted', documentId: 137 });
    expect(process.body.finalResult.issuingCountry).toBe('NLD');
  });

  it('when the outcome panel picks rejected for an eid capture with an identity card, then both sides are asked and the process is rejected', async () => {
    const { dossierId } = (await api.createDossier()).body;
    const started = await api.capture(dossierId, { providers: [{ provider: 'eid' }], redirectUrl: `${landing.url}/done/eid?order=7` });
    const page = browser.page;
    await page.goto(started.body.url);
    await page.locator('#country').selectOption('PRT');
    await page.locator('input[name=type][value=identityCard]').check();
    await page.locator('button[type=submit]').first().click();
    for (const side of ['front', 'back', 'selfie']) await page.locator(`#${side}`).setInputFiles(photo(`${side}.png`));
    await page.locator('#outcome').selectOption('rejected:expired');
    await page.locator('button[type=submit]').first().click();
    await page.waitForURL((url) => url.pathname === '/done/eid');
    const back = new URL(page.url());
    expect(back.searchParams.get('order')).toBe('7');
    expect(back.searchParams.get('processId')).toBe(started.body.processId);
    await adminApi(mock.baseUrl).advance(2);
    const process = await api.process(dossierId, started.body.processId);
    expect(process.body.status).toBe('rejected');
    expect(process.body.providerSpecific.ocr.securityChecks.nonExpired.valid).toBe(false);
  });
});
