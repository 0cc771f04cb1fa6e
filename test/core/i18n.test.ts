import { describe, expect, it } from 'vitest';
import { catalog, describeError, describePollSyntaxError, label, resolveLocale } from '../../src/i18n/index.ts';
import { InnspillError } from '../../src/errors.ts';
import { AREAS, INDUSTRIES, SIZE_BANDS } from '../../src/domain/participant.ts';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';

describe('locales', () => {
  it.each([
    ['nb-NO', 'nb'], ['nb', 'nb'], ['nn-NO', 'nb'], ['no', 'nb'], ['NB_no', 'nb'],
    ['en-US', 'en'], ['en-GB', 'en'], ['en', 'en'],
  ] as const)('maps %s to %s', (reported, locale) => {
    expect(resolveLocale(reported, 'nb')).toBe(locale);
    expect(resolveLocale(reported, 'en')).toBe(locale);
  });

  it('falls back to the default for other languages and nothing', () => {
    expect(resolveLocale('sv-SE', 'nb')).toBe('nb');
    expect(resolveLocale('de-DE', 'en')).toBe('en');
    expect(resolveLocale(undefined, 'en')).toBe('en');
    expect(resolveLocale('', 'nb')).toBe('nb');
  });
});

function shape(value: unknown): unknown {
  if (typeof value === 'function') return 'fn';
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shape((value as Record<string, unknown>)[k])]));
  return typeof value;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [String((value as (p: Record<string, string>) => string)(new Proxy({}, { get: () => 'X' })))];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('catalogue', () => {
  it('has the same keys in Bokmål and English', () => {
    expect(shape(catalog('en'))).toEqual(shape(catalog('nb')));
  });

  it('has no empty text in either language', () => {
    for (const locale of ['nb', 'en'] as const) {
      for (const text of strings(catalog(locale))) expect(text.trim()).not.toBe('');
    }
  });

  it('names every topic, area, industry and size in both languages', () => {
    for (const locale of ['nb', 'en'] as const) {
      for (const t of DEFAULT_TOPICS) expect(label(locale, 'topics', t)).not.toBe(t);
      for (const a of AREAS) expect(catalog(locale).labels.areas[a]).toBeTruthy();
      for (const i of INDUSTRIES) expect(catalog(locale).labels.industries[i]).toBeTruthy();
      for (const s of SIZE_BANDS) expect(catalog(locale).labels.sizes[s]).toBeTruthy();
    }
  });

  it('explains errors in the user’s language and hides internal ones', () => {
    expect(describeError('nb', new InnspillError('poll_closed'))).toBe('Avstemningen er stengt, så stemmen ble ikke registrert.');
    expect(describeError('en', new InnspillError('poll_closed'))).toBe('The poll is closed, so your vote was not recorded.');
    expect(describeError('en', new Error('SQLITE_BUSY at /srv/x'))).toBe('Sorry, something went wrong. Please try again in a moment.');
    expect(describePollSyntaxError('nb', { code: 'too_many_options', params: { max: 10, count: 11 } })).toBe('En avstemning kan ha høyst 10 svaralternativer (fant 11).');
  });
});
