import type { Segment } from '../domain/participant.ts';
import { mergeSmallGroups, type PublishedCount } from '../privacy/small-groups.ts';
import type { Answers } from './answers.ts';
import type { Question, SurveyDefinition } from './definition.ts';

/** One stored response as results see it: the answers and the segment, never who gave them. */
export interface ResponseForResults {
  answers: Answers;
  segment: Segment;
  complete: boolean;
}

export interface QuestionResult {
  id: string;
  type: Question['type'];
  /** Responses that answered this question. */
  responses: number;
  /** Choices: count per option key, in the file's order. Scale: count per step 1–5. */
  counts?: { key: string; count: number }[];
  /** Scale: the mean of the answers given, or null when none. */
  average?: number | null;
  /** Free text: the answers, as given (never with their segment, which could name a sender). */
  texts?: string[];
}

export interface SegmentGroupResult {
  key: string;
  responses: number;
  /** Choice and scale counts for this group only; free text is never split by segment. */
  questions: QuestionResult[];
}

export interface SegmentResult {
  /** Groups of at least `MIN_GROUP_SIZE`; smaller ones are merged into `other`. */
  shown: SegmentGroupResult[];
  other: PublishedCount | null;
}

export const SEGMENT_DIMENSIONS = ['area', 'industry', 'sizeBand'] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

export interface SurveyResults {
  /** Complete responses. */
  responses: number;
  /** Responses begun but not finished (kept, and counted in each question they answer). */
  partial: number;
  /** People the survey was sent to, for the response rate; 0 before it is sent. */
  recipients: number;
  /** Complete responses per recipient, 0–1; null before it is sent. */
  responseRate: number | null;
  questions: QuestionResult[];
  segments: Record<SegmentDimension, SegmentResult>;
}

/** Running counts for one group of responses: per question, how many answered and how many chose each step. */
interface Tally {
  responses: number;
  answered: number[];
  counts: number[][];
  sums: number[];
}

const newTally = (survey: SurveyDefinition): Tally => ({
  responses: 0,
  answered: survey.questions.map(() => 0),
  counts: survey.questions.map((q) => new Array<number>(q.type === 'scale' ? 5 : q.type === 'single' || q.type === 'multiple' ? q.options.length : 0).fill(0)),
  sums: survey.questions.map(() => 0),
});

function resultsOf(survey: SurveyDefinition, tally: Tally, texts: string[][] | null): QuestionResult[] {
  return survey.questions.flatMap((q, j): QuestionResult[] => {
    const base = { id: q.id, type: q.type, responses: tally.answered[j]! };
    switch (q.type) {
      case 'single':
      case 'multiple':
        return [{ ...base, counts: q.options.map((o, k) => ({ key: o.key, count: tally.counts[j]![k]! })) }];
      case 'scale':
        return [{ ...base, counts: tally.counts[j]!.map((count, k) => ({ key: String(k + 1), count })), average: base.responses ? tally.sums[j]! / base.responses : null }];
      case 'text':
      case 'longtext':
        return texts ? [{ ...base, texts: texts[j]! }] : [];
    }
  });
}

/**
 * Results by question and by segment. Each segment dimension (area, industry, size) is cut under the
 * small-group rule: a group with fewer than `minGroupSize` responses is not shown on its own, and
 * the small ones together are shown only as "other" (itself "fewer than k" when still small).
 * Responses with no segment given form the group "unknown", under the same rule.
 */
export function aggregateSurvey(survey: SurveyDefinition, responses: readonly ResponseForResults[], recipients: number, minGroupSize: number): SurveyResults {
  // One pass over the responses, counting each answer into the whole and into its group in each dimension.
  const optionIndex = survey.questions.map((q) => (q.type === 'single' || q.type === 'multiple' ? new Map(q.options.map((o, k) => [o.key, k])) : null));
  const overall = newTally(survey);
  const texts: string[][] = survey.questions.map(() => []);
  const groups = Object.fromEntries(SEGMENT_DIMENSIONS.map((d) => [d, new Map<string, Tally>()])) as Record<SegmentDimension, Map<string, Tally>>;
  const tallies: Tally[] = new Array(SEGMENT_DIMENSIONS.length + 1);
  let complete = 0;
  const questions = survey.questions;
  for (const r of responses) {
    if (r.complete) complete += 1;
    tallies[0] = overall;
    for (let i = 0; i < SEGMENT_DIMENSIONS.length; i++) {
      const d = SEGMENT_DIMENSIONS[i]!;
      const key = r.segment[d] ?? 'unknown';
      let t = groups[d].get(key);
      if (!t) groups[d].set(key, (t = newTally(survey)));
      tallies[i + 1] = t;
    }
    for (const t of tallies) t.responses += 1;
    for (let j = 0; j < questions.length; j++) {
      const q = questions[j]!;
      const answer = r.answers[q.id];
      if (answer === undefined) continue;
      if (q.type === 'text' || q.type === 'longtext') {
        overall.answered[j]! += 1;
        texts[j]!.push(answer as string);
        continue;
      }
      for (const t of tallies) {
        t.answered[j]! += 1;
        const counts = t.counts[j]!;
        if (q.type === 'scale') {
          t.sums[j]! += answer as number;
          counts[(answer as number) - 1]! += 1;
        } else if (Array.isArray(answer)) {
          for (const k of answer) {
            const step = optionIndex[j]!.get(k);
            if (step !== undefined) counts[step]! += 1;
          }
        } else {
          const step = optionIndex[j]!.get(answer as string);
          if (step !== undefined) counts[step]! += 1;
        }
      }
    }
  }
  const segments = {} as Record<SegmentDimension, SegmentResult>;
  for (const d of SEGMENT_DIMENSIONS) {
    const merged = mergeSmallGroups([...groups[d]].map(([key, t]) => ({ key, count: t.responses })), minGroupSize);
    segments[d] = {
      // Free text is never split by segment: beside its group it could name who wrote it.
      shown: merged.shown.map((g) => ({ key: g.key, responses: g.count, questions: resultsOf(survey, groups[d].get(g.key)!, null) })),
      other: merged.other,
    };
  }
  return {
    responses: complete,
    partial: responses.length - complete,
    recipients,
    responseRate: recipients > 0 ? complete / recipients : null,
    questions: resultsOf(survey, overall, texts),
    segments,
  };
}
