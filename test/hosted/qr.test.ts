import { describe, expect, it } from 'vitest';
import { html } from '../../mock-server/hosted/html.js';
import { qrSvg } from '../../mock-server/hosted/qr.js';

describe('hosted pages: QR codes', () => {
  it('when a link is drawn, then it is one inline SVG (square, drawn with paths, nothing to fetch, no script) that goes into a page as it is', async () => {
    const svg = await qrSvg('http://127.0.0.1:8080/v3/scan/ui/abc/m?otp=NoIxioJz2TURy_MUXWqkZZ&x=<script>');
    expect(svg.value).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
    expect(svg.value).toContain('<path');
    expect(svg.value).not.toMatch(/<script|href=|<image/i);
    expect(html`<div>${svg}</div>`.value).toBe(`<div>${svg.value}</div>`);
  });

  it('when two links differ, then their codes differ', async () => {
    expect((await qrSvg('http://a/1')).value).not.toBe((await qrSvg('http://a/2')).value);
  });
});
