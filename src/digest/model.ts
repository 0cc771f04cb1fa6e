import type { Segment } from '../domain/participant.ts';
import type { PollResults, SegmentGroup } from '../privacy/published.ts';

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
  /** An anonymous sender past the reply window: their sealed id is gone, so no reply can reach them. */
  replyClosed?: true;
}

export interface DigestPollInput {
  id: number;
  question: string;
  options: string[];
  counts: number[];
  voters: number;
  closed: boolean;
  everyone: boolean;
  anonymous: boolean;
  /** Results hidden until close, and the poll is still open at the period's end. */
  hiddenUntilClose: boolean;
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
  /** Participants per full segment: how many share an anonymous suggestion's label. */
  segmentGroups: SegmentGroup[];
}

export interface Figure {
  value: number;
  /** Change from the previous period; null when there is none to compare with. */
  delta: number | null;
  /** Set when the value is below the small-group threshold: shown as "fewer than k" (value 0, no delta). */
  fewerThan?: number;
}

export interface Share {
  key: string | null;
  count: number;
  /** 0..1 of the whole. */
  share: number;
  /** Below the small-group threshold: shown as "fewer than k" (count and share 0). */
  fewerThan?: number;
  /** The groups too small to show, merged. */
  other?: true;
}

export interface DigestPoll {
  id: number;
  question: string;
  closed: boolean;
  everyone: boolean;
  voters: number;
  /** Fewer voters than the small-group threshold: shown as "fewer than k" (voters 0). */
  votersFewerThan?: number;
  /** Absent when shown; otherwise `options` is empty and the renderers say why. */
  results?: Exclude<PollResults, 'shown'>;
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
}
