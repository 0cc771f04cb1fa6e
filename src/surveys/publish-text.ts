import { percent } from '../digest/format.ts';
import { catalog, formatNumber, label, type Locale } from '../i18n/index.ts';
import type { PublishedSurvey } from './publish.ts';
import type { SegmentDimension } from './results.ts';

/*
 * A published survey's sentences, shared by the HTML export and the public page so both say the
 * same. Plain text: each page escapes it.
 */

/** "38 av 40 svarte (95 %)", or "Færre enn 5 svarte, så resultatene vises ikke." */
export function responsesLine(locale: Locale, s: PublishedSurvey): string {
  const c = catalog(locale).surveyResults;
  if (s.withheld) return c.tooFew({ than: formatNumber(locale, s.responsesFewerThan ?? 0) });
  return c.responsesOf({ count: formatNumber(locale, s.responses ?? 0), of: formatNumber(locale, s.recipients), rate: s.responseRate === null ? '–' : percent(s.responseRate, locale) });
}

const LIST_OF: Record<SegmentDimension, 'areas' | 'industries' | 'sizes'> = { area: 'areas', industry: 'industries', sizeBand: 'sizes' };

/** A segment group's name: its label, "not given", or "others" for the merged small groups. */
export function groupName(locale: Locale, dimension: SegmentDimension, key: string | null): string {
  if (key === null) return catalog(locale).privacy.otherGroups;
  return key === 'unknown' ? catalog(locale).labels.unknownSegment : label(locale, LIST_OF[dimension], key);
}

/** The average of a scale, one decimal, written the language's way. */
export function averageText(locale: Locale, value: number): string {
  return catalog(locale).surveyResults.average({ value: value.toLocaleString(locale === 'nb' ? 'nb-NO' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
}
