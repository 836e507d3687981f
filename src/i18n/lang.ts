/** The product's two languages: Spanish (Colombia) first, English when the reader writes English. */
export type Lang = 'es' | 'en';

/** The BCP 47 locale each language is formatted with (Intl). */
export const LOCALE: Readonly<Record<Lang, string>> = Object.freeze({ es: 'es-CO', en: 'en-US' });

/** Whether a value is one of the two languages (a card's `lang`, a stored preference). */
export function isLang(x: unknown): x is Lang {
  return x === 'es' || x === 'en';
}

/**
 * The language of a client locale ("en-US", "en-GB" → en; "es-CO", "es" → es); `fallback` for a missing or other
 * locale (Teams sends the client's locale on every activity).
 */
export function langFromLocale(locale: string | null | undefined, fallback: Lang = 'es'): Lang {
  const l = (locale ?? '').trim().toLowerCase();
  if (l === 'en' || l.startsWith('en-') || l.startsWith('en_')) return 'en';
  if (l === 'es' || l.startsWith('es-') || l.startsWith('es_')) return 'es';
  return fallback;
}
