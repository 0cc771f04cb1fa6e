import type { Segment } from '../domain/participant.ts';
import type { Progress } from '../domain/follow-up.ts';

export interface DigestPeriod {
  start: Date;
  end: Date;
}

export interface DigestSuggestion {
  id: number;
  topic: string;
  text: string;
  anonymous: boolean;
  companyName: string | null;
  segment: Segment;
  createdAt: Date;
}

export interface DigestPollInput {
  id: number;
  question: string;
  options: string[];
  counts: number[];
  voters: number;
  closed: boolean;
  everyone: boolean;
}

/** Distinct active participants, counted once each by their segment; `null` keys are "not given". */
export interface Participation {
  participants: number;
  byArea: Map<string | null, number>;
  byIndustry: Map<string | null, number>;
  bySize: Map<string | null, number>;
}

export interface PeriodTotals {
  suggestions: number;
  votes: number;
  participants: number;
}

/** One period's data as storage hands it over: already aggregated where the volume is. */
export interface DigestInput {
  period: DigestPeriod;
  /** The first suggestions of each topic (oldest first), up to the store's limit per topic. */
  suggestions: DigestSuggestion[];
  /** How many suggestions each topic got in all, so a cut list can say how many more there are. */
  topicCounts: Map<string, number>;
  polls: DigestPollInput[];
  participation: Participation;
  totals: PeriodTotals;
  previous: PeriodTotals | null;
}

export interface Figure {
  value: number;
  /** Change from the previous period; null when there is none to compare with. */
  delta: number | null;
}

export interface Share {
  key: string | null;
  count: number;
  /** 0..1 of the whole. */
  share: number;
}

export interface DigestPoll {
  id: number;
  question: string;
  closed: boolean;
  everyone: boolean;
  voters: number;
  options: { label: string; count: number; share: number }[];
}

export interface DigestModel {
  period: DigestPeriod;
  totals: { suggestions: Figure; votes: Figure; participants: Figure };
  /** `count` is the topic's total; `suggestions` may hold fewer, and renderers say how many more. */
  topics: { topic: string; count: number; suggestions: DigestSuggestion[] }[];
  polls: DigestPoll[];
  participation: { byArea: Share[]; byIndustry: Share[]; bySize: Share[] };
  /** Nothing new came in: renderers send a short note instead. */
  empty: boolean;
  /** What waits for a member's review, and what changed status in the period (shown first). */
  followUp?: DigestFollowUp;
}

export interface DigestFollowUp {
  /** How many wait in all; `waiting` lists the oldest few. */
  waitingCount: number;
  waiting: { id: number; topic: string; text: string }[];
  changed: { id: number; progress: Progress; note: string | null }[];
}
