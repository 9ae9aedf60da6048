/** Report and document languages the framework is published in. */
export const languageCodes = ['sv', 'en', 'nb', 'da', 'fi'] as const;

/** One of the language codes. */
export type LanguageCode = (typeof languageCodes)[number];

/** The languages messages are written in. */
export type MessageLanguage = 'sv' | 'en';

/** Whether a code is one the language knows. */
export function isLanguageCode(code: string): code is LanguageCode {
  return (languageCodes as readonly string[]).includes(code);
}

/** Messages are Swedish for the Scandinavian languages, English otherwise. */
export function messageLanguage(code: string | undefined): MessageLanguage {
  return code === 'en' || code === 'fi' ? 'en' : 'sv';
}

/** Names of the languages, for completion and hover. */
export const languageNames: Readonly<Record<LanguageCode, { sv: string; en: string }>> = {
  sv: { sv: 'svenska', en: 'Swedish' },
  en: { sv: 'engelska', en: 'English' },
  nb: { sv: 'norska (bokmål)', en: 'Norwegian (Bokmål)' },
  da: { sv: 'danska', en: 'Danish' },
  fi: { sv: 'finska', en: 'Finnish' },
};
