import type { Request, Response } from 'express';
import { html, type SafeHtml } from '../../hosted/html.js';
import { publicBaseUrl } from '../../pipeline/public-base-url.js';
import { SURFACES } from '../../surfaces/index.js';
import type { SignatureCheck } from '../../surfaces/surface.js';
import type { WebhookDeliveryRecord } from '../../webhooks/delivery-record.js';
import type { Received } from '../../webhooks/webhook-sink.js';
import type { AdminContext } from '../admin-context.js';
import { maskBody, maskedHeaders } from '../secret-mask.js';
import { sendConsole } from './layout.js';
import { actionForm, field, instant, statusBadge, table } from './widgets.js';

const LIMIT = 100;

function attempts(record: WebhookDeliveryRecord): SafeHtml {
  if (record.attempts.length === 0) return html`<span class="muted">none yet</span>`;
  return html`<ol class="small">
    ${record.attempts.map(
      (a) =>
        html`<li>
          ${instant(a.at)}: ${a.status === undefined ? html`<span class="bad">${a.error ?? 'no answer'}</span>` : statusBadge(a.status)} in ${a.latencyMs} ms
        </li>`,
    )}
  </ol>`;
}

function headersList(headers: Readonly<Record<string, string>>): SafeHtml {
  return html`<ul class="small mono">
    ${maskedHeaders(headers).map(([k, v]) => html`<li>${k}: ${v}</li>`)}
  </ul>`;
}

function deliveryRow(base: string, back: string, r: WebhookDeliveryRecord, n: number): SafeHtml {
  return html`<tr>
    <td class="path"><code>${r.id}</code><br />${instant(r.createdAt)}</td>
    <td>${r.source}<br /><span class="small">${r.owner}</span></td>
    <td class="path"><code>${r.resourceId}</code></td>
    <td class="path"><code>${r.url}</code></td>
    <td>
      <strong>${r.state}</strong
      >${r.nextAttemptAt === undefined || r.state !== 'queued' ? '' : html`<br /><span class="small">next ${instant(r.nextAttemptAt)}</span>`}
    </td>
    <td>${attempts(r)}</td>
    <td>
      ${actionForm(base, 'webhook-replay', { id: `replay-${n}`, back, label: `Replay delivery ${r.id}`, hidden: { id: r.id }, button: 'Replay', kind: 'secondary' })}
      <details>
        <summary>Body and headers</summary>
        ${headersList(r.headers)}
        <pre tabindex="0" aria-label="Body">${maskBody(r.body)}</pre>
      </details>
    </td>
  </tr>`;
}

/** The first surface that knows the signature on a received body; the sender found by the body when a delivery here sent it. */
async function signatureOf(ctx: AdminContext, received: Received, deliveries: readonly WebhookDeliveryRecord[]): Promise<SignatureCheck | undefined> {
  const owner = deliveries.find((d) => d.body === received.body)?.owner;
  for (const surface of SURFACES) {
    const check = await surface.checkWebhookSignature?.(ctx, received, owner);
    if (check) return check;
  }
  return undefined;
}

function signatureText(check: SignatureCheck | undefined): SafeHtml {
  if (!check) return html`<span class="muted">unsigned: no signature header a surface of this mock uses</span>`;
  return check.valid
    ? html`<span class="ok">signature valid</span> (${check.header}, ${check.detail}, keyed with ${check.keyedWith ?? '?'})`
    : html`<span class="bad">signature does not verify</span> (${check.header}: ${check.detail})`;
}

async function sinkSection(
  base: string,
  back: string,
  ctx: AdminContext,
  name: string,
  deliveries: readonly WebhookDeliveryRecord[],
  n: number,
): Promise<SafeHtml> {
  const received = ctx.webhookSink.list(name);
  const rows: SafeHtml[] = [];
  for (const r of received) {
    rows.push(
      html`<tr>
        <td>${instant(r.at)}</td>
        <td class="sig">${signatureText(await signatureOf(ctx, r, deliveries))}</td>
        <td>
          <details>
            <summary>Headers</summary>
            ${headersList(r.headers)}
          </details>
          <pre tabindex="0" aria-label="Body">${maskBody(r.body)}</pre>
        </td>
      </tr>`,
    );
  }
  return html`<h3 id="sink-${n}-h">Sink <code>${name}</code></h3>
    ${table(`What sink ${name} received, newest first`, ['Received', 'Signature', 'Body'], rows)}
    ${actionForm(base, 'sink-clear', { id: `sink-clear-${n}`, back, label: `Empty sink ${name}`, hidden: { name }, button: `Empty sink ${name}`, kind: 'danger' })}`;
}

/** GET /ui/webhooks: every delivery with every attempt and a replay; the sinks' received bodies with their signatures checked. */
export function webhooksPage(base: string, ctx: AdminContext, adminPrefix: string) {
  return async function consoleWebhooks(req: Request, res: Response): Promise<void> {
    const client = typeof req.query.client === 'string' && req.query.client !== '' ? req.query.client : undefined;
    const back = `${base}/webhooks${client === undefined ? '' : `?client=${encodeURIComponent(client)}`}`;
    const deliveries = await ctx.webhooks.listAnywhere({ owner: client }, LIMIT);
    const stats = ctx.webhooks.stats();
    const sinks: SafeHtml[] = [];
    let n = 0;
    for (const name of ctx.webhookSink.names()) sinks.push(await sinkSection(base, back, ctx, name, deliveries, n++));
    const clients = ctx.clients.all().map((c): [string, string] => [c.clientId, c.clientId]);
    const sinkUrl = `${publicBaseUrl(req, ctx.config.publicUrl)}${adminPrefix}/webhooks/sink/NAME`;
    const body = html`<h1>Webhooks</h1>
      <form class="inline" method="get" action="${base}/webhooks" id="pick" aria-label="Show one client’s deliveries">
        ${field('pick', { name: 'client', label: 'Client', options: [['', 'every client'], ...clients], ...(client === undefined ? {} : { value: client }) })}
        <button type="submit">Show</button>
      </form>
      <section aria-labelledby="deliveries-h">
        <h2 id="deliveries-h">Deliveries</h2>
        <p class="small muted">
          ${stats.queued} queued, ${stats.inFlight} in flight, ${stats.delivered} delivered, ${stats.failed} failed, dropped (outbox full):
          ${stats.dropped['queue-full'] + stats.dropped['target-full']}. Replaying sends one more attempt now.
        </p>
        ${table(
          'Deliveries, newest first',
          ['Delivery', 'Source, client', 'Resource', 'To', 'State', 'Attempts', 'Replay'],
          deliveries.map((d, i) => deliveryRow(base, back, d, i)),
        )}
      </section>
      <section aria-labelledby="sinks-h">
        <h2 id="sinks-h">The sink</h2>
        <p class="small">
          Point a webhook at <code>${sinkUrl}</code> (any name) and read here what arrived, signature checked against the keys the mock signs with.
        </p>
        ${sinks.length === 0 ? html`<p class="muted">No sink has received anything yet.</p>` : sinks}
      </section>`;
    sendConsole(res, base, ctx, { title: 'Webhooks', section: 'webhooks', body, done: req.query.done });
  };
}
