import type { Progress } from '../domain/follow-up.ts';
import type { SegmentReport } from '../report/model.ts';

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
    /** Where the suggestion stands, and the members' public note on it. */
    status: Progress;
    note: string | null;
  }[];
  /** Suggestion counts and poll results by area, industry and size, under the small-group rule. */
  segments?: SegmentReport;
  polls: {
    id: number;
    question: string;
    closed: boolean;
    voters: number;
    options: { label: string; votes: number }[];
  }[];
}
