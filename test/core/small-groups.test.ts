import { describe, expect, it } from 'vitest';
import { isLargeEnough, mergeSmallGroups, publishedCount } from '../../src/privacy/small-groups.ts';

describe('the small-group rule', () => {
  it('shows counts of at least k, and "fewer than k" below, for groups of 1, 4, 5 and 6', () => {
    expect(publishedCount(1, 5)).toEqual({ kind: 'fewer', than: 5 });
    expect(publishedCount(4, 5)).toEqual({ kind: 'fewer', than: 5 });
    expect(publishedCount(5, 5)).toEqual({ kind: 'count', value: 5 });
    expect(publishedCount(6, 5)).toEqual({ kind: 'count', value: 6 });
    expect(publishedCount(0, 5)).toEqual({ kind: 'count', value: 0 });
    expect(isLargeEnough(4, 5)).toBe(false);
    expect(isLargeEnough(5, 5)).toBe(true);
  });

  it('merges small groups into "other", itself "fewer than k" when still small', () => {
    expect(mergeSmallGroups([{ key: 'askim', count: 6 }, { key: 'hobol', count: 1 }, { key: 'trogstad', count: 4 }], 5)).toEqual({
      shown: [{ key: 'askim', count: 6 }],
      other: { kind: 'count', value: 5 },
    });
    expect(mergeSmallGroups([{ key: 'askim', count: 5 }, { key: 'hobol', count: 1 }], 5)).toEqual({
      shown: [{ key: 'askim', count: 5 }],
      other: { kind: 'fewer', than: 5 },
    });
    expect(mergeSmallGroups([{ key: 'askim', count: 5 }, { key: 'hobol', count: 0 }], 5)).toEqual({ shown: [{ key: 'askim', count: 5 }], other: null });
  });
});
