import { buildSiteModel, type SiteSource } from './build.ts';
import { siteCsv, siteFeed, siteJson } from './data.ts';
import type { Period, PublicSiteModel } from './model.ts';
import { renderPage, siteTitle, type PageSettings } from './page.ts';
import { pageFile, SITE_PAGES, type LinkMode } from './paths.ts';

export interface SiteFile {
  /** Path inside the site ('index.html', 'en/30d/index.html', 'data.json'). */
  path: string;
  contentType: string;
  render(): string;
}

/**
 * Every file of the public site except the documents, each rendered only when asked for: a server
 * renders the page a reader requests, `publish` renders them all. Both views share one model each.
 */
export function siteFiles(source: SiteSource, settings: PageSettings, now: Date, mode: LinkMode): SiteFile[] {
  const models = new Map<Period, PublicSiteModel>();
  const model = (period: Period) => models.get(period) ?? models.set(period, buildSiteModel(source, period, now)).get(period)!;
  const locale = source.defaultLocale;
  return [
    ...SITE_PAGES.map((page) => ({
      path: pageFile(page),
      contentType: 'text/html; charset=utf-8',
      render: () => renderPage(model(page.period), { page, mode, settings }),
    })),
    { path: 'data.json', contentType: 'application/json; charset=utf-8', render: () => siteJson(model('all'), siteTitle(settings, locale)) },
    { path: 'data.csv', contentType: 'text/csv; charset=utf-8', render: () => siteCsv(model('all'), locale) },
    { path: 'feed.atom', contentType: 'application/atom+xml; charset=utf-8', render: () => siteFeed(model('all'), siteTitle(settings, locale), locale) },
  ];
}
