import { SCAN_VARIANTS } from '../../../../fixtures/scanning/index.js';
import { html, type SafeHtml } from '../../../hosted/html.js';
import type { ToolkitTexts } from '../../../hosted/i18n.js';
import type { Page } from '../../../hosted/page-shell.js';
import type { Scan, UploadKind } from '../scan.js';
import { sidesNeeded } from './flow.js';
import type { ScanningTexts } from './texts.js';

/** What every view needs: the words, the flow's own base path, and whether the mock panel shows. */
export interface ViewContext {
  lang: string;
  t: ScanningTexts;
  toolkit: ToolkitTexts;
  /** `…/scan/ui/{id}/f/{flow}`: the flow's pages and posts. */
  base: string;
  outcomePanel: boolean;
}

const card = (body: SafeHtml) => html`<div class="card">${body}</div>`;

const cancelForm = (v: ViewContext) =>
  html`<form method="post" action="${v.base}/cancel"><button class="link" type="submit" id="cancel">${v.t.cancel}</button></form>`;

function mockPanel(v: ViewContext, scan: Scan): SafeHtml {
  if (!v.outcomePanel) return html``;
  const chosen = scan.progress?.choice;
  const options = Object.entries(SCAN_VARIANTS).flatMap(([outcome, variants]) =>
    variants.map((variant) => {
      const value = `${outcome}:${variant}`;
      const selected = chosen !== undefined && `${chosen.outcome}:${chosen.variant ?? 'default'}` === value;
      return html`<option value="${value}" ${selected ? 'selected' : ''}>${outcome}${variant === 'default' ? '' : ` (${variant})`}</option>`;
    }),
  );
  return html`<form class="mock" method="post" action="${v.base}/outcome">
    <label for="outcome">${v.t.mockPanel}</label>
    <select id="outcome" name="outcome">
      <option value="">${v.t.mockPanelScenario}</option>
      ${options}
    </select>
    <button class="secondary" type="submit">${v.t.mockPanelSave}</button>
  </form>`;
}

export function startView(v: ViewContext, scan: Scan): Page {
  const intro = scan.liveness ? v.t.introLiveness : v.t.intro;
  return {
    lang: v.lang,
    title: v.t.title,
    body: card(
      html`<h1>${v.t.title}</h1>
        <p>${intro}</p>
        ${scan.requested.selfie ? html`<p class="muted">${v.t.introSelfie}</p>` : ''}
        <form method="post" action="${v.base}/device">
          <button type="submit" name="device" value="browser" id="in-browser">${v.t.inBrowser}</button>
          <button class="secondary" type="submit" name="device" value="phone" id="on-phone">${v.t.onPhone}</button>
        </form>
        ${cancelForm(v)}${mockPanel(v, scan)}`,
    ),
  };
}

export function documentTypeView(v: ViewContext, scan: Scan): Page {
  const choice = (value: string, label: string, checked: boolean) =>
    html`<label class="choice"><input type="radio" name="documentType" value="${value}" ${checked ? 'checked' : ''} required /> ${label}</label>`;
  return {
    lang: v.lang,
    title: v.t.chooseDocument,
    body: card(
      html`<h1>${v.t.chooseDocument}</h1>
        <form method="post" action="${v.base}/document-type">
          ${choice('passport', v.t.passport, true)}${choice('id-card', v.t.idCard, false)}${choice('driving-licence', v.t.drivingLicence, false)}
          <button type="submit" id="continue">${v.t.continue}</button>
        </form>
        ${cancelForm(v)}${mockPanel(v, scan)}`,
    ),
  };
}

const fileInput = (name: UploadKind, label: string) =>
  html`<label for="${name}">${label}</label><input type="file" id="${name}" name="${name}" accept="image/jpeg,image/png" required />`;

