import type { Request, Response } from 'express';
import { html, type SafeHtml } from '../../hosted/html.js';
import type { AdminContext } from '../admin-context.js';
import { sendConsole } from './layout.js';
import { inspectToken, type TokenInspection } from './token-inspect.js';
import { actionForm, facts, field, instant, table } from './widgets.js';

function clockSection(base: string, back: string, ctx: AdminContext): SafeHtml {
  const now = ctx.clock.now();
  return html`<section aria-labelledby="clock-h">
    <h2 id="clock-h">Virtual clock</h2>
    ${facts([
      ['Now', html`<span id="clock-now">${instant(now)}</span>`],
      ['Frozen', ctx.clock.isFrozen ? 'yes' : 'no'],
    ])}
    <p class="small muted">Token expiry, store TTLs, scan timeouts and webhook retries follow it.</p>
    ${actionForm(base, 'clock-advance', {
      id: 'advance',
      back,
      label: 'Advance the clock',
      fields: [field('advance', { name: 'seconds', label: 'Advance by (seconds)', type: 'number', min: 0, step: 'any', value: '3600', required: true })],
      button: 'Advance',
    })}
    ${actionForm(base, 'clock-set', {
      id: 'set-clock',
      back,
      label: 'Set the clock',
      fields: [
        field('set-clock', { name: 'now', label: 'Set to (UTC)', type: 'datetime-local', step: '1', value: new Date(now).toISOString().slice(0, 19) }),
        field('set-clock', {
          name: 'frozen',
          label: 'Frozen',
          options: [
            ['', 'as it is'],
            ['true', 'freeze'],
            ['false', 'let it run'],
          ],
        }),
      ],
      button: 'Set clock',
      kind: 'secondary',
    })}
    ${actionForm(base, 'clock-reset', { id: 'reset-clock', back, button: 'Back to wall time', kind: 'secondary' })}
  </section>`;
}

function signingSection(base: string, back: string, ctx: AdminContext): SafeHtml {
  const rows = ctx.keys.describe().map(
    (k, i) =>
      html`<tr>
        <td><code>${k.kid}</code></td>
        <td>${k.status}</td>
        <td>${k.retireAt === undefined ? '' : instant(k.retireAt)}</td>
        <td>
          ${
            k.status === 'passive'
              ? actionForm(base, 'signing-remove', {
                  id: `remove-key-${i}`,
                  back,
                  label: `Remove key ${k.kid}`,
                  hidden: { kid: k.kid },
                  button: 'Remove now',
                  kind: 'danger',
                })
              : ''
          }
        </td>
      </tr>`,
  );
  return html`<section aria-labelledby="signing-h">
    <h2 id="signing-h">Realm signing keys</h2>
    ${table('Signing keys (JWKS)', ['kid', 'Status', 'Retires at', 'Remove'], rows)}
    ${actionForm(base, 'signing-rotate', {
      id: 'rotate-signing',
      back,
      label: 'Rotate the signing key',
      fields: [
        field('rotate-signing', {
          name: 'graceSeconds',
          label: 'Grace for the old key (seconds)',
          type: 'number',
          min: 0,
          value: String(ctx.config.realm.signingKeyGraceSeconds),
        }),
      ],
      button: 'Rotate signing key',
    })}
  </section>`;
}

