import type { Locale } from './locale.ts';
import { formatNumber } from './define.ts';

/** A noun in its singular and plural form; Bokmål and English both have only these two categories. */
export interface Noun {
  one: string;
  other: string;
}

const rules: Record<Locale, Intl.PluralRules> = { nb: new Intl.PluralRules('nb-NO'), en: new Intl.PluralRules('en-GB') };

/** The form of `noun` that goes with `n` ("1 stemme", "2 stemmer"), chosen by the language's own rules. */
export function pluralForm(locale: Locale, n: number, noun: Noun): string {
  return rules[locale].select(n) === 'one' ? noun.one : noun.other;
}

/** A count with its noun in the right form, the number written the language's way: "1 234 stemmer". */
export function countOf(locale: Locale, n: number, noun: Noun): string {
  return `${formatNumber(locale, n)} ${pluralForm(locale, n, noun)}`;
}
