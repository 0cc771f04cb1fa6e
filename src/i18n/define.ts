import type { Locale } from './locale.ts';

/** One area of the catalogue in both languages; English must have exactly Bokmål's keys and shapes. */
export function defineSection<T extends Record<string, unknown>>(nb: T, en: NoInfer<T>): Record<Locale, T> {
  return { nb, en };
}

/** Formats a count the way each language writes it ("1 234" in Norwegian, "1,234" in English). */
const numberFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};

export function formatNumber(locale: Locale, n: number): string {
  // Making the formatter costs far more than using it, and a page formats hundreds of numbers.
  numberFormats[locale] ??= new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB');
  return numberFormats[locale].format(n);
}
