import type { Segment } from '../domain/participant.ts';
import { isLargeEnough, mergeSmallGroups, publishedCount } from './small-groups.ts';

/**
 * What the small-group rule lets a published cut (digest, export) show, decided here once so the
 * Markdown, Block Kit, Adaptive Card and export renderers only draw it. A withheld number is never
 * carried further: it is replaced by 0 and a `fewerThan` mark, so a renderer that forgot the mark
 * would show too little, never too much.
 */

/** How many participants have each full segment (area, industry, size), "not given" as null. */
export interface SegmentGroup {
  area: string | null;
  industry: string | null;
  sizeBand: string | null;
  count: number;
}

/**
 * An anonymous suggestion's segment as it may be shown: the finest of area + industry + size, area +
 * industry, area alone, or nothing, that at least `k` participants share, so the label never points
 * at a company.
 */
export function publishableSegment(segment: Segment, groups: readonly SegmentGroup[], k: number): Segment {
  const sharing = (match: (g: SegmentGroup) => boolean) => groups.filter(match).reduce((n, g) => n + g.count, 0);
  const { area, industry, sizeBand } = segment;
  if (area && industry && sizeBand && isLargeEnough(sharing((g) => g.area === area && g.industry === industry && g.sizeBand === sizeBand), k)) return segment;
  if (area && industry && isLargeEnough(sharing((g) => g.area === area && g.industry === industry), k)) return { area, industry, sizeBand: null };
  if (area && isLargeEnough(sharing((g) => g.area === area), k)) return { area, industry: null, sizeBand: null };
  return { area: null, industry: null, sizeBand: null };
}

/** A count that is either shown or marked "fewer than k" (and then carried as 0). */
export interface Counted {
  count: number;
  fewerThan?: number;
}

export function publishableCount(count: number, k: number): Counted {
  const p = publishedCount(count, k);
  return p.kind === 'count' ? { count: p.value } : { count: 0, fewerThan: p.than };
}

/** One group of a breakdown (area, industry, size); `other` is the merge of the groups too small to show. */
export interface PublishedGroup extends Counted {
  key: string | null;
  other?: true;
}

const NOT_GIVEN = '';

/** A breakdown with every group under `k` merged into "other" (itself "fewer than k" when still small). */
export function publishableGroups(counts: ReadonlyMap<string | null, number>, k: number): PublishedGroup[] {
  const { shown, other } = mergeSmallGroups(
    [...counts.entries()].map(([key, count]) => ({ key: key ?? NOT_GIVEN, count })),
    k,
  );
  const groups: PublishedGroup[] = shown.map((g) => ({ key: g.key === NOT_GIVEN ? null : g.key, count: g.count }));
  if (other) groups.push({ key: null, other: true, ...(other.kind === 'count' ? { count: other.value } : { count: 0, fewerThan: other.than }) });
  return groups;
}

/** What a poll's results may show in a digest or export. */
export type PollResults = 'shown' | 'hidden_until_close' | 'too_few_voters';

export function pollResults(poll: { anonymous: boolean; hiddenUntilClose: boolean; voters: number }, k: number): PollResults {
  if (poll.hiddenUntilClose) return 'hidden_until_close';
  if (poll.anonymous && poll.voters > 0 && !isLargeEnough(poll.voters, k)) return 'too_few_voters';
  return 'shown';
}
