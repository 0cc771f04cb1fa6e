import type { Locale } from './locale.ts';

/** One area of the catalogue in both languages; English must have exactly Bokmål's keys and shapes. */
export function defineSection<T extends Record<string, unknown>>(nb: T, en: NoInfer<T>): Record<Locale, T> {
  return { nb, en };
}

/** One formatter per language, made when first used: making one costs far more than using it, and every poll card counts. */
const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** Formats a count the way each language writes it ("1 234" in Norwegian, "1,234" in English). */
export function formatNumber(locale: Locale, n: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB')));
  return format.format(n);
}
