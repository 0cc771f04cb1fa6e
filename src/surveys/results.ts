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

function questionResult(q: Question, responses: readonly ResponseForResults[], withTexts: boolean): QuestionResult | null {
  const given = responses.map((r) => r.answers[q.id]).filter((a) => a !== undefined);
  const base = { id: q.id, type: q.type, responses: given.length };
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const counts = new Map(q.options.map((o) => [o.key, 0]));
      for (const a of given) for (const k of Array.isArray(a) ? a : [a]) if (counts.has(k as string)) counts.set(k as string, counts.get(k as string)! + 1);
      return { ...base, counts: [...counts].map(([key, count]) => ({ key, count })) };
    }
    case 'scale': {
      const steps = [0, 0, 0, 0, 0];
      let sum = 0;
      for (const a of given) {
        steps[(a as number) - 1]! += 1;
        sum += a as number;
      }
      return { ...base, counts: steps.map((count, i) => ({ key: String(i + 1), count })), average: given.length ? sum / given.length : null };
    }
    case 'text':
    case 'longtext':
      return withTexts ? { ...base, texts: given as string[] } : null;
  }
}

function byQuestion(survey: SurveyDefinition, responses: readonly ResponseForResults[], withTexts: boolean): QuestionResult[] {
  return survey.questions.flatMap((q) => questionResult(q, responses, withTexts) ?? []);
}

/**
 * Results by question and by segment. Each segment dimension (area, industry, size) is cut under the
 * small-group rule: a group with fewer than `minGroupSize` responses is not shown on its own, and
 * the small ones together are shown only as "other" (itself "fewer than k" when still small).
 * Responses with no segment given form the group "unknown", under the same rule.
 */
export function aggregateSurvey(survey: SurveyDefinition, responses: readonly ResponseForResults[], recipients: number, minGroupSize: number): SurveyResults {
  const complete = responses.filter((r) => r.complete).length;
  const segments = {} as Record<SegmentDimension, SegmentResult>;
  for (const dimension of SEGMENT_DIMENSIONS) {
    const groups = new Map<string, ResponseForResults[]>();
    for (const r of responses) {
      const key = r.segment[dimension] ?? 'unknown';
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    const merged = mergeSmallGroups([...groups].map(([key, list]) => ({ key, count: list.length })), minGroupSize);
    segments[dimension] = {
      shown: merged.shown.map((g) => ({ key: g.key, responses: g.count, questions: byQuestion(survey, groups.get(g.key)!, false) })),
      other: merged.other,
    };
  }
  return {
    responses: complete,
    partial: responses.length - complete,
    recipients,
    responseRate: recipients > 0 ? complete / recipients : null,
    questions: byQuestion(survey, responses, true),
    segments,
  };
}