function productKeysSection(base: string, back: string, ctx: AdminContext): SafeHtml {
  let n = 0;
  const rows = ctx.clients.all().flatMap((c) =>
    ctx.clients.productKeysOf(c.clientId).map((k) => {
      const i = n++;
      const action = k.status === 'active' ? 'product-key-revoke' : 'product-key-restore';
      return html`<tr>
        <td>${c.clientId}</td>
        <td><code>${k.key}</code></td>
        <td>${k.status === 'active' ? html`<span class="ok">active</span>` : html`<span class="bad">revoked</span>`}</td>
        <td>
          ${actionForm(base, action, {
            id: `pk-${i}`,
            back,
            label: `${k.status === 'active' ? 'Revoke' : 'Restore'} ${k.key}`,
            hidden: { clientId: c.clientId, key: k.key },
            button: k.status === 'active' ? 'Revoke' : 'Restore',
            kind: k.status === 'active' ? 'danger' : 'secondary',
          })}
          ${actionForm(base, 'product-key-rotate', {
            id: `pk-rotate-${i}`,
            back,
            label: `Rotate ${k.key}`,
            hidden: { clientId: c.clientId, key: k.key },
            button: 'Rotate',
            kind: 'secondary',
          })}
        </td>
      </tr>`;
    }),
  );
  return html`<section aria-labelledby="pk-h">
    <h2 id="pk-h">Product keys</h2>
    <p class="small muted">Rotating revokes the key for every token of the client and issues a new one, as ZignSec does.</p>
    ${table('Every client’s product keys', ['Client', 'Key', 'Status', 'Change'], rows)}
  </section>`;
}

function inspection(result: TokenInspection | undefined): SafeHtml {
  if (!result) return html``;
  const exp = typeof result.claims?.exp === 'number' ? result.claims.exp * 1000 : undefined;
  const verdict = result.refusal === undefined ? html`<span class="ok">accepted</span>` : html`<span class="bad">refused: ${result.refusal}</span>`;
  return html`<div id="token-result" role="status" tabindex="-1">
    <h3>What the gateway says now</h3>
    ${facts([
      ['Verdict', verdict],
      ['At (virtual clock)', instant(result.now)],
      ['Expires', exp === undefined ? undefined : instant(exp)],
      ['Client', typeof result.claims?.client_id === 'string' ? result.claims.client_id : undefined],
      ['jti', typeof result.claims?.jti === 'string' ? result.claims.jti : undefined],
      ['kid', result.kid],
      [
        'Its scenario',
        result.scenario === undefined
          ? undefined
          : html`<code>${result.scenario.ref}</code> in ${result.scenario.state}${result.scenario.expired ? ' (expired by its scenario)' : ''}`,
      ],
    ])}
    ${
      result.claims === undefined
        ? ''
        : html`<details>
            <summary>All claims</summary>
            <pre>${JSON.stringify(result.claims, null, 2)}</pre>
          </details>`
    }
  </div>`;
}

function tokenSection(base: string, result: TokenInspection | undefined): SafeHtml {
  return html`<section aria-labelledby="token-h">
    <h2 id="token-h">Inspect a token</h2>
    <form method="post" action="${base}/tokens/inspect" id="inspect" aria-label="Inspect a token">
      <label for="inspect-token">Access token (sent to this mock only, never kept)</label>
      <textarea id="inspect-token" name="token" required spellcheck="false" autocomplete="off"></textarea>
      <p><button type="submit">Inspect</button></p>
    </form>
    ${inspection(result)}
  </section>`;
}

function timeBody(base: string, ctx: AdminContext, result?: TokenInspection): SafeHtml {
  const back = `${base}/time`;
  return html`<h1>Time and keys</h1>
    ${clockSection(base, back, ctx)} ${tokenSection(base, result)} ${signingSection(base, back, ctx)} ${productKeysSection(base, back, ctx)}`;
}

/** GET /ui/time: the virtual clock, the realm's signing keys and the clients' product keys, with their forms. */
export function timePage(base: string, ctx: AdminContext) {
  return function consoleTime(req: Request, res: Response): void {
    sendConsole(res, base, ctx, { title: 'Time and keys', section: 'time', body: timeBody(base, ctx), done: req.query.done });
  };
}

/** POST /ui/tokens/inspect: the same page with the verdict on a pasted token (a POST, so the token stays out of URLs and logs). */
export function inspectTokenPage(base: string, ctx: AdminContext) {
  return async function consoleInspectToken(req: Request, res: Response): Promise<void> {
    const token = typeof (req.body as Record<string, unknown> | undefined)?.token === 'string' ? String((req.body as Record<string, unknown>).token) : '';
    sendConsole(res, base, ctx, { title: 'Time and keys', section: 'time', body: timeBody(base, ctx, await inspectToken(ctx, token)) });
  };
}
