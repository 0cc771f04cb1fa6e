/**
 * The small-group rule (k-anonymity): no published cut (digest, export, public page, report) shows a
 * group of fewer than `minGroupSize` people, because a count of 1 or 2 in a small community names a
 * company. Pure functions, so every surface applies the same rule.
 */

/** A count as it may be published: the number, or "fewer than k" when the group is too small. */
export type PublishedCount = { kind: 'count'; value: number } | { kind: 'fewer'; than: number };

export function publishedCount(count: number, minGroupSize: number): PublishedCount {
  return count >= minGroupSize || count === 0 ? { kind: 'count', value: count } : { kind: 'fewer', than: minGroupSize };
}

export function isLargeEnough(count: number, minGroupSize: number): boolean {
  return count >= minGroupSize;
}

export interface Group<K extends string = string> {
  key: K;
  count: number;
}

/**
 * Keeps the groups that are large enough and merges the rest into one "other" group. When that merged
 * group is itself too small (but not empty) it is reported as "fewer than k", so no small group can be
 * recovered by subtracting the shown ones from a total that is published elsewhere.
 */
export function mergeSmallGroups<K extends string>(
  groups: readonly Group<K>[],
  minGroupSize: number,
): { shown: Group<K>[]; other: PublishedCount | null } {
  const shown = groups.filter((g) => g.count >= minGroupSize);
  const rest = groups.filter((g) => g.count > 0 && g.count < minGroupSize).reduce((sum, g) => sum + g.count, 0);
  if (rest === 0) return { shown, other: null };
  // A lone small group beside one visible total would be exact by subtraction; report it as "fewer".
  return { shown, other: publishedCount(rest, minGroupSize) };
}
