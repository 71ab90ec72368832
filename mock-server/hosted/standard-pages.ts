import { html } from './html.js';
import { TOOLKIT_TEXTS, wordsFor } from './i18n.js';
import type { Page } from './page-shell.js';

/** The status of {@link invalidLinkPage}: the same for a link used, expired, never issued or another's. */
export const INVALID_LINK_STATUS = 410;

/**
 * The page for a one-time link that cannot be opened. One page and one status whatever the reason, so a
 * link never tells whether a session exists (a 404 for unknown beside a 410 for used would).
 */
export function invalidLinkPage(locale: string | undefined): Page {
  const { lang, words } = wordsFor(TOOLKIT_TEXTS, locale);
  return {
    lang,
    title: words.linkInvalidTitle,
    body: html`<div class="card">
      <h1 id="invalid-link">${words.linkInvalidTitle}</h1>
      <p>${words.linkInvalid}</p>
    </div>`,
  };
}

/** The page for anything else that stops a flow (its details go to the log, never to the person). */
export function errorPage(locale: string | undefined): Page {
  const { lang, words } = wordsFor(TOOLKIT_TEXTS, locale);
  return {
    lang,
    title: words.errorTitle,
    body: html`<div class="card">
      <h1 id="error">${words.errorTitle}</h1>
      <p>${words.error}</p>
    </div>`,
  };
}
