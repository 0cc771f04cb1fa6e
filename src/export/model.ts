import type { SegmentGroup } from '../privacy/published.ts';

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
    /** The members' follow-up status; a suggestion without one counts as received. */
    status?: string;
    /** The members' public note ("you said, we did"). */
    note?: string | null;
  }[];
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
}

/** What storage hands over for an export, before the small-group rule is applied. */
export interface ExportSource {
  generatedAt: Date;
  suggestions: (ExportData['suggestions'][number] & { anonymous: boolean })[];
  polls: { id: number; question: string; closed: boolean; anonymous: boolean; voters: number; options: { label: string; votes: number }[] }[];
  segmentGroups: SegmentGroup[];
}
