import type { Progress } from '../domain/follow-up.ts';
import type { Group, PublishedCount } from '../privacy/small-groups.ts';

export const DIMENSIONS = ['area', 'industry', 'size'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A count cut by one segment dimension: groups large enough by name, the rest merged (small-group rule). */
export interface Cut {
  shown: Group[];
  other: PublishedCount | null;
}

/** A poll's result within one segment; only segments with enough voters are shown. */
export interface SegmentResult {
  key: string;
  voters: number;
  options: number[];
}

export interface ReportPoll {
  id: number;
  question: string;
  options: string[];
  voters: number;
  counts: number[];
  bySegment: Record<Dimension, { shown: SegmentResult[]; other: PublishedCount | null }>;
}

/** Results by segment for a period: what the project group takes to the annual conference. */
export interface SegmentReport {
  period: { start: Date; end: Date };
  minGroupSize: number;
  suggestions: {
    total: number;
    byTopic: Group[];
    byStatus: Group<Progress>[];
    bySegment: Record<Dimension, Cut>;
  };
  polls: ReportPoll[];
}

/** Rows as storage aggregates them: one per segment combination. `null` is "not given". */
export interface SegmentRow {
  area: string | null;
  industry: string | null;
  sizeBand: string | null;
  count: number;
}

export interface ReportInput {
  suggestions: (SegmentRow & { topic: string; progress: Progress })[];
  polls: { id: number; question: string; options: string[]; voters: number; counts: number[] }[];
  /** Distinct voters per poll, option and segment. */
  votes: (SegmentRow & { pollId: number; option: number })[];
  /** Distinct voters per poll and segment (a voter with several choices counts once). */
  voters: (SegmentRow & { pollId: number })[];
}
