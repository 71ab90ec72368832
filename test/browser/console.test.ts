import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminApi, type NewClient } from '../helpers/admin-client.js';
import { newAssureBackend } from '../helpers/assure-client.js';
import { call, DEMO, fetchToken, gatewayHeaders } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';
import { ROOT } from '../helpers/process.js';
import { zeroTrustFlow } from '../helpers/regula-flow.js';
import { scanningApi } from '../helpers/scanning-client.js';
import { axeViolations } from './helpers/axe.js';
import { screenshot, useBrowser } from './helpers/browser.js';

const PAGES = [
  ['journal', '', 'Journal'],
  ['resources', '/resources', 'Resources'],
  ['scenarios', '/scenarios', 'Scenarios'],
  ['time', '/time', 'Time and keys'],
  ['webhooks', '/webhooks', 'Webhooks'],
] as const;

/** Every console message and page error a page logs: a console page must log none. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

describe('the console in a browser', () => {
  const mock = useMockServer();
  const browser = useBrowser();
  const ui = (path = '') => `${mock.baseUrl}/__admin/ui${path}`;

  // An action that cannot happen fails in seconds, naming what it waited for, rather than at the test's timeout.
  beforeEach(() => {
    browser.page.setDefaultTimeout(5000);
  });
  let scanClient: NewClient;
  let sessionId: string;
  let documentId: string;
  let scanId: string;

  /** A real run first: a zero-trust flow with a scenario, a scan whose webhook went to the sink, an Assure dossier, refusals. */
  beforeAll(async () => {
    const flow = await zeroTrustFlow(mock, { sessionScenario: 'rejected;variant=expired' });
    sessionId = flow.sessionId;
    documentId = flow.documentId;
    expect((await flow.reprocess()).status).toBe(200);
    scanClient = await adminApi(mock.baseUrl).newClient();
    const scans = scanningApi(mock.baseUrl, scanClient.apiKeys[0]);
    scanId = (await scans.create({ relay_state: 'console-run', webhook: `${mock.baseUrl}/__admin/webhooks/sink/console-run` })).body.id;
    await adminApi(mock.baseUrl).advance(mock.deps.config.scanning.flowTimeoutSeconds + 1);
    expect((await scans.result(scanId)).body.status).toBe('Timeout');
    await mock.deps.webhooks.idle();
    const assure = await newAssureBackend(mock.baseUrl);
    const dossier = (await assure.api.createDossier()).body.dossierId as string;
    expect((await assure.api.createProcess(dossier, { provider: 'eid' }, 'rejected')).status).toBe(201);
    await call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: { authorization: 'Bearer not-a-token', 'zs-product-key': DEMO.keys[0] } });
    await call(`${mock.baseUrl}/no-such-route`);
    await adminApi(mock.baseUrl).resetClock();
  });

  it.each(PAGES)(
    'when the %s page is opened after a real run, then it shows that run, logs no error, and axe finds no violation',
    async (name, path, heading) => {
      const page = browser.page;
      const errors = watchErrors(page);
      await page.goto(ui(path));
      await expect.poll(() => page.locator('h1').textContent()).toBe(heading);
      const text = (await page.locator('main').textContent()) ?? '';
      if (name === 'journal') {
        expect(text).toContain('/mobilesdk/sessions');
        expect(text).toContain('rejected;variant=expired');
        expect(text).toContain('/v3/scanning');
        expect(text).toContain('(no route)');
        await expect.poll(() => page.locator('#live-status').textContent()).toMatch(/^Live/);
      }
      if (name === 'resources') {
        expect(text).toContain(sessionId);
        expect(text).toMatch(new RegExp(`bound transactions: .*document ${documentId}`));
        expect(text).toContain(scanId);
        expect(text).toMatch(/dossier/);
      }
      if (name === 'scenarios') expect(text).toContain('key-rotation');
      if (name === 'time') expect(text).toMatch(/active/);
      if (name === 'webhooks') {
        expect(text).toContain(scanId);
        expect(text).toContain('signature valid');
      }
      await screenshot(page, `console-${name}-480`);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it('when a page has an unlabelled field and faint text, then the accessibility check finds both (it can fail)', async () => {
    const page = browser.page;
    await page.goto(ui('/time'));
    // Styled through the CSSOM: the page's CSP refuses style attributes in markup.
    await page.evaluate(
      `document.querySelector('main').insertAdjacentHTML('beforeend', '<input id="bare"><p id="faint">faint</p>'); document.getElementById('faint').style.color = '#ccc'`,
    );
    const found = (await axeViolations(page)).map((v) => v.id);
    expect(found).toEqual(expect.arrayContaining(['label', 'color-contrast']));
  });

  it('when a page is opened on a phone-sized screen, then nothing overflows it sideways (tables scroll inside their regions)', async () => {
    const phone = await browser.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    try {
      const page = await phone.newPage();
      for (const [name, path] of PAGES) {
        await page.goto(ui(path));
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
        expect(overflow, name).toBeLessThanOrEqual(0);
        await screenshot(page, `console-${name}-phone`);
      }
    } finally {
      await phone.close();
    }
  });

  it('when the keyboard is used, then the skip link comes first and takes focus to the content, and the nav follows', async () => {
    const page = browser.page;
    await page.goto(ui('/time'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('location.hash')).toBe('#main');
    await page.keyboard.press('Tab');
    // From the content on, the first control is the advance field of the clock.
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('advance-seconds');
    await page.goto(ui('/time'));
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate<string>('document.activeElement.textContent.trim()'));
    }
    expect(order).toEqual(['Skip to content', 'ZignSec mock · console', 'Journal', 'Resources', 'Scenarios', 'Time and keys', 'Webhooks']);
  });

  it('when requests arrive while the journal is open, then they appear at the top without a reload', async () => {
    const page = browser.page;
    const errors = watchErrors(page);
    await page.goto(ui());
    await expect.poll(() => page.locator('#live-status').textContent()).toMatch(/^Live/);
    const client = await adminApi(mock.baseUrl).newClient();
    await fetchToken(mock.realmUrl, client);
    const first = page.locator('#journal tbody tr').first();
    await expect.poll(() => first.textContent()).toContain(client.clientId);
    expect(await first.getAttribute('class')).toBe('fresh');
    await page.locator('#live-toggle').click();
    await fetchToken(mock.realmUrl, client);
    await expect.poll(() => page.locator('#live-status').textContent()).toMatch(/paused: 1 new/);
    await page.locator('#live-toggle').click();
    await expect.poll(() => page.locator('#journal tbody tr.fresh').count()).toBe(2);
    await screenshot(page, 'console-journal-live');
    expect(errors).toEqual([]);
  });

  it('when a row is opened, then the exchange shows masked credentials and the scenario decision', async () => {
    const page = browser.page;
    await page.goto(ui(`?path=${encodeURIComponent('/mobilesdk/sessions')}&client=`));
    await page.locator('#journal tbody tr', { hasText: 'POST' }).last().locator('a').click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Request \d+: POST/);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Bearer ••••');
    expect(text).toContain('rejected;variant=expired');
    expect(text).toContain('"variant":"expired"');
    await screenshot(page, 'console-exchange');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('when a scenario is queued from the console, then the client’s next session gets it', async () => {
    const client = await adminApi(mock.baseUrl).newClient();
    const page = browser.page;
    const errors = watchErrors(page);
    await page.goto(ui(`/resources?client=${client.clientId}`));
    await page.getByLabel('Scenario', { exact: true }).selectOption('rejected');
    await page.getByLabel('Params (e.g. variant=expired)').fill('variant=expired');
    await page.getByLabel('Kind', { exact: true }).selectOption('session');
    await page.getByRole('button', { name: 'Queue scenario' }).click();
    await expect.poll(() => page.locator('#flash').textContent()).toContain('The scenario is queued');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('flash');

    const token = await fetchToken(mock.realmUrl, client);
    const session = await call(`${mock.baseUrl}/mobilesdk/sessions`, { method: 'POST', headers: gatewayHeaders(token, client.productKeys[0]!) });
    expect(session.status).toBe(200);
    await page.reload();
    const row = page.locator(`tr[id="r-session-${session.body.id}"]`);
    await expect.poll(() => row.textContent()).toMatch(/rejected;variant=expired\s+in\s+decided/);
    await screenshot(page, 'console-queued-scenario');
    expect((await adminApi(mock.baseUrl).resource('session', session.body.id)).body.scenario).toBe('rejected;variant=expired');
    expect(errors).toEqual([]);
  });

  it('when a resource is deleted from the console, then a page of its own asks first, and then only that resource is gone', async () => {
    const client = await adminApi(mock.baseUrl).newClient();
    const headers = gatewayHeaders(await fetchToken(mock.realmUrl, client), client.productKeys[0]!);
    const [gone, kept] = [
      (await call(`${mock.baseUrl}/mobilesdk/sessions`, { method: 'POST', headers })).body.id as string,
      (await call(`${mock.baseUrl}/mobilesdk/sessions`, { method: 'POST', headers })).body.id as string,
    ];
    const page = browser.page;
    const errors = watchErrors(page);
    await page.goto(ui(`/resources?client=${client.clientId}`));

    await page.getByRole('button', { name: `Delete session ${gone}` }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Delete session ${gone}?`);
    expect(await call(`${mock.baseUrl}/__admin/sessions/${gone}`).then((r) => r.status)).toBe(200);
    await screenshot(page, 'console-delete-confirm');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Delete this session' }).click();

    await expect.poll(() => page.locator('#flash').textContent()).toContain('The resource is deleted');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('flash');
    expect(await page.locator(`tr[id="r-session-${gone}"]`).count()).toBe(0);
    expect(await page.locator(`tr[id="r-session-${kept}"]`).count()).toBe(1);
    expect(await call(`${mock.baseUrl}/__admin/sessions/${gone}`).then((r) => r.status)).toBe(404);
    expect(errors).toEqual([]);
  });

  it('when the clock is advanced from the console past a token’s lifetime, then the gateway refuses the token and the inspector says it expired', async () => {
    const token = await fetchToken(mock.realmUrl, DEMO);
    const ping = () => call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(token, DEMO.keys[0]) });
    expect((await ping()).status).toBe(200);
    const page = browser.page;
    try {
      await page.goto(ui('/time'));
      await page.getByLabel('Advance by (seconds)').fill(String(mock.deps.config.realm.tokenLifetimeSeconds + 1));
      await page.getByRole('button', { name: 'Advance', exact: true }).click();
      await expect.poll(() => page.locator('#flash').textContent()).toContain('The clock moved forward');
      expect((await ping()).status).toBe(401);
      await page.getByLabel(/^Access token/).fill(token);
      await page.getByRole('button', { name: 'Inspect' }).click();
      await expect.poll(() => page.locator('#token-result').textContent()).toContain('refused: The token expired');
      await screenshot(page, 'console-token-expired');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await adminApi(mock.baseUrl).resetClock();
    }
  });

  it('when a delivery is replayed from the console, then the sink receives it again, its signature verified', async () => {
    const page = browser.page;
    await page.goto(ui(`/webhooks?client=${scanClient.clientId}`));
    const before = (await call(`${mock.baseUrl}/__admin/webhooks/sink/console-run`)).body.received.length as number;
    await page.getByRole('button', { name: 'Replay' }).first().click();
    await expect.poll(() => page.locator('#flash').textContent()).toContain('queued once more');
    await mock.deps.webhooks.idle();
    expect((await call(`${mock.baseUrl}/__admin/webhooks/sink/console-run`)).body.received).toHaveLength(before + 1);
    await page.reload();
    await expect.poll(() => page.locator('td.sig', { hasText: 'signature valid' }).count()).toBe(before + 1);
    await screenshot(page, 'console-webhook-replayed');
  });

  it('when the journal is shown on a desktop screen, then it makes the README’s picture (docs/console.png with CONSOLE_SCREENSHOT=docs)', async () => {
    const desktop: BrowserContext = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await desktop.newPage();
      await page.goto(ui());
      await expect.poll(() => page.locator('#live-status').textContent()).toMatch(/^Live/);
      const path = await screenshot(page, 'console-journal-1280');
      expect(path).toMatch(/\.png$/);
      if (process.env.CONSOLE_SCREENSHOT === 'docs') {
        mkdirSync(join(ROOT, 'docs'), { recursive: true });
        await page.screenshot({ path: join(ROOT, 'docs', 'console.png') });
      }
    } finally {
      await desktop.close();
    }
  });
});
