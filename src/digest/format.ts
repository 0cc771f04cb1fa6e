import { formatNumber, type Locale } from '../i18n/index.ts';

/** Partial blocks, one to seven eighths of a cell wide. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const;

/**
 * A text bar that reads the same in Markdown, Slack and Teams: twelve cells in eighths, so 96
 * steps, and 7 % (7 eighths) looks shorter than 9 % (9 eighths). Any share above zero shows.
 */
export function bar(share: number, width = 12): string {
  const clamped = Math.min(1, Math.max(0, share));
  const eighths = clamped > 0 ? Math.max(1, Math.round(clamped * width * 8)) : 0;
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8]!;
  return '█'.repeat(full) + part + '░'.repeat(width - full - (part ? 1 : 0));
}

/** "45 %" in Bokmål, "45%" in English, as each language writes it. */
export function percent(share: number, locale: Locale = 'nb'): string {
  return `${Math.round(share * 100)}${locale === 'nb' ? ' ' : ''}%`;
}

export function signed(locale: Locale, delta: number): string {
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${formatNumber(locale, Math.abs(delta))}`;
}

/** Making an Intl formatter costs far more than using one; the public page formats thousands of dates. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(locale: Locale, date: Date, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

export function formatDateTime(locale: Locale, date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** Text of one line: user text never breaks a list item or a table row. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
