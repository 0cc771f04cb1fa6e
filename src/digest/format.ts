import { formatNumber, type Locale } from '../i18n/index.ts';

/** A ten-cell text bar that reads the same in Markdown, Slack and Teams. */
export function bar(share: number, width = 10): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
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
