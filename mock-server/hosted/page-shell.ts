import type { Response } from 'express';
import { html, raw, type SafeHtml } from './html.js';

/** Small, readable, mobile-first; everything inline, nothing fetched from elsewhere. */
const STYLE = `
:root{color-scheme:light;--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--brand:#1f5eff;--bad:#b42318;--bg:#f5f7fb}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:30rem;margin:0 auto;padding:1.5rem 1rem}.card{background:#fff;border:1px solid var(--line);border-radius:12px;padding:1.5rem}
h1{font-size:1.35rem;margin:0 0 .75rem}p{margin:.5rem 0}.muted{color:var(--muted);font-size:.9rem}
.steps{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;margin-bottom:.5rem}
form{margin:1rem 0 0}button,.button{display:block;width:100%;padding:.75rem 1rem;margin:.5rem 0;border-radius:8px;border:1px solid var(--brand);background:var(--brand);color:#fff;font:inherit;text-align:center;text-decoration:none;cursor:pointer}
button.secondary,.button.secondary{background:#fff;color:var(--brand)}button.link{background:none;border:none;color:var(--muted);text-decoration:underline}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}input[type=file],select{width:100%;padding:.5rem;border:1px solid var(--line);border-radius:8px;background:#fff}
.choice{display:flex;gap:.5rem;align-items:center;font-weight:400;padding:.6rem;border:1px solid var(--line);border-radius:8px;margin:.5rem 0}
.error{color:var(--bad);border:1px solid var(--bad);border-radius:8px;padding:.5rem .75rem;background:#fff5f4}
.qr{display:flex;justify-content:center;margin:1rem 0}.qr svg{width:14rem;height:14rem}
.frame{border:3px dashed var(--brand);border-radius:50%;width:10rem;height:12rem;margin:1rem auto}
.mock{margin-top:1.5rem;border:1px dashed #b26b00;border-radius:8px;padding:.75rem;background:#fffaf0;font-size:.9rem}
.break{word-break:break-all}`;

export interface Page {
  lang: string;
  title: string;
  body: SafeHtml;
  /** A small progressive script of ours (runs under the page's nonce; it reads data from the page, never interpolates it); the page works without it. */
  script?: string;
  /** A style sheet of the page's own instead of the hosted pages' (the control plane's console is wider). */
  style?: string;
  /** The page's icon (a data: URL keeps the browser from asking the origin's root for /favicon.ico). */
  icon?: string;
  /** What comes before `<main id="main">` (a skip link, a header, navigation). */
  before?: SafeHtml;
  /** Moves the browser on after a moment (the final redirect): a meta refresh, which no CSP directive blocks. */
  refresh?: { seconds: number; url: string };
}

/** The whole document. `nonce` is this response's, from {@link sendPage}. */
export function renderPage(page: Page, nonce: string): string {
  return html`<!doctype html>
    <html lang="${page.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        ${page.refresh === undefined ? '' : html` <meta http-equiv="refresh" content="${page.refresh.seconds};url=${page.refresh.url}" />`}
        <title>${page.title}</title>
        ${page.icon === undefined ? '' : html`<link rel="icon" href="${page.icon}" />`}
        <style nonce="${nonce}">
          ${raw(page.style ?? STYLE)}
        </style>
      </head>
      <body>
        ${
          page.before === undefined
            ? html`<main>${page.body}</main>`
            : html`${page.before}
                <main id="main">${page.body}</main>`
        }
        ${
          page.script === undefined
            ? ''
            : html`<script nonce="${nonce}">
                ${raw(page.script)};
              </script>`
        }
      </body>
    </html>`.value;
}

export interface ShellOptions {
  /** `frame-ancestors` of the CSP: who may put the page in an iframe (`*` as ZignSec allows). */
  frameAncestors: string;
  nonce: string;
}

/**
 * Sends a hosted page: a CSP that allows nothing from elsewhere (inline style and script only under this
 * response's nonce, form posts to the same origin, framing by `frameAncestors`), never cached, no referrer.
 */
export function sendPage(res: Response, status: number, page: Page, options: ShellOptions): void {
  res
    .status(status)
    .set({
      'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors ${options.frameAncestors}`,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    })
    .type('html')
    .send(renderPage(page, options.nonce));
}
