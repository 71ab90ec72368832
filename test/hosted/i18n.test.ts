import { describe, expect, it } from 'vitest';
import { TOOLKIT_TEXTS, ZIGNSEC_LOCALES, megabytes, uploadProblemText, wordsFor, type Catalogue } from '../../mock-server/hosted/i18n.js';

interface Words {
  hello: string;
  bye: string;
}
const PAGE: Catalogue<Words> = { en: { hello: 'Hello', bye: 'Goodbye' }, se: { hello: 'Hej', bye: 'Hej då' }, de: { hello: 'Hallo' } };

describe('hosted pages: words per locale', () => {
  it.each(['se', 'SE', 'Se', ' se '])('when the locale is %j, then the Swedish words are picked and the page says lang="sv"', (locale) => {
    expect(wordsFor(PAGE, locale)).toEqual({ lang: 'sv', words: { hello: 'Hej', bye: 'Hej då' } });
  });

  it.each([undefined, '', 'xx', 'EN', 'fr', '__proto__', 'constructor'])('when the locale is %j, then the English words are picked', (locale) => {
    expect(wordsFor(PAGE, locale)).toEqual({ lang: 'en', words: PAGE.en });
  });

  it('when a locale translates only some words, then the others fall back to English one by one', () => {
    expect(wordsFor(PAGE, 'DE')).toEqual({ lang: 'de', words: { hello: 'Hallo', bye: 'Goodbye' } });
  });

  it("when ZignSec's code is not the language's tag (se, gr, cz), then lang is the language's (sv, el, cs)", () => {
    const all = Object.fromEntries(ZIGNSEC_LOCALES.map((l) => [l, { hello: l }])) as Catalogue<Words>;
    const langs = ZIGNSEC_LOCALES.map((l) => wordsFor({ ...all, en: PAGE.en }, l).lang);
    expect(langs).toEqual(['en', 'sv', 'de', 'fr', 'el', 'it', 'ru', 'es', 'cs', 'tr']);
  });

  it('when a catalogue has no English, then it is refused as a bug of the page, not of the request', () => {
    expect(() => wordsFor({ se: { hello: 'Hej', bye: 'Hej då' } }, 'se')).toThrow(/English/);
  });

  it('when the toolkit speaks, then English and Swedish are complete and differ', () => {
    const en = wordsFor(TOOLKIT_TEXTS, 'en').words;
    const se = wordsFor(TOOLKIT_TEXTS, 'se').words;
    expect(Object.keys(se).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(se[key], key).not.toBe(en[key]);
  });

  it('when an upload is refused, then each reason has its sentence, the limit spelled out', () => {
    const en = TOOLKIT_TEXTS.en;
    expect(uploadProblemText(en, 'too-large', 10 * 1024 * 1024)).toBe('The file is too large. Choose a photo of at most 10 MB.');
    expect(uploadProblemText(wordsFor(TOOLKIT_TEXTS, 'se').words, 'not-an-image', 1)).toMatch(/inte en JPEG/);
    expect(new Set((['not-an-image', 'too-large', 'empty', 'unreadable'] as const).map((p) => uploadProblemText(en, p, 1))).size).toBe(4);
    expect(megabytes(1536 * 1024)).toBe('1.5 MB');
  });
});
