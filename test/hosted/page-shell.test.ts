import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../../mock-server/hosted/html.js';
import { renderPage, sendPage } from '../../mock-server/hosted/page-shell.js';

describe('hosted pages: the page shell', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const app = express();
    app.get('/page', function page(req, res) {
      const frameAncestors = typeof req.query.frame === 'string' ? req.query.frame : '*';
      sendPage(res, 200, { lang: 'sv', title: 'Rubrik <1>', body: html`<h1>Hej</h1>`, script: 'void 0' }, { frameAncestors, nonce: 'N0nce' });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );

  it('when a page is sent, then its headers allow only our nonce, let any site frame it, and forbid caching and referrers', async () => {
    const res = await fetch(`${base}/page`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining(["default-src 'none'", "style-src 'nonce-N0nce'", "script-src 'nonce-N0nce'", "form-action 'self'", 'frame-ancestors *']),
    );
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('when frame-ancestors is configured, then the CSP carries it', async () => {
    const res = await fetch(`${base}/page?frame=${encodeURIComponent("'self' https://shop.example.com")}`);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/shop\.example\.com$/);
  });

  it('when a page is rendered, then it is a whole document with its lang, escaped title, our style and script under the nonce', () => {
    const doc = renderPage({ lang: 'sv', title: 'Rubrik <1>', body: html`<h1>Hej</h1>`, script: 'void 0' }, 'N0nce');
    expect(doc).toMatch(/^<!doctype html>\s*<html lang="sv">/);
    expect(doc).toContain('<meta name="viewport" content="width=device-width, initial-scale=1" />');
    expect(doc).toContain('<title>Rubrik &lt;1&gt;</title>');
    expect(doc).toMatch(/<style nonce="N0nce">/);
    expect(doc).toMatch(/<script nonce="N0nce">\s*void 0;/);
    expect(doc).not.toMatch(/<(link|img|script) [^>]*src=/);
  });

  it('when the style goes in, then it is not HTML-escaped (a <style> is raw text: &quot; would break the CSS)', () => {
    const doc = renderPage({ lang: 'en', title: 't', body: html`` }, 'n');
    expect(doc).toContain('"Segoe UI"');
    expect(doc).not.toMatch(/<style[^>]*>[^<]*&quot;/);
  });
});
