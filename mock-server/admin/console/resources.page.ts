import type { Request, Response } from 'express';
import { html, type SafeHtml } from '../../hosted/html.js';
import { instanceKey, type ScenarioInstance } from '../../scenario-engine/engine.js';
import type { ResourceKind } from '../../scenario-engine/vocabulary.js';
import { SURFACES } from '../../surfaces/index.js';
import type { AdminResource } from '../../surfaces/surface.js';
import type { AdminContext } from '../admin-context.js';
import { maskValue } from '../secret-mask.js';
import { sendConsole } from './layout.js';
import { bindingActions, bindingSummary, queueForm } from './scenario-forms.js';
import { actionForm, field, instant, table } from './widgets.js';

const LIMIT = 100;

/** The scenario kind a listed resource binds as (a dossier binds none; both Regula transactions bind as `transaction`). */
const SCENARIO_KIND: Readonly<Record<string, ResourceKind>> = {
  session: 'session',
  'document-transaction': 'transaction',
  'liveness-transaction': 'transaction',
  scan: 'scan',
  process: 'process',
};

const SHOWN_ELSEWHERE = new Set(['kind', 'id', 'clientId', 'createdAt', 'scenario']);

function details(resource: AdminResource): SafeHtml {
  const parts = Object.entries(resource)
    .filter(([key, value]) => !SHOWN_ELSEWHERE.has(key) && value !== undefined)
    .map(([key, value]) => {
      if (key === 'bound' && Array.isArray(value)) {
        const bound = (value as Array<{ kind: string; transactionId: string }>).map((b) => `${b.kind} ${b.transactionId}`);
        return html`<li>bound transactions: ${bound.length === 0 ? 'none' : html`<code>${bound.join(', ')}</code>`}</li>`;
      }
      return html`<li>${key}: <code>${typeof value === 'string' ? value : JSON.stringify(value)}</code></li>`;
    });
  return parts.length === 0
    ? html``
    : html`<ul class="small">
        ${parts}
      </ul>`;
}

function clientsSection(base: string, back: string, ctx: AdminContext): SafeHtml {
  const rows = ctx.clients.all().map(
    (c, i) =>
      html`<tr>
        <th scope="row"><a href="${base}/resources?client=${encodeURIComponent(c.clientId)}">${c.clientId}</a></th>
        <td><code>${c.guid}</code></td>
        <td>${c.scopes.join(' ')}</td>
        <td>${c.enabled ? 'yes' : 'no'}</td>
        <td>
          ${ctx.clients.productKeysOf(c.clientId).map((k) => html`<code>${k.key}</code> ${k.status === 'revoked' ? html`<span class="bad">revoked</span>` : ''}<br />`)}
        </td>
        <td>${c.apiKeys.map((k) => html`<code>${maskValue(k)}</code><br />`)}</td>
        <td>
          ${actionForm(base, 'reset-client', {
            id: `reset-${i}`,
            back,
            label: `Delete the state of ${c.clientId}`,
            hidden: { clientId: c.clientId },
            button: 'Delete its state',
            kind: 'danger',
          })}
        </td>
      </tr>`,
  );
  return table('Clients and their keys', ['Client', 'GUID', 'Scopes', 'Enabled', 'Product keys', 'API keys (masked)', 'Delete'], rows);
}

/** A row's way to its delete: a plain form to the confirm step, whose own form posts the delete. */
function deleteButton(base: string, client: string | undefined, r: AdminResource): SafeHtml {
  return html`<form class="inline" method="get" action="${base}/resources/delete">
    <input type="hidden" name="kind" value="${r.kind}" />
    <input type="hidden" name="id" value="${r.id}" />
    ${client === undefined ? '' : html`<input type="hidden" name="client" value="${client}" />`}
    <button type="submit" class="danger" aria-label="Delete ${r.kind} ${r.id}">Delete</button>
  </form>`;
}

