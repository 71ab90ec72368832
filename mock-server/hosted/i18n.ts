import type { UploadProblem } from './image-upload.js';

/** The `locale` codes ZignSec's pages take (lower case here; requests may send them in any case). */
export const ZIGNSEC_LOCALES = ['en', 'se', 'de', 'fr', 'gr', 'it', 'ru', 'es', 'cz', 'tr'] as const;
export type ZignsecLocale = (typeof ZIGNSEC_LOCALES)[number];

/** ZignSec's codes that are not the language's own tag, for `<html lang>` (screen readers, hyphenation). */
const HTML_LANG: Readonly<Record<string, string>> = { se: 'sv', gr: 'el', cz: 'cs' };

/**
 * A page's words per locale: English complete, any other locale the words translated so far (a missing
 * word falls back to English, so a surface can add a language a page at a time).
 */
export type Catalogue<T> = Readonly<{ en: T } & Record<string, Partial<T>>>;

/**
 * Picks a page's words for a locale: ZignSec's locale codes in any case (`SE`, `se`), falling back to
 * English where a page has no translation (for the whole locale, or word by word). `lang` is the tag for
 * the page's `<html lang>`: the language shown, not the code asked for.
 */
// A record of complete translations (as a surface may type its catalogue) is a catalogue too; T is read from the first form only.
export function wordsFor<T extends object>(
  catalogue: Catalogue<T> | Readonly<Record<string, NoInfer<T>>>,
  locale: string | undefined,
): { lang: string; words: T } {
  const english = catalogue.en;
  // A catalogue without English is a bug of the surface that wrote it, not of the request.
  if ((english as T | undefined) === undefined) throw new TypeError('a catalogue of page words must hold English (en)');
  const wanted = (locale ?? 'en').trim().toLowerCase();
  const translated = wanted === 'en' || !Object.hasOwn(catalogue, wanted) ? undefined : (catalogue[wanted] as Partial<T> | undefined);
  if (translated === undefined) return { lang: 'en', words: english };
  return { lang: HTML_LANG[wanted] ?? wanted, words: { ...english, ...translated } };
}

/** The toolkit's own words: the invalid-link page, the generic error page, buttons, upload checks. */
export interface ToolkitTexts {
  /** One page for a link used, expired, never issued or another's: it must not tell which. */
  linkInvalidTitle: string;
  linkInvalid: string;
  errorTitle: string;
  error: string;
  upload: string;
  cancel: string;
  continue: string;
  notAnImage: string;
  /** `{max}` is replaced by the limit (e.g. "10 MB"). */
  tooLarge: string;
  empty: string;
  unreadable: string;
}

const EN: ToolkitTexts = {
  linkInvalidTitle: 'This link cannot be used',
  linkInvalid: 'The link has already been used or has expired. Go back to the service you came from and start again.',
  errorTitle: 'Something went wrong',
  error: 'The page could not be shown. Go back to the service you came from and try again.',
  upload: 'Upload',
  cancel: 'Cancel',
  continue: 'Continue',
  notAnImage: 'The file is not a JPEG or PNG image. Choose a photo of the document.',
  tooLarge: 'The file is too large. Choose a photo of at most {max}.',
  empty: 'No file was chosen.',
  unreadable: 'The upload could not be read. Try again.',
};

const SE: ToolkitTexts = {
  linkInvalidTitle: 'Länken kan inte användas',
  linkInvalid: 'Länken har redan använts eller har gått ut. Gå tillbaka till tjänsten du kom från och börja om.',
  errorTitle: 'Något gick fel',
  error: 'Sidan kunde inte visas. Gå tillbaka till tjänsten du kom från och försök igen.',
  upload: 'Ladda upp',
  cancel: 'Avbryt',
  continue: 'Fortsätt',
  notAnImage: 'Filen är inte en JPEG- eller PNG-bild. Välj ett foto av id-handlingen.',
  tooLarge: 'Filen är för stor. Välj ett foto på högst {max}.',
  empty: 'Ingen fil valdes.',
  unreadable: 'Uppladdningen kunde inte läsas. Försök igen.',
};

export const TOOLKIT_TEXTS: Catalogue<ToolkitTexts> = { en: EN, se: SE };

/** "10 MB": a byte limit as the pages say it. */
export const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** What the page says about a refused upload, in the toolkit's words of its locale. */
export function uploadProblemText(words: ToolkitTexts, problem: UploadProblem, maxBytes: number): string {
  switch (problem) {
    case 'not-an-image':
      return words.notAnImage;
    case 'too-large':
      return words.tooLarge.replace('{max}', megabytes(maxBytes));
    case 'empty':
      return words.empty;
    case 'unreadable':
      return words.unreadable;
  }
}
