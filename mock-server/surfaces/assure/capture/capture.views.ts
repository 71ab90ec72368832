import type { DocumentType } from '../../../../fixtures/assure/index.js';
import { ASSURE_VARIANTS } from '../../../../fixtures/assure/index.js';
import { html } from '../../../hosted/html.js';
import type { Page } from '../../../hosted/page-shell.js';

const LANG = 'en';

/** The landing page: the artifact is in the URL's fragment, which only the browser sees; a small script carries it into the path. */
export function landingView(base: string): Page {
  return {
    lang: LANG,
    title: 'Identity verification',
    body: html`<div class="card" data-base="${base}">
      <h1>Identity verification</h1>
      <p id="landing-status">Opening your verification…</p>
      <form method="get" action="${base}/a">
        <label for="artifact">Verification code</label>
        <input id="artifact" name="artifact" autocomplete="off" spellcheck="false" />
        <button type="submit">Continue</button>
      </form>
    </div>`,
    script: `(function(){var m=/artifact=([a-z0-9]{50})/.exec(location.hash);var base=document.querySelector('[data-base]').getAttribute('data-base');if(m){location.replace(base+'/a/'+m[1]);}else{document.getElementById('landing-status').textContent='Enter the code from your link to go on.';}})()`,
  };
}

export interface CaptureViewContext {
  base: string;
  outcomePanel: boolean;
  provider: string;
}

const countriesOf = (types: readonly DocumentType[]) =>
  [...new Map(types.map((t) => [t.country, t.countryName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
const KIND_NAMES: Record<string, string> = {
  passport: 'Passport',
  identityCard: 'Identity card',
  driversLicense: "Driver's licence",
  residencePermit: 'Residence permit',
};

export function documentView(v: CaptureViewContext, types: readonly DocumentType[], problem?: string): Page {
  const kinds = [...new Set(types.map((t) => t.type))];
  return {
    lang: LANG,
    title: 'Choose your document',
    body: html`<div class="card">
      <p class="steps">Step 1 of 2</p>
      <h1 id="document-title">Choose your document</h1>
      ${problem === undefined ? '' : html`<p class="error" role="alert">${problem}</p>`}
      <form method="post" action="${v.base}/document">
        <label for="country">Issuing country</label>
        <select id="country" name="country" required>
          ${countriesOf(types).map(([code, name]) => html`<option value="${code}">${name}</option>`)}
        </select>
        <fieldset>
          <legend>Document type</legend>
          ${kinds.map(
            (k, i) =>
              html`<label class="choice"
                ><input type="radio" name="type" value="${k}" ${i === 0 ? html`checked` : ''} required /> ${KIND_NAMES[k] ?? k}</label
              >`,
          )}
        </fieldset>
        <button type="submit">Continue</button>
      </form>
      ${cancelForm(v)}
    </div>`,
  };
}

export function uploadView(v: CaptureViewContext, document: DocumentType, sides: readonly string[], selfie: boolean, problem?: string): Page {
  const sideLabel: Record<string, string> = { front: 'Front of the document', back: 'Back of the document' };
  return {
    lang: LANG,
    title: 'Take photos',
    body: html`<div class="card">
      <p class="steps">Step 2 of 2</p>
      <h1 id="upload-title">Photos of your ${KIND_NAMES[document.type]?.toLowerCase() ?? document.type}</h1>
      <p class="muted">${document.countryName}. A clear photo of each side, all four corners visible; JPEG or PNG.</p>
      ${problem === undefined ? '' : html`<p class="error" role="alert">${problem}</p>`}
      <form method="post" action="${v.base}/upload" enctype="multipart/form-data">
        ${sides.map(
          (side) =>
            html`<label for="${side}">${sideLabel[side]}</label>
              <input id="${side}" type="file" name="${side}" accept="image/jpeg,image/png" capture="environment" required />`,
        )}
        ${
          selfie
            ? html`<label for="selfie">A selfie</label> <input id="selfie" type="file" name="selfie" accept="image/jpeg,image/png" capture="user" required />`
            : ''
        }
        ${v.outcomePanel ? outcomePanel() : ''}
        <button type="submit">Send for verification</button>
      </form>
      ${cancelForm(v)}
    </div>`,
  };
}

export function finishedView(redirect: string): Page {
  return {
    lang: LANG,
    title: 'Thank you',
    refresh: { seconds: 0, url: redirect },
    body: html`<div class="card">
      <h1 id="finished">Thank you</h1>
      <p>Your verification has been sent. You are being taken back.</p>
      <a class="button" href="${redirect}">Continue</a>
    </div>`,
  };
}

function cancelForm(v: CaptureViewContext) {
  return html`<form method="post" action="${v.base}/cancel"><button class="link" type="submit">Cancel verification</button></form>`;
}

/** Mock only (config `hosted.outcomePanel`): the verdict this process ends with, overriding the scenario. */
function outcomePanel() {
  const options = Object.entries(ASSURE_VARIANTS).flatMap(([status, variants]) => variants.map((variant) => `${status}:${variant}`));
  return html`<div class="mock">
    <label for="outcome">Mock: outcome of this verification</label>
    <select id="outcome" name="outcome">
      <option value="">As the scenario decides</option>
      ${options.map((o) => html`<option value="${o}">${o}</option>`)}
    </select>
  </div>`;
}
