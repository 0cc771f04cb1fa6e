import { catalog, formatNumber, label, type Locale } from '../i18n/index.ts';
import type { Counted } from '../privacy/published.ts';
import { percent, signed } from './format.ts';
import type { DigestPoll, DigestSuggestion, Figure, Share } from './model.ts';

/**
 * The words every digest renderer (Markdown, Block Kit, Adaptive Card) and the export use where the
 * small-group rule or hidden results stand in for a number, so all of them say it the same way.
 */

/** A count, or "færre enn 5" / "fewer than 5". */
export function countText(locale: Locale, c: Counted): string {
  return c.fewerThan === undefined ? formatNumber(locale, c.count) : catalog(locale).privacy.fewerThan({ count: formatNumber(locale, c.fewerThan) });
}

/** A figure with its change, e.g. "12 (+3 fra forrige periode)", or just "færre enn 5". */
export function figureText(locale: Locale, f: Figure): string {
  const c = catalog(locale).digest;
  if (f.fewerThan !== undefined) return countText(locale, { count: 0, fewerThan: f.fewerThan });
  return `${formatNumber(locale, f.value)} (${f.delta === null ? c.noPrevious : c.change({ delta: signed(locale, f.delta) })})`;
}

/** A breakdown group's name: its label, or "Andre" for the merged small groups. */
export function shareName(locale: Locale, list: 'areas' | 'industries' | 'sizes', s: Share): string {
  return s.other ? catalog(locale).privacy.otherGroups : label(locale, list, s.key);
}

/** "6 (60 %)", or "færre enn 5" with no share that would reveal it. */
export function shareAmount(locale: Locale, s: Share): string {
  return s.fewerThan === undefined ? `${formatNumber(locale, s.count)} (${percent(s.share, locale)})` : countText(locale, s);
}

/** "4 har stemt", or "færre enn 5 har stemt". */
export function votersText(locale: Locale, p: DigestPoll): string {
  return catalog(locale).digest.pollVoters({ count: countText(locale, { count: p.voters, ...(p.votersFewerThan !== undefined ? { fewerThan: p.votersFewerThan } : {}) }) });
}

/** Why a poll shows no results, or null when it shows them. */
export function pollNote(locale: Locale, p: DigestPoll): string | null {
  const c = catalog(locale).privacy;
  if (p.results === 'hidden_until_close') return c.resultsHidden;
  if (p.results === 'too_few_voters') return c.resultsWithheld({ count: formatNumber(locale, p.votersFewerThan ?? 0) });
  return null;
}

/**
 * A suggestion's segment labels. On an anonymous suggestion a missing level was withheld by the
 * small-group rule, not left out by the sender, so it is omitted rather than called "not given".
 */
export function segmentLabels(locale: Locale, s: DigestSuggestion): string[] {
  const levels = [['areas', s.segment.area], ['industries', s.segment.industry], ['sizes', s.segment.sizeBand]] as const;
  return levels.filter(([, key]) => !s.anonymous || key !== null).map(([list, key]) => label(locale, list, key));
}