function resourceRow(
  base: string,
  back: string,
  client: string | undefined,
  r: AdminResource,
  bindings: ReadonlyMap<string, ScenarioInstance>,
  n: number,
): SafeHtml {
  const kind = SCENARIO_KIND[r.kind];
  const instance = kind === undefined ? undefined : bindings.get(instanceKey(kind, r.id));
  return html`<tr id="r-${r.kind}-${r.id}">
    <td>${r.kind}</td>
    <td class="path"><code>${r.id}</code></td>
    <td>${r.clientId}</td>
    <td>${instant(r.createdAt)}</td>
    <td>${details(r)}</td>
    <td>
      ${instance ? html`${bindingSummary(instance)} ${bindingActions(base, back, instance, n)}` : typeof r.scenario === 'string' ? html`<code>${r.scenario}</code>` : 'none'}
    </td>
    <td>${deleteButton(base, client, r)}</td>
  </tr>`;
}

const HEADS = ['Kind', 'Id', 'Client', 'Created', 'Details', 'Scenario and state', 'Delete'];

/** GET /ui/resources: clients and keys, each surface's resources with their scenario state, tokens with a scenario; the forms that steer them. */
export function resourcesPage(base: string, ctx: AdminContext) {
  return async function consoleResources(req: Request, res: Response): Promise<void> {
    const client = typeof req.query.client === 'string' && req.query.client !== '' ? req.query.client : undefined;
    const back = `${base}/resources${client === undefined ? '' : `?client=${encodeURIComponent(client)}`}`;
    const bindings = new Map(
      (await ctx.scenarios.engine.bindings(client === undefined ? {} : { clientId: client })).map((i) => [instanceKey(i.kind, i.resourceId), i]),
    );
    let n = 0;
    const surfaces: SafeHtml[] = [];
    for (const surface of SURFACES) {
      if (!surface.resources) continue;
      const listed = await surface.resources(ctx, client, LIMIT);
      surfaces.push(
        html`<h3>${surface.name}</h3>
          ${table(
            `${surface.name} resources`,
            HEADS,
            listed.map((r) => resourceRow(base, back, client, r, bindings, n++)),
          )}`,
      );
    }
    const tokens = [...bindings.values()].filter((i) => i.kind === 'token');
    const tokenRows = tokens.map(
      (i) =>
        html`<tr>
          <td class="path"><code>${i.resourceId}</code></td>
          <td>${i.clientId}</td>
          <td>${instant(i.boundAt)}</td>
          <td>${bindingSummary(i)} ${bindingActions(base, back, i, n++)}</td>
        </tr>`,
    );
    const clients = ctx.clients.all().map((c): [string, string] => [c.clientId, c.clientId]);
    const body = html`<h1>Resources</h1>
      <form class="inline" method="get" action="${base}/resources" id="pick" aria-label="Show one client">
        ${field('pick', { name: 'client', label: 'Client', options: [['', 'every client'], ...clients], ...(client === undefined ? {} : { value: client }) })}
        <button type="submit">Show</button>
      </form>
      <section aria-labelledby="clients-h">
        <h2 id="clients-h">Clients</h2>
        <p class="small muted">
          Deleting a client’s state removes its sessions, transactions, scans, dossiers, scenario bindings, queue and deliveries, and restores its product keys.
        </p>
        ${clientsSection(base, back, ctx)}
      </section>
      <section aria-labelledby="queue-h">
        <h2 id="queue-h">Queue a scenario</h2>
        ${queueForm(base, back, ctx, client)}
      </section>
      <section aria-labelledby="tokens-h">
        <h2 id="tokens-h">Tokens with a scenario</h2>
        <p class="small muted">Tokens are stateless JWTs: only those a scenario is bound to are kept. Inspect any token on the Time and keys page.</p>
        ${table('Bound tokens', ['Token id (jti)', 'Client', 'Issued', 'Scenario and state'], tokenRows)}
      </section>
      <section aria-labelledby="resources-h">
        <h2 id="resources-h">Each surface’s resources${client === undefined ? '' : html` of <code>${client}</code>`}</h2>
        <p class="small muted">Newest first, at most ${LIMIT} of each surface. Delete asks once more, on a page of its own, before a resource goes.</p>
        ${surfaces}
      </section>`;
    sendConsole(res, base, ctx, { title: 'Resources', section: 'resources', body, done: req.query.done });
  };
}
