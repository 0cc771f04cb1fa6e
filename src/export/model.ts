import type { SegmentReport } from '../report/model.ts';
import type { SegmentGroup } from '../privacy/published.ts';
import type { PublishedSurvey } from '../surveys/publish.ts';

/** What the public may see: consented suggestions without any identity, and poll results. */
export interface ExportData {
  generatedAt: Date;
  suggestions: {
    ref: string;
    date: string;
    topic: string;
    text: string;
    area: string | null;
    industry: string | null;
    sizeBand: string | null;
    /** When it was sent (ISO 8601): orders the public page newest first and dates its feed. */
    createdAt?: string;
    /**
     * The members' follow-up status (`Progress`; the core always sets it, and a reader counts one
     * missing or unknown as received) and their public note ("you said, we did").
     */
    status?: string;
    note?: string | null;
  }[];
  /** Suggestion counts and poll results by area, industry and size, under the small-group rule. */
  segments?: SegmentReport;
  polls: {
    id: number;
    question: string;
    closed: boolean;
    /** Null when fewer than the small-group threshold voted; `votersFewerThan` then says the threshold. */
    voters: number | null;
    /** When it was created (ISO 8601): which polls a period of the public page shows. */
    createdAt?: string;
    votersFewerThan?: number;
    /** Set when an anonymous poll's per-option counts are withheld (too few voters); the votes are then null. */
    withheld?: 'too_few_voters';
    options: { label: string; votes: number | null }[];
  }[];
  /** Closed surveys' results (see `surveys/publish.ts`); a running survey is never here. */
  surveys?: PublishedSurvey[];
}

/**
 * What may be exported before the small-group rule is applied: the suggestions the core chose with
 * `isPublished` (scrubbed), and the polls and segment sizes storage reads.
 */
export interface ExportSource {
  generatedAt: Date;
  suggestions: (ExportData['suggestions'][number] & { anonymous: boolean })[];
  polls: { id: number; question: string; closed: boolean; anonymous: boolean; voters: number; options: { label: string; votes: number }[] }[];
  segmentGroups: SegmentGroup[];
}
