import { catalog, countOf, formatNumber, label, type Locale } from '../i18n/index.ts';
import type { PublishedCount } from '../privacy/small-groups.ts';
import type { AddressReason } from './addressed.ts';
import { formatDateTime, oneLine, percent, signed } from './format.ts';
import type { DigestModel, DigestPoll, DigestSuggestion, DigestTheme, Figure, PollSegmentCut } from './model.ts';
import { countText, segmentLabels, votersText } from './published-text.ts';

/*
 * The digest's sentences as plain text, shared by the Markdown, Block Kit and Adaptive Card
 * renderings so they never word a figure differently. Each renderer escapes them for its own markup.
 */

/** Who sent a suggestion (a company, "anonymous" or nobody) · area · industry · size. */
export function suggestionTags(locale: Locale, s: DigestSuggestion): string {
  const who = s.anonymous ? catalog(locale).digest.anonymous : s.companyName ? oneLine(s.companyName) : null;
  return [who, ...segmentLabels(locale, s)].filter(Boolean).join(' · ');
}

/** A suggestion cut to one short line for the compact list; the whole text is one click away. */
export function brief(text: string, max = 140): string {
  const chars = [...oneLine(text)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function figure(locale: Locale, f: Figure, noun: keyof ReturnType<typeof catalog>['summary']['nouns']): string {
  const nouns = catalog(locale).summary.nouns[noun];
  // Under the small-group rule: "færre enn 5 deltakere", with no change that would give the count away.
  if (f.fewerThan !== undefined) return `${countText(locale, { count: 0, fewerThan: f.fewerThan })} ${nouns.other}`;
  const counted = countOf(locale, f.value, nouns);
  return f.delta === null ? counted : `${counted} (${signed(locale, f.delta)})`;
}

/** "80 innspill (+12) · 342 stemmer (+40) · 62 deltakere (−3)", and what the brackets mean. */
export function totalsLine(locale: Locale, totals: DigestModel['totals']): string {
  const c = catalog(locale);
  const line = [figure(locale, totals.suggestions, 'suggestion'), figure(locale, totals.votes, 'vote'), figure(locale, totals.participants, 'participant')].join(' · ');
  const note = totals.suggestions.delta === null ? c.digest.noPrevious : c.summary.changeNote;
  return `${line} – ${note}`;
}

export function reasonsText(locale: Locale, reasons: readonly AddressReason[]): string {
  return reasons.map((r) => catalog(locale).summary.reasons[r]).join(', ');
}

function published(locale: Locale, count: PublishedCount): string {
  return count.kind === 'count' ? formatNumber(locale, count.value) : catalog(locale).summary.fewer({ than: formatNumber(locale, count.than) });
}

/** "Fra: Askim 6 · Eidsberg 5 · andre færre enn 5": only areas at least the small-group size are named. */
export function areasText(locale: Locale, areas: DigestTheme['areas']): string {
  const c = catalog(locale).summary;
  const parts = areas.shown.map((g) => `${label(locale, 'areas', g.key || null)} ${formatNumber(locale, g.count)}`);
  if (areas.other) parts.push(`${c.otherAreas} ${published(locale, areas.other)}`);
  return `${c.fromAreas}: ${parts.join(' · ')}`;
}

/** "14 innspill (+3 fra forrige periode)". */
export function themeCount(locale: Locale, theme: DigestTheme): string {
  const c = catalog(locale);
  const counted = countOf(locale, theme.count, c.summary.nouns.suggestion);
  return theme.delta === null ? counted : `${counted} (${c.digest.change({ delta: signed(locale, theme.delta) })})`;
}

/** "åpen · 55 har stemt · flere valg: …" */
export function pollStatus(locale: Locale, poll: DigestPoll): string {
  const c = catalog(locale);
  const parts = [poll.closed ? c.digest.pollClosed : c.digest.pollOpen, votersText(locale, poll)];
  if (poll.multipleChoice) parts.push(c.summary.multipleChoice);
  return parts.join(' · ');
}

/** "45 % av 55 som stemte (25 stemmer)": a share of the people who voted, with the count behind it. */
export function optionResult(locale: Locale, option: DigestPoll['options'][number], poll: DigestPoll): string {
  const c = catalog(locale).summary;
  // Under the small-group rule the number of voters reads "færre enn 5".
  const voters =
    poll.votersFewerThan === undefined ? countOf(locale, poll.voters, c.nouns.voter) : `${countText(locale, { count: 0, fewerThan: poll.votersFewerThan })} ${c.nouns.voter.other}`;
  return `${c.pollShare({ percent: percent(option.share, locale), voters })} (${countOf(locale, option.count, c.nouns.vote)})`;
}

export function similarText(locale: Locale, count: number): string {
  const c = catalog(locale).summary;
  return c.similar({ count: countOf(locale, count, c.nouns.similar) });
}

export function closingText(locale: Locale, closesAt: Date, voters: number, timeZone: string): string {
  return catalog(locale).summary.closing({ when: formatDateTime(locale, closesAt, timeZone), voters: formatNumber(locale, voters) });
}

const CUT_LISTS = { area: ['areas', 'byArea'], industry: ['industries', 'byIndustry'], size: ['sizes', 'bySize'] } as const;

/** "Etter område: Askim (12) Ja 58 % · Nei 42 %; Eidsberg (6) Ja 50 % · Nei 50 %": a poll within each segment large enough. */
export function pollSegmentText(locale: Locale, poll: DigestPoll, cut: PollSegmentCut): string {
  const [list, title] = CUT_LISTS[cut.dimension];
  const groups = cut.groups.map((g) => {
    const shares = g.shares.map((share, i) => `${poll.options[i]?.label ?? ''} ${percent(share, locale)}`).join(' · ');
    return `${label(locale, list, g.key || null)} (${formatNumber(locale, g.voters)}) ${shares}`;
  });
  return `${catalog(locale).digest[title]}: ${groups.join('; ')}`;
}
