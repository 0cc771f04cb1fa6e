import type { Locale } from '../i18n/locale.ts';
import type { Period } from './model.ts';

/**
 * Where each part of the public site lives. Served, the pages answer at `/`, `/en`, `/30d` and
 * `/en/30d`; published as files they are `index.html` files in folders, linked relatively so the
 * folder works wherever the municipality puts it (or opened straight from disk).
 */
export type LinkMode = 'served' | 'static';

export interface PageKey {
  locale: Locale;
  period: Period;
}

export const SITE_PAGES: readonly PageKey[] = [
  { locale: 'nb', period: 'all' },
  { locale: 'nb', period: '30d' },
  { locale: 'en', period: 'all' },
  { locale: 'en', period: '30d' },
];

/** The folder of a page inside the site, without slashes at either end ('' for the front page). */
function pageDir(page: PageKey): string {
  return [page.locale === 'nb' ? '' : page.locale, page.period === 'all' ? '' : page.period].filter(Boolean).join('/');
}

/** The file a page is written to when published. */
export function pageFile(page: PageKey): string {
  const dir = pageDir(page);
  return dir ? `${dir}/index.html` : 'index.html';
}

/** The URL path a page is served at. */
export function pageUrl(page: PageKey): string {
  return `/${pageDir(page)}`;
}

/** The page a served URL path names, if any. */
export function pageAt(path: string): PageKey | null {
  return SITE_PAGES.find((p) => pageUrl(p) === path) ?? null;
}

/** A link from one page to another page or to a file of the site ('data.json', 'files/x.pdf'). */
export function linkFrom(from: PageKey, to: PageKey | string, mode: LinkMode): string {
  if (mode === 'served') return typeof to === 'string' ? `/${to}` : pageUrl(to);
  const up = '../'.repeat(pageDir(from).split('/').filter(Boolean).length);
  return up + (typeof to === 'string' ? to : pageFile(to));
}