export function uploadView(v: ViewContext, scan: Scan, problem?: string): Page {
  const sides = sidesNeeded(scan).filter((side) => !scan.uploads[side]);
  return {
    lang: v.lang,
    title: v.t.uploadTitle,
    body: card(
      html`<h1>${v.t.uploadTitle}</h1>
        <p class="muted">${v.t.uploadHelp}</p>
        ${problem === undefined ? '' : html`<p class="error" role="alert" id="problem">${problem}</p>`}
        <form method="post" action="${v.base}/upload" enctype="multipart/form-data">
          ${sides.map((side) => fileInput(side, side === 'front' ? v.t.front : v.t.back))} <button type="submit" id="upload">${v.t.continue}</button>
        </form>
        ${cancelForm(v)}`,
    ),
  };
}

export function selfieView(v: ViewContext, problem?: string): Page {
  return {
    lang: v.lang,
    title: v.t.selfieTitle,
    body: card(
      html`<h1>${v.t.selfieTitle}</h1>
        <p class="muted">${v.t.selfieHelp}</p>
        ${problem === undefined ? '' : html`<p class="error" role="alert" id="problem">${problem}</p>`}
        <form method="post" action="${v.base}/upload" enctype="multipart/form-data">
          ${fileInput('selfie', v.t.selfieTitle)} <button type="submit" id="upload">${v.t.continue}</button>
        </form>
        ${cancelForm(v)}`,
    ),
  };
}

export function captureView(v: ViewContext, scan: Scan): Page {
  const action = scan.liveness?.action ?? 'Random';
  return {
    lang: v.lang,
    title: v.t.livenessTitle,
    body: card(
      html`<h1>${v.t.livenessTitle}</h1>
        <p>${v.t.livenessAction}</p>
        <p><strong id="action" data-action="${action}">${v.t.actions[action]}</strong></p>
        <div class="frame" aria-hidden="true"></div>
        <p class="muted">${v.t.livenessAlign}</p>
        <form method="post" action="${v.base}/capture"><button type="submit" id="start-capture">${v.t.livenessStart}</button></form>
        ${cancelForm(v)}`,
    ),
  };
}

/** The desktop page while the phone does the steps: a QR code of the phone's one-time link, following the phone's progress. */
export function phoneView(v: ViewContext, qr: SafeHtml, mobileUrl: string): Page {
  return {
    lang: v.lang,
    title: v.t.phoneTitle,
    body: card(
      html`<h1>${v.t.phoneTitle}</h1>
        <p>${v.t.phoneHelp}</p>
        <div class="qr" id="qr">${qr}</div>
        <p class="muted">${v.t.phoneLink}</p>
        <p class="muted break"><a id="mobile-link" href="${mobileUrl}">${mobileUrl}</a></p>
        <p class="muted" id="status" data-status="${v.base}/status">${v.t.waitingHelp}</p>
        ${cancelForm(v)}`,
    ),
    // Follows the phone: asks the status every second and moves on once the scan has ended.
    script: `(function(){var el=document.getElementById('status');var url=el.getAttribute('data-status');
function poll(){fetch(url,{cache:'no-store'}).then(function(r){return r.json()}).then(function(s){if(s.ended){location.replace(s.next)}else{setTimeout(poll,1000)}}).catch(function(){setTimeout(poll,2000)})}
setTimeout(poll,1000)})();`,
  };
}

/** The phone's last page: the desktop takes over. */
export function phoneDoneView(v: ViewContext): Page {
  return {
    lang: v.lang,
    title: v.t.doneTitle,
    body: card(
      html`<h1>${v.t.doneTitle}</h1>
        <p id="phone-done">${v.t.phoneDone}</p>`,
    ),
  };
}

/** The flow's end in the browser that started it: waiting for the result, then on to the backend's URL. */
export function endedView(v: ViewContext, scan: Scan, next: string | undefined): Page {
  const cancelled = scan.end?.outcome === 'cancelled';
  const title = cancelled ? v.t.cancelledTitle : next === undefined ? v.t.doneTitle : v.t.waiting;
  return {
    lang: v.lang,
    title,
    body: card(
      html`<h1 id="ended">${title}</h1>
        ${
          next === undefined
            ? html`<p>${v.t.doneHelp}</p>`
            : html`<p class="muted">${v.t.waitingHelp}</p>
                <p><a class="button" id="next" href="${next}">${v.t.continue}</a></p>`
        }`,
    ),
    ...(next === undefined ? {} : { refresh: { seconds: 1, url: next } }),
  };
}
