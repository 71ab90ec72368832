import type { Request, Response } from 'express';
import { html } from '../../hosted/html.js';
import type { AdminContext } from '../admin-context.js';
import { sendConsole } from './layout.js';
import { actionForm } from './widgets.js';

/** Longer than any id the surfaces make; what is longer is no resource's. */
const MAX_LENGTH = 200;

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' && value.length <= MAX_LENGTH ? value : undefined);

/**
 * GET /ui/resources/delete?kind=&id=: the step between a row's Delete button and the delete, a page of its
 * own (no dialog, no script). Its form posts the delete; leaving it, or Cancel, changes nothing.
 */
export function resourceDeletePage(base: string, ctx: AdminContext) {
  return function consoleResourceDelete(req: Request, res: Response): void {
    const kind = textOf(req.query.kind);
    const id = textOf(req.query.id);
    const client = textOf(req.query.client);
    const back = `${base}/resources${client === undefined ? '' : `?client=${encodeURIComponent(client)}`}`;
    if (kind === undefined || id === undefined) {
      const body = html`<h1>Nothing to delete</h1>
        <p><a href="${back}">Back to the resources</a></p>`;
      const problem = 'kind and id: required (a resource row’s Delete button gives them)';
      sendConsole(res, base, ctx, { title: 'Not done', section: 'resources', body, problem, status: 400 });
      return;
    }
    const body = html`<h1>Delete ${kind} <code>${id}</code>?</h1>
      <p>
        What belongs to it goes with it, as the surface’s own delete takes it (a session’s bindings, a dossier’s processes, a scan’s links), and so does its
        scenario binding; the gateway then answers for it as for an id that never existed. Nothing else is touched. This cannot be undone.
      </p>
      ${actionForm(base, 'delete-resource', {
        id: 'delete-resource',
        back,
        label: `Delete ${kind} ${id}`,
        hidden: { kind, id },
        button: `Delete this ${kind}`,
        kind: 'danger',
      })}
      <p><a href="${back}">Cancel and keep it</a></p>`;
    sendConsole(res, base, ctx, { title: `Delete ${kind}`, section: 'resources', body });
  };
}
