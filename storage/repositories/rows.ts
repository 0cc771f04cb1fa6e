import type { Area, Industry, Segment, SizeBand } from '../../src/domain/participant.ts';

/** Row helpers shared by the repositories: SQLite keeps times as epoch milliseconds and booleans as 0/1. */
export const toMs = (d: Date | null): number | null => (d ? d.getTime() : null);
export const fromMs = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export interface SegmentColumns {
  area: string | null;
  industry: string | null;
  size_band: string | null;
}

export function segmentFromRow(row: SegmentColumns): Segment {
  return { area: row.area as Area | null, industry: row.industry as Industry | null, sizeBand: row.size_band as SizeBand | null };
}
