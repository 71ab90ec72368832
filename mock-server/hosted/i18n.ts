/**
 * Picks a page's words for a locale: ZignSec's locale codes in any case (`SE`, `se`), falling back to
 * English where a page has no translation.
 */
export function wordsFor<T>(catalogue: Readonly<Record<string, T>>, locale: string | undefined): { lang: string; words: T } {
  const wanted = (locale ?? 'en').toLowerCase();
  const words = catalogue[wanted];
  if (words !== undefined) return { lang: wanted === 'se' ? 'sv' : wanted, words };
  return { lang: 'en', words: catalogue.en! };
}

/** The toolkit's own words: error pages and upload checks. */
export const TOOLKIT_TEXTS: Readonly<Record<string, ToolkitTexts>> = {
  en: {
    linkInvalidTitle: 'This link cannot be used',
    linkInvalid: 'The link has already been used or has expired. Go back to the service you came from and start again.',
    notAnImage: 'The file is not a JPEG or PNG image. Choose a photo of the document.',
    tooLarge: 'The file is too large. Choose a photo of at most {max}.',
    empty: 'No file was chosen.',
    unreadable: 'The upload could not be read. Try again.',
  },
  se: {
    linkInvalidTitle: 'Länken kan inte användas',
    linkInvalid: 'Länken har redan använts eller har gått ut. Gå tillbaka till tjänsten du kom från och börja om.',
    notAnImage: 'Filen är inte en JPEG- eller PNG-bild. Välj ett foto av id-handlingen.',
    tooLarge: 'Filen är för stor. Välj ett foto på högst {max}.',
    empty: 'Ingen fil valdes.',
    unreadable: 'Uppladdningen kunde inte läsas. Försök igen.',
  },
};

export interface ToolkitTexts {
  linkInvalidTitle: string;
  linkInvalid: string;
  notAnImage: string;
  tooLarge: string;
  empty: string;
  unreadable: string;
}
