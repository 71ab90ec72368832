import { html, type SafeHtml } from '../../hosted/html.js';
import type { ScenarioInstance } from '../../scenario-engine/engine.js';
import { EVENTS, RESOURCE_KINDS } from '../../scenario-engine/vocabulary.js';
import type { AdminContext } from '../admin-context.js';
import { actionForm, field } from './widgets.js';

/** A binding's scenario and state, with how many of each event it has counted in that state. */
export function bindingSummary(instance: ScenarioInstance): SafeHtml {
  const counts = Object.entries(instance.counts).map(([event, n]) => `${event} ×${n}`);
  const flags = [
    instance.data.tokenExpired ? 'token expired' : '',
    instance.data.revokedProductKeys.length ? `rotated keys: ${instance.data.revokedProductKeys.length}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return html`<code>${instance.scenario.ref}</code> in
    <strong>${instance.state}</strong> ${counts.length ? html`<br /><span class="small muted">events in this state: ${counts.join(', ')}</span>` : ''}
    ${flags ? html`<br /><span class="small muted">${flags}</span>` : ''}`;
}

/** Set-state and fire-event forms for one bound resource; `n` keeps the ids of its fields unique on the page. */
export function bindingActions(base: string, back: string, instance: ScenarioInstance, n: number): SafeHtml {
  const state = instance.scenario.states[instance.state];
  const listens = [...new Set([...Object.keys(state?.on ?? {}), ...(state?.after ? [state.after.event] : [])])];
  const states = Object.keys(instance.scenario.states).map((s): [string, string] => [s, s]);
  const what = `${instance.kind} ${instance.resourceId}`;
  return html`${actionForm(base, 'set-state', {
    id: `set-${n}`,
    back,
    label: `Set the scenario state of ${what}`,
    hidden: { kind: instance.kind, id: instance.resourceId },
    fields: [field(`set-${n}`, { name: 'state', label: 'State', options: states, value: instance.state })],
    button: 'Set state',
    kind: 'secondary',
  })}
  ${
    listens.length === 0
      ? html`<p class="small muted">This state moves on no event.</p>`
      : actionForm(base, 'fire-event', {
          id: `fire-${n}`,
          back,
          label: `Fire an event on ${what}`,
          hidden: { kind: instance.kind, resourceId: instance.resourceId },
          fields: [
            field(`fire-${n}`, {
              name: 'event',
              label: 'Event',
              options: listens.map((e): [string, string] => [e, `${e} → ${state?.on[e as keyof typeof state.on] ?? state?.after?.to ?? '?'}`]),
            }),
          ],
          button: 'Fire event',
          kind: 'secondary',
        })
  }`;
}

/** Queue a one-shot scenario for a client's next resource of a kind. */
export function queueForm(base: string, back: string, ctx: AdminContext, clientId: string | undefined): SafeHtml {
  const clients = ctx.clients.all().map((c): [string, string] => [c.clientId, c.clientId]);
  const scenarios = [...ctx.scenarios.engine.catalog.scenarios.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((d): [string, string] => [d.name, `${d.name} (${d.binds.join(', ')})`]);
  return html`<p class="small muted" id="queue-help">
      The next resource of that kind the client creates gets the scenario (the X-Mock-Scenario header still wins). Kind: the scenario’s first when left as is.
    </p>
    ${actionForm(base, 'queue-scenario', {
      id: 'queue',
      back,
      label: 'Queue a scenario',
      fields: [
        field('queue', { name: 'clientId', label: 'Client', options: clients, required: true, ...(clientId === undefined ? {} : { value: clientId }) }),
        field('queue', { name: 'scenario', label: 'Scenario', options: scenarios, required: true, describedBy: 'queue-help' }),
        field('queue', { name: 'params', label: 'Params (e.g. variant=expired)', placeholder: 'name=value;name=value' }),
        field('queue', { name: 'kind', label: 'Kind', options: [['', 'the scenario’s first'], ...RESOURCE_KINDS.map((k): [string, string] => [k, k])] }),
      ],
      button: 'Queue scenario',
    })}`;
}

/** Fire an event on every binding of a client (or of all) whose state listens to it. */
export function broadcastEventForm(base: string, back: string, ctx: AdminContext): SafeHtml {
  const clients = ctx.clients.all().map((c): [string, string] => [c.clientId, c.clientId]);
  return actionForm(base, 'fire-event', {
    id: 'broadcast',
    back,
    label: 'Fire an event on every listening binding',
    fields: [
      field('broadcast', { name: 'event', label: 'Event', options: EVENTS.map((e): [string, string] => [e, e]), value: 'rotation-requested' }),
      field('broadcast', { name: 'clientId', label: 'Client', options: [['', 'every client'], ...clients] }),
      field('broadcast', { name: 'kind', label: 'Kind', options: [['', 'any kind'], ...RESOURCE_KINDS.map((k): [string, string] => [k, k])] }),
    ],
    button: 'Fire event',
    kind: 'secondary',
  });
}
