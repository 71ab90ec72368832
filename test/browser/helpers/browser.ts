import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ROOT } from '../../helpers/process.js';

/** Debian's Chromium (scripts/setup-browser.sh installs it); never a browser playwright would download. */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** One headless Chromium per test file, a fresh context (cookies, storage) per test; everything closed after. */
export function useBrowser() {
  const handle = {} as { browser: Browser; context: BrowserContext; page: Page; newPage(): Promise<Page> };
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`npm run setup:browser\` (installs Debian's chromium; root and apt needed)`);
    // As root, Chromium's sandbox needs user namespaces the machine may not grant.
    handle.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  beforeEach(async () => {
    handle.context = await handle.browser.newContext({ viewport: { width: 480, height: 900 } });
    handle.page = await handle.context.newPage();
    handle.newPage = () => handle.context.newPage();
  });
  // Guarded: when the launch failed there is nothing to close, and the launch's own error is the one to see.
  afterEach(async () => {
    await (handle.context as BrowserContext | undefined)?.close();
  });
  afterAll(async () => {
    await (handle.browser as Browser | undefined)?.close();
  });
  return handle;
}

/** A full-page PNG under test-results/screenshots/ (ignored by git), named for the test and the step. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
