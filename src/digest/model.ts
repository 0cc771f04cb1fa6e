import type { Segment } from '../domain/participant.ts';
import type { Progress } from '../domain/follow-up.ts';
import type { PollResults, SegmentGroup } from '../privacy/published.ts';
import type { Group, PublishedCount } from '../privacy/small-groups.ts';
import type { AddressReason } from './addressed.ts';
import type { DigestSurvey } from './surveys.ts';

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
  multipleChoice: boolean;
  closesAt: Date | null;
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
  /** The same counts for the period before, for each topic's change. */
  previousTopicCounts: Map<string, number>;
  /** Suggestions per topic and area (null: not given), for where a topic comes from. */
  topicAreas: { topic: string; area: string | null; count: number }[];
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
  multipleChoice: boolean;
  closesAt: Date | null;
  voters: number;
  /** Fewer voters than the small-group threshold: shown as "fewer than k" (voters 0). */
  votersFewerThan?: number;
  /** Absent when shown; otherwise `options` is empty and the renderers say why. */
  results?: Exclude<PollResults, 'shown'>;
  /** `share` is of the voters (0..1), so in a multiple-choice poll the shares add up to more than 1. */
  options: { label: string; count: number; share: number }[];
  /** The result within each segment that has at least the small-group size of voters (none: absent). */
  segments?: PollSegmentCut[];
}

/** One dimension's cut of a poll: per group large enough, its voters and each option's share of them. */
export interface PollSegmentCut {
  dimension: 'area' | 'industry' | 'size';
  groups: { key: string; voters: number; shares: number[] }[];
}

/**
 * Something that needs a member, shown first with its one action. A new kind (say, "waiting for
 * review") is one more member of this union; every renderer switches over `kind` exhaustively, so
 * the compiler names each place that must learn to show it.
 */
export type AttentionItem =
  /** A suggestion whose sender consented to publishing, waiting for a member's approval (PUBLISH_MODE=review). */
  | { kind: 'review'; suggestion: DigestSuggestion }
  /** A sender's answer to a member's reply or status note: the conversation goes on with the group. */
  | { kind: 'answer'; suggestion: DigestSuggestion; text: string }
  /** A message written to the project group: a question, a request to be called or contacted. */
  | { kind: 'addressed'; suggestion: DigestSuggestion; reasons: AddressReason[] }
  /** A suggestion that many others this week resemble: a theme forming. */
  | { kind: 'similar'; suggestion: DigestSuggestion; similarIds: number[] }
  /** An open poll that closes within the coming week. */
  | { kind: 'closingPoll'; pollId: number; question: string; closesAt: Date; voters: number };

export type AttentionKind = AttentionItem['kind'];

/** Where a topic's suggestions come from, under the small-group rule. */
export interface TopicAreas {
  shown: Group[];
  /** The areas too small to show, merged; null when there are none. */
  other: PublishedCount | null;
}

export interface DigestTheme {
  topic: string;
  count: number;
  /** Change from the previous period; null when there is none to compare with. */
  delta: number | null;
  areas: TopicAreas;
  /** Two or three suggestions that stand for the topic: those most like the others in it. */
  samples: DigestSuggestion[];
}

export interface DigestModel {
  period: DigestPeriod;
  totals: { suggestions: Figure; votes: Figure; participants: Figure };
  /** What needs a member, in order of kind: the digest opens with it. */
  attention: AttentionItem[];
  /** Per topic, the overview: count, change, where from, a few examples. */
  themes: DigestTheme[];
  /** The full list. `count` is the topic's total; `suggestions` may hold fewer, and renderers say how many more. */
  topics: { topic: string; count: number; suggestions: DigestSuggestion[] }[];
  polls: DigestPoll[];
  participation: { byArea: Share[]; byIndustry: Share[]; bySize: Share[] };
  /** Nothing new came in: renderers send a short note instead. */
  empty: boolean;
  /** How many wait for review in all (the oldest are `review` items in `attention`), and what changed status in the period. */
  followUp?: DigestFollowUp;
  /** Surveys running at the period's end, and those that closed in it (see `surveys.ts`). */
  surveys?: DigestSurvey[];
}

export interface DigestFollowUp {
  waitingCount: number;
  changed: { id: number; progress: Progress; note: string | null }[];
}
