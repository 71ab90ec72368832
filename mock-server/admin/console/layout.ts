import { readFileSync } from 'node:fs';
import type { Response } from 'express';
import { html, type SafeHtml } from '../../hosted/html.js';
import { sendPage } from '../../hosted/page-shell.js';
import type { AdminContext } from '../admin-context.js';
import { CONSOLE_STYLE } from './style.js';

/** The progressive script: a file of plain browser JavaScript beside this one, read once, sent inline under the nonce. */
const SCRIPT = readFileSync(new URL('./console.client.js', import.meta.url), 'utf8');

/** A small square in the console's dark blue, inline (img-src allows data:). */
const ICON = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#101827"/><path d="M4 4h8L4 12h8" stroke="#fff" stroke-width="2" fill="none"/></svg>')}`;

export type Section = 'journal' | 'resources' | 'scenarios' | 'time' | 'webhooks';

const SECTIONS: ReadonlyArray<[Section, string, string]> = [
  ['journal', '', 'Journal'],
  ['resources', '/resources', 'Resources'],
  ['scenarios', '/scenarios', 'Scenarios'],
  ['time', '/time', 'Time and keys'],
  ['webhooks', '/webhooks', 'Webhooks'],
];

/** What each console action says once done (a fixed set: the query names one, it never carries text of its own). */
export const DONE: Readonly<Record<string, string>> = {
  'scenario-queued': 'The scenario is queued: the client’s next resource of that kind gets it.',
  'state-set': 'The scenario state is set.',
  'event-fired': 'The event was fired.',
  'resource-deleted': 'The resource is deleted, with what belonged to it.',
  'client-reset': 'The client’s state is deleted (its resources, bindings, queue, deliveries; product keys restored).',
  'clock-advanced': 'The clock moved forward.',
  'clock-set': 'The clock is set.',
  'clock-reset': 'The clock follows wall time again.',
  'signing-rotated': 'A new signing key is active; the old one stays passive for its grace period.',
  'signing-removed': 'The passive signing key is removed.',
  'product-key-rotated': 'A new product key was added and the old one revoked.',
  'product-key-revoked': 'The product key is revoked.',
  'product-key-restored': 'The product key is active again.',
  'webhook-replayed': 'The delivery is queued once more.',
  'sink-cleared': 'The sink is emptied.',
  'journal-cleared': 'The journal is emptied.',
};

export interface ConsoleView {
  title: string;
  section: Section;
  body: SafeHtml;
  /** The `done` query of the page: one of {@link DONE}'s keys, after an action. */
  done?: unknown;
  /** An action that failed, in the control plane's own words. */
  problem?: string;
  status?: number;
}

function header(base: string, ctx: AdminContext, section: Section): SafeHtml {
  const now = new Date(ctx.clock.now()).toISOString();
  return html`<a class="skip" href="#main">Skip to content</a>
    <header>
      <a class="brand" href="${base}">ZignSec mock · console</a>
      <nav aria-label="Console sections">
        <ul>
          ${SECTIONS.map(([id, path, label]) => html`<li><a href="${base}${path}" ${id === section ? html`aria-current="page"` : ''}>${label}</a></li>`)}
        </ul>
      </nav>
      <p>
        Instance <code>${ctx.instanceId}</code> · store ${ctx.shared ? 'Redis (shared)' : 'in memory'} · virtual clock
        <time datetime="${now}">${now}</time>${ctx.clock.isFrozen ? ' (frozen)' : ''}
      </p>
    </header>`;
}

/** Sends one console page: the shell of the hosted pages (nonce CSP, no cache), never framed, with the console's header and style. */
export function sendConsole(res: Response, base: string, ctx: AdminContext, view: ConsoleView): void {
  const done = typeof view.done === 'string' ? DONE[view.done] : undefined;
  const body = html`${done === undefined ? '' : html`<p class="flash" id="flash" role="status" tabindex="-1">${done}</p>`}
  ${view.problem === undefined ? '' : html`<p class="problem" id="problem" role="alert" tabindex="-1">${view.problem}</p>`} ${view.body}`;
  sendPage(
    res,
    view.status ?? 200,
    {
      lang: 'en',
      title: `${view.title} · ZignSec mock console`,
      style: CONSOLE_STYLE,
      icon: ICON,
      before: header(base, ctx, view.section),
      body,
      script: SCRIPT,
    },
    { frameAncestors: "'none'", nonce: ctx.ids.urlSafe(22) },
  );
}
