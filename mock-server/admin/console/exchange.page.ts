import type { Request, Response } from 'express';
import { html, type SafeHtml } from '../../hosted/html.js';
import type { AdminContext } from '../admin-context.js';
import { showExchange, type ShownBody, type ShownDecision } from '../exchange-view.js';
import { sendConsole } from './layout.js';
import type { SurfaceNames } from './surface-of.js';
import { facts, instant, statusBadge, table } from './widgets.js';

function headersTable(caption: string, headers: ReadonlyArray<[string, string]>): SafeHtml {
  return table(
    caption,
    ['Header', 'Value'],
    headers.map(
      ([name, value]) =>
        html`<tr>
          <th scope="row"><code>${name}</code></th>
          <td class="path"><code>${value}</code></td>
        </tr>`,
    ),
    'none.',
  );
}

function bodyBlock(label: string, id: string, body: ShownBody | undefined): SafeHtml {
  if (!body) return html`<p class="muted">${label}: none.</p>`;
  const about = [
    `${body.bytes} bytes`,
    body.parsed ? 'shown as the route parsed it' : undefined,
    body.binary ? 'binary: the first bytes in hex' : undefined,
    body.truncated ? 'cut: only the head is kept' : undefined,
  ].filter((s) => s !== undefined);
  return html`<h3 id="${id}-h">${label}</h3>
    <p class="small muted">${about.join(' · ')}</p>
    <pre id="${id}" aria-labelledby="${id}-h" tabindex="0">${body.text}</pre>`;
}

function decisionBlock(base: string, decision: ShownDecision | undefined): SafeHtml {
  if (!decision) return html`<p class="muted">No scenario shaped this answer (plain behaviour, or no resource with a scenario was involved).</p>`;
  const [kind, ...rest] = decision.resource.split(':');
  const view = decision.view === undefined ? undefined : JSON.stringify(decision.view);
  return facts([
    ['Resource', html`<a href="${base}/resources#r-${kind ?? ''}-${rest.join(':')}"><code>${decision.resource}</code></a>`],
    ['Scenario', html`<code>${decision.scenario}</code>`],
    ['State', decision.stateBefore === undefined ? decision.stateAfter : `${decision.stateBefore} → ${decision.stateAfter ?? '?'}`],
    ['What that state does', view === undefined || view === '{}' ? 'the plain answer' : html`<code>${view}</code>`],
    ['Now', decision.bound ? `still bound, in state ${decision.currentState ?? '?'}` : 'no longer bound to this scenario'],
  ]);
}

/** GET /ui/requests/:seq: one request's whole exchange, credentials masked, and the scenario decision behind it. */
export function exchangePage(base: string, ctx: AdminContext, surfaces: SurfaceNames) {
  return async function consoleExchange(req: Request, res: Response): Promise<void> {
    const text = String(req.params.seq);
    const shown = /^\d{1,15}$/.test(text) ? await showExchange(ctx, Number(text)) : undefined;
    if (!shown) {
      const body = html`<h1>Request ${text}</h1>
        <p>This instance’s journal does not hold request ${text} (it keeps the last ${ctx.journal.capacity}).</p>
        <p><a href="${base}">Back to the journal</a></p>`;
      sendConsole(res, base, ctx, { title: `Request ${text}`, section: 'journal', body, status: 404 });
      return;
    }
    const { entry } = shown;
    const body = html`<h1>Request ${entry.seq}: ${entry.method} <code class="path">${entry.path}</code></h1>
      <p><a href="${base}">Back to the journal</a></p>
      <section aria-labelledby="summary-h">
        <h2 id="summary-h">Summary</h2>
        ${facts([
          ['At (virtual clock)', instant(entry.at)],
          ['Status', statusBadge(entry.status)],
          ['Duration', `${entry.durationMs} ms`],
          ['Surface', surfaces.of(entry.path)],
          ['Client', entry.clientId],
          ['Answered by', html`instance <code>${shown.instance}</code>`],
          ['Route', entry.unmatched ? 'none matched' : undefined],
        ])}
      </section>
      <section aria-labelledby="decision-h">
        <h2 id="decision-h">Scenario decision</h2>
        ${decisionBlock(base, shown.decision)}
      </section>
      ${
        shown.held
          ? html`<section aria-labelledby="request-h">
                <h2 id="request-h">Request</h2>
                ${headersTable('Request headers (credentials masked)', shown.request?.headers ?? [])}
                ${bodyBlock('Request body', 'request-body', shown.request?.body)}
              </section>
              <section aria-labelledby="response-h">
                <h2 id="response-h">Response</h2>
                ${headersTable('Response headers (credentials masked)', shown.response?.headers ?? [])}
                ${bodyBlock('Response body', 'response-body', shown.response?.body)}
              </section>`
          : html`<p class="note">The whole exchange is no longer held: only the last ${ctx.journal.stats().exchanges} requests keep it (journal.exchanges).</p>`
      }`;
    sendConsole(res, base, ctx, { title: `Request ${entry.seq}`, section: 'journal', body });
  };
}
