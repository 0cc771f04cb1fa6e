import { PROGRESS_STATUSES } from '../domain/follow-up.ts';
import type { PublishedCount } from '../privacy/small-groups.ts';
import type { PublishedSurvey } from '../surveys/publish.ts';

/** The follow-up statuses a published suggestion can show; one without a status counts as received. */
export const PUBLIC_STATUSES = PROGRESS_STATUSES;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** The two views of the page: everything, or the last 30 days. */
export const PERIODS = ['all', '30d'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_DAYS = 30;

export interface PublicMemberName {
  name: string;
  role: string | null;
}

/** A published document: a file served under /files/<name>, or a link elsewhere. */
export interface PublicDocument {
  id: number;
  title: string;
  /** The date it is dated (YYYY-MM-DD): the meeting, not the upload. */
  date: string;
  kind: 'pdf' | 'markdown' | 'link';
  /** The file name under /files/ (null for a link). */
  fileName: string | null;
  url: string | null;
  addedAt: string;
}

/** A count of voters in a week, as the store reads it; the small-group rule is applied in the model. */
export interface WeeklyVoters {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  week: string;
  voters: number;
}

export interface PublicSuggestion {
  id: string;
  ref: string;
  createdAt: string;
  date: string;
  topic: string;
  status: PublicStatus;
  text: string;
  note: string | null;
}

export interface PublicPollOption {
  label: string;
  /** Null when too few answered to publish counts. */
  votes: number | null;
  /** Share of those who answered (0..1): one scale for every poll, so bars line up. */
  share: number | null;
}

export interface PublicPoll {
  id: number;
  question: string;
  closed: boolean;
  voters: PublishedCount;
  /** False when fewer than the smallest group answered: then no option counts are shown. */
  shown: boolean;
  options: PublicPollOption[];
}

export interface PublicGroup {
  /** A label key (area, industry, size band), or null for "not given". */
  key: string | null;
  count: number;
}

export interface PublicBreakdown {
  dimension: 'area' | 'industry' | 'size';
  total: number;
  shown: PublicGroup[];
  other: PublishedCount | null;
}

export interface PublicWeek {
  week: string;
  suggestions: number;
  voters: PublishedCount;
}

/** Everything one view of the public site shows, already filtered by the privacy rules. */
export interface PublicSiteModel {
  generatedAt: string;
  period: Period;
  /** The first moment the period covers (null: since the start). */
  since: string | null;
  minGroupSize: number;
  topics: string[];
  suggestions: PublicSuggestion[];
  polls: PublicPoll[];
  breakdowns: PublicBreakdown[];
  weeks: PublicWeek[];
  documents: PublicDocument[];
  /** Closed surveys (closed within the period), as the core publishes them. */
  surveys?: PublishedSurvey[];
}
