import type { Request, Response } from 'express';
import { html, type SafeHtml } from '../../hosted/html.js';
import type { JournalEntry } from '../../pipeline/request-journal.js';
import type { AdminContext } from '../admin-context.js';
import { filterFromQuery, matcherOf, queryOf, type ConsoleFilter } from './journal-filter.js';
import { sendConsole } from './layout.js';
import type { SurfaceNames } from './surface-of.js';
import { actionForm, checkbox, field, instant, statusBadge, tableFrame } from './widgets.js';

const SHOWN = 200;

export const JOURNAL_HEADS = ['#', 'Time', 'Method', 'Path', 'Status', 'Surface', 'Client', 'Scenario (state)'] as const;

/** One journal row: the page's and the live stream's (which sends it rendered, so escaping happens here only). */
export function journalRow(base: string, entry: JournalEntry, surface: string): SafeHtml {
  const states =
    entry.stateBefore === undefined
      ? ''
      : entry.stateBefore === entry.stateAfter
        ? ` (${entry.stateAfter})`
        : ` (${entry.stateBefore} → ${entry.stateAfter ?? '?'})`;
  return html`<tr data-seq="${entry.seq}">
    <td><a href="${base}/requests/${entry.seq}" aria-label="Request ${entry.seq}: ${entry.method} ${entry.path}">${entry.seq}</a></td>
    <td>${instant(entry.at)}</td>
    <td>${entry.method}</td>
    <td class="path"><code>${entry.path}</code>${entry.unmatched ? html` <span class="small muted">(no route)</span>` : ''}</td>
    <td>${statusBadge(entry.status)}</td>
    <td>${surface}</td>
    <td>${entry.clientId ?? ''}</td>
    <td>${entry.scenario === undefined ? '' : html`<code>${entry.scenario}</code>${states}`}</td>
  </tr>`;
}

function filterForm(base: string, ctx: AdminContext, filter: ConsoleFilter, surfaces: SurfaceNames): SafeHtml {
  const any: [string, string] = ['', 'any'];
  const clients = ctx.clients.all().map((c): [string, string] => [c.clientId, c.clientId]);
  if (filter.client !== undefined && !clients.some(([id]) => id === filter.client)) clients.push([filter.client, filter.client]);
  const scenarios = [...ctx.scenarios.engine.catalog.scenarios.keys()].sort().map((n): [string, string] => [n, n]);
  return html`<form class="inline" method="get" action="${base}" id="filter" aria-label="Filter the journal">
    ${field('filter', { name: 'client', label: 'Client', options: [any, ...clients], ...(filter.client === undefined ? {} : { value: filter.client }) })}
    ${field('filter', { name: 'surface', label: 'Surface', options: [any, ...surfaces.names.map((n): [string, string] => [n, n])], ...(filter.surface === undefined ? {} : { value: filter.surface }) })}
    ${field('filter', { name: 'status', label: 'Status (e.g. 401 or 4xx)', ...(filter.status === undefined ? {} : { value: filter.status }) })}
    ${field('filter', { name: 'scenario', label: 'Scenario', options: [any, ...scenarios], ...(filter.scenario === undefined ? {} : { value: filter.scenario }) })}
    ${field('filter', { name: 'path', label: 'Path contains', type: 'search', ...(filter.path === undefined ? {} : { value: filter.path }) })}
    ${checkbox('filter', 'admin', 'Include the control plane’s own requests', filter.admin)}
    <button type="submit">Filter</button>
  </form>`;
}

/** GET /ui: the journal, newest first, filtered; live through the stream once the script runs. */
export function journalPage(base: string, ctx: AdminContext, surfaces: SurfaceNames) {
  return function consoleJournal(req: Request, res: Response): void {
    const filter = filterFromQuery(req.query);
    const entries = ctx.journal.query({ match: matcherOf(filter, surfaces), limit: SHOWN });
    const stats = ctx.journal.stats();
    const query = queryOf(filter);
    const rows = entries.map((e) => journalRow(base, e, surfaces.of(e.path)));
    const body = html`<h1>Journal</h1>
      <p class="note" id="instance-note">
        This is the journal of instance <code>${ctx.instanceId}</code> only.
        ${
          ctx.shared
            ? 'Several instances share this gateway’s store, and each keeps its own journal: a request another instance answered is in its console (the x-mock-instance header says which one answered).'
            : 'It is the only instance (in-memory store).'
        }
        It holds the last ${stats.capacity} requests (${stats.recorded} recorded since it was cleared); the last ${stats.exchanges} keep their whole exchange.
      </p>
      ${stats.capacity === 0 ? html`<p class="problem">The journal is off (journal.enabled: false or maxEntries: 0): nothing is recorded.</p>` : ''}
      <section aria-labelledby="filters-h">
        <h2 id="filters-h">Filters</h2>
        ${filterForm(base, ctx, filter, surfaces)}
      </section>
      <div class="live">
        <button type="button" id="live-toggle" class="secondary" hidden>Pause live view</button>
        <p id="live-status" role="status" class="small muted">
          Showing the newest ${Math.min(SHOWN, entries.length)} matching requests. Reload for newer ones.
        </p>
      </div>
      ${tableFrame(
        'Requests, newest first',
        JOURNAL_HEADS,
        rows,
        html`id="journal" data-stream="${base}/journal/stream${query === '' ? '' : `?${query}`}" data-max-rows="${SHOWN}"`,
      )}
      ${rows.length === 0 ? html`<p class="muted" id="journal-empty">No request matches yet.</p>` : ''}
      <h2>Clear</h2>
      ${actionForm(base, 'journal-clear', { id: 'journal-clear', back: base, button: 'Empty this instance’s journal', kind: 'danger' })}`;
    sendConsole(res, base, ctx, { title: 'Journal', section: 'journal', body, done: req.query.done });
  };
}
