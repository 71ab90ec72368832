import { html, type SafeHtml } from '../../hosted/html.js';

/** A table that scrolls inside its own region on a narrow screen; the region is focusable, so a keyboard can scroll it. */
export function table(caption: string, heads: readonly string[], rows: readonly SafeHtml[], empty = 'Nothing yet.'): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">${caption}: ${empty}</p>`;
  return tableFrame(caption, heads, rows);
}

/** {@link table} drawn even when empty, with attributes of its own on the table (a live one fills it later). */
export function tableFrame(caption: string, heads: readonly string[], rows: readonly SafeHtml[], attributes: SafeHtml = html``): SafeHtml {
  return html`<div class="scroll" role="region" aria-label="${caption}" tabindex="0">
    <table ${attributes}>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${heads.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** An instant of the virtual clock, machine-readable and short to read. */
export function instant(epochMsOrIso: number | string): SafeHtml {
  const date = new Date(epochMsOrIso);
  if (Number.isNaN(date.getTime())) return html`${String(epochMsOrIso)}`;
  const iso = date.toISOString();
  return html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')}</time>`;
}

/** An HTTP status, coloured by class (0: the connection went away). */
export function statusBadge(status: number): SafeHtml {
  return html`<span class="status s${String(status).charAt(0)}">${status === 0 ? 'gone' : status}</span>`;
}

export interface Field {
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'number' | 'datetime-local' | 'search';
  /** Options of a select, as [value, label]; an empty value first means "any". */
  options?: ReadonlyArray<readonly [string, string]>;
  required?: boolean;
  placeholder?: string;
  /** For number fields. */
  min?: number;
  step?: string;
  describedBy?: string;
}

/** One labelled field; `id` must be unique on the page (the form's id prefixes it). */
export function field(formId: string, f: Field): SafeHtml {
  const id = `${formId}-${f.name}`;
  const described = f.describedBy === undefined ? '' : html`aria-describedby="${f.describedBy}"`;
  const control = f.options
    ? html`<select id="${id}" name="${f.name}" ${f.required ? 'required' : ''} ${described}>
        ${f.options.map(([value, label]) => html`<option value="${value}" ${value === f.value ? 'selected' : ''}>${label}</option>`)}
      </select>`
    : html`<input
        id="${id}"
        name="${f.name}"
        type="${f.type ?? 'text'}"
        value="${f.value ?? ''}"
        ${f.required ? 'required' : ''}
        ${f.placeholder === undefined ? '' : html`placeholder="${f.placeholder}"`}
        ${f.min === undefined ? '' : html`min="${f.min}"`}
        ${f.step === undefined ? '' : html`step="${f.step}"`}
        ${described}
      />`;
  return html`<div class="field"><label for="${id}">${f.label}</label>${control}</div>`;
}

export function checkbox(formId: string, name: string, label: string, checked: boolean): SafeHtml {
  const id = `${formId}-${name}`;
  return html`<div class="field">
    <label class="check" for="${id}"><input id="${id}" name="${name}" type="checkbox" value="true" ${checked ? 'checked' : ''} />${label}</label>
  </div>`;
}

/**
 * A form that posts to one console action (urlencoded: it works without the script), with where to come
 * back to; hidden inputs carry the ids the action needs.
 */
export function actionForm(
  base: string,
  action: string,
  opts: {
    id: string;
    back: string;
    hidden?: Record<string, string>;
    fields?: readonly SafeHtml[];
    button: string;
    kind?: 'danger' | 'secondary';
    label?: string;
  },
): SafeHtml {
  return html`<form
    class="inline"
    method="post"
    action="${base}/actions/${action}"
    id="${opts.id}"
    ${opts.label === undefined ? '' : html`aria-label="${opts.label}"`}
  >
    <input type="hidden" name="back" value="${opts.back}" />
    ${Object.entries(opts.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)} ${opts.fields ?? []}
    <button type="submit" ${opts.kind === undefined ? '' : html`class="${opts.kind}"`}>${opts.button}</button>
  </form>`;
}

/** Facts as a definition list. */
export function facts(pairs: ReadonlyArray<readonly [string, SafeHtml | string | number | undefined]>): SafeHtml {
  return html`<dl class="facts">
    ${pairs
      .filter(([, v]) => v !== undefined && v !== '')
      .map(
        ([k, v]) =>
          html`<dt>${k}</dt>
            <dd>${v}</dd>`,
      )}
  </dl>`;
}

/** An id safe to use in element ids, from any text (a resource id may hold anything). */
export const domId = (text: string): string => text.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
