import { PROGRESS_STATUSES } from '../domain/follow-up.ts';
import { mergeSmallGroups, type Group } from '../privacy/small-groups.ts';
import { DIMENSIONS, type Dimension, type ReportInput, type SegmentReport, type SegmentRow } from './model.ts';

/** "Not given" is a group like any other, named so it can be shown and merged. */
export const NOT_GIVEN = 'unknown';

const keyOf = (row: SegmentRow, d: Dimension): string => (d === 'area' ? row.area : d === 'industry' ? row.industry : row.sizeBand) ?? NOT_GIVEN;

function sumBy<R>(rows: readonly R[], key: (r: R) => string, count: (r: R) => number): Group[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + count(r));
  return [...totals].map(([k, c]) => ({ key: k, count: c })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Builds the period's results by area, industry and size. Every cut goes through the small-group
 * rule: a segment with fewer than `minGroupSize` people is never shown alone, only merged into "other".
 */
export function buildSegmentReport(input: ReportInput, period: { start: Date; end: Date }, minGroupSize: number): SegmentReport {
  const perDimension = <T>(make: (d: Dimension) => T) => Object.fromEntries(DIMENSIONS.map((d) => [d, make(d)])) as Record<Dimension, T>;
  const count = (r: { count: number }) => r.count;
  return {
    period,
    minGroupSize,
    suggestions: {
      total: input.suggestions.reduce((sum, r) => sum + r.count, 0),
      byTopic: sumBy(input.suggestions, (r) => r.topic, count),
      byStatus: PROGRESS_STATUSES.map((p) => ({ key: p, count: input.suggestions.filter((r) => r.progress === p).reduce((s, r) => s + r.count, 0) })),
      bySegment: perDimension((d) => mergeSmallGroups(sumBy(input.suggestions, (r) => keyOf(r, d), count), minGroupSize)),
    },
    polls: input.polls.map((poll) => ({
      ...poll,
      bySegment: perDimension((d) => {
        const voters = sumBy(input.voters.filter((v) => v.pollId === poll.id), (r) => keyOf(r, d), count);
        const { shown, other } = mergeSmallGroups(voters, minGroupSize);
        return {
          shown: shown.map((g) => ({
            key: g.key,
            voters: g.count,
            options: poll.options.map((_, i) => input.votes.filter((v) => v.pollId === poll.id && v.option === i && keyOf(v, d) === g.key).reduce((s, v) => s + v.count, 0)),
          })),
          other,
        };
      }),
    })),
  };
}
