import type { Request, Response } from 'express';
import { html } from '../../hosted/html.js';
import type { ScenarioDefinition } from '../../scenario-engine/load-scenarios.js';
import type { AdminContext } from '../admin-context.js';
import { sendConsole } from './layout.js';
import { broadcastEventForm, queueForm } from './scenario-forms.js';
import { table } from './widgets.js';

function statesOf(def: ScenarioDefinition) {
  return Object.entries(def.states).map(([name, state]) => {
    const moves = [
      ...Object.entries(state.on ?? {}).map(([event, to]) => `${event} → ${to}`),
      ...(state.after ? [`after ${state.after.count} × ${state.after.event} → ${state.after.to}`] : []),
    ];
    return html`<li>
      <strong>${name}</strong>${name === def.initial ? ' (initial)' : ''}${state.summary === undefined ? '' : html`: ${state.summary}`}
      ${state.view === undefined ? '' : html`<br /><span class="small">view <code>${JSON.stringify(state.view)}</code></span>`}
      ${moves.length ? html`<br /><span class="small muted">${moves.join('; ')}</span>` : ''}
      ${state.enter?.length ? html`<br /><span class="small muted">on entry: ${state.enter.join(', ')}</span>` : ''}
    </li>`;
  });
}

/** GET /ui/scenarios: every scenario with its states and live bindings, the queue, and the forms to queue and fire. */
export function scenariosPage(base: string, ctx: AdminContext) {
  return async function consoleScenarios(req: Request, res: Response): Promise<void> {
    const engine = ctx.scenarios.engine;
    const back = `${base}/scenarios`;
    const live = await engine.bindings();
    const pending = await engine.queue.pending();
    const defs = [...engine.catalog.scenarios.values()].sort((a, b) => a.name.localeCompare(b.name));
    const rows = defs.map(
      (def) =>
        html`<tr>
          <th scope="row"><code>${def.name}</code></th>
          <td>${def.summary}<br /><span class="small muted">${def.file}</span></td>
          <td>${def.binds.join(', ')}</td>
          <td>${Object.keys(def.params).length ? html`<code>${JSON.stringify(def.params)}</code>` : 'none'}</td>
          <td>
            <details>
              <summary>${Object.keys(def.states).length} states</summary>
              <ul class="small">
                ${statesOf(def)}
              </ul>
            </details>
          </td>
          <td>${live.filter((i) => i.scenario.name === def.name).length}</td>
        </tr>`,
    );
    const queued = pending.map(
      (q) =>
        html`<tr>
          <td>${q.clientId}</td>
          <td>${q.kind}</td>
          <td>${q.scenarios.map((s, i) => html`${i > 0 ? ', ' : ''}<code>${s}</code>`)}</td>
        </tr>`,
    );
    const body = html`<h1>Scenarios</h1>
      <section aria-labelledby="queue-h">
        <h2 id="queue-h">Queue a scenario</h2>
        ${queueForm(base, back, ctx, undefined)} ${table('Waiting in the queue', ['Client', 'Kind', 'Scenarios, next first'], queued, 'nothing is queued.')}
      </section>
      <section aria-labelledby="event-h">
        <h2 id="event-h">Fire an event</h2>
        <p class="small muted">Moves every bound resource whose state listens to the event (e.g. rotation-requested for key-rotation tokens).</p>
        ${broadcastEventForm(base, back, ctx)}
      </section>
      <section aria-labelledby="catalog-h">
        <h2 id="catalog-h">Every scenario</h2>
        ${table('Scenarios', ['Name', 'Summary', 'Binds to', 'Params', 'States', 'Live bindings'], rows)}
      </section>`;
    sendConsole(res, base, ctx, { title: 'Scenarios', section: 'scenarios', body, done: req.query.done });
  };
}
