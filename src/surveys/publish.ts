import { isLargeEnough } from '../privacy/small-groups.ts';
import type { Survey } from '../ports/surveys.ts';
import type { Locale } from '../i18n/locale.ts';
import { textIn, type LocalText, type Question, type QuestionType } from './definition.ts';
import { SEGMENT_DIMENSIONS, type QuestionResult, type SegmentDimension, type SurveyResults } from './results.ts';

/** One question's published results: choice counts, the scale's distribution, or published free text. */
export interface PublishedQuestion {
  id: string;
  type: QuestionType;
  text: LocalText;
  /** Responses that answered it. */
  responses: number;
  /** Choices: per option. Scale: per step 1–5, the ends with their labels (`text` null between). */
  counts?: { key: string; text: LocalText | null; count: number }[];
  average?: number | null;
  /** Free text that members let through, scrubbed; never split by segment. */
  texts?: string[];
}

/** One dimension's cut: each group of at least the small-group size, and the smaller ones merged. */
export interface PublishedSegmentCut {
  groups: { key: string; responses: number; questions: PublishedQuestion[] }[];
  /** The merged small groups' responses (never their answers); null when there are none. */
  other: number | null;
}

/** A closed survey as the export and the public page show it. */
export interface PublishedSurvey {
  id: number;
  title: LocalText;
  /** When it stopped taking answers (ISO 8601). */
  closedAt: string;
  recipients: number;
  /** Complete responses; null (with `responsesFewerThan`) under the small-group size. */
  responses: number | null;
  responsesFewerThan?: number;
  responseRate: number | null;
  /** Set when too few responded: then no question and no cut is shown. */
  withheld?: 'too_few_responses';
  questions: PublishedQuestion[];
  /** Only the dimensions whose every shown figure stands for at least the small-group size (see `publishSurvey`). */
  segments: Partial<Record<SegmentDimension, PublishedSegmentCut>>;
}

function publishedQuestion(q: Question, r: QuestionResult, texts: readonly string[] | null): PublishedQuestion {
  const base = { id: q.id, type: q.type, text: q.text, responses: r.responses };
  if (q.type === 'single' || q.type === 'multiple') {
    return { ...base, counts: (r.counts ?? []).map((c) => ({ key: c.key, text: q.options.find((o) => o.key === c.key)?.text ?? c.key, count: c.count })) };
  }
  if (q.type === 'scale') {
    const ends: Record<string, LocalText> = { '1': q.labels.low, '5': q.labels.high };
    return { ...base, counts: (r.counts ?? []).map((c) => ({ key: c.key, text: ends[c.key] ?? null, count: c.count })), average: r.average ?? null };
  }
  return { ...base, texts: texts ? [...texts] : [] };
}

/**
 * A closed survey's results as they may be published. Fewer complete responses than `k`: only that
 * fact. Otherwise every question (free text: only what `publishedTexts` let through) and the cuts by
 * area, industry and size that `aggregateSurvey` made under the small-group rule, with one more
 * guard: a dimension whose merged small groups are themselves fewer than `k` is left out, because
 * the whole minus the groups shown would give that small group's answers exactly.
 */
export function publishSurvey(survey: Survey, closedAt: Date, results: SurveyResults, texts: ReadonlyMap<string, string[]>, k: number): PublishedSurvey {
  const head = { id: survey.id, title: survey.definition.title, closedAt: closedAt.toISOString(), recipients: results.recipients };
  // None at all reads as "fewer than k" too: there is nothing to show either way.
  if (!isLargeEnough(results.responses, k)) return { ...head, responses: null, responsesFewerThan: k, responseRate: null, withheld: 'too_few_responses', questions: [], segments: {} };
  const questionOf = (id: string) => survey.definition.questions.find((q) => q.id === id)!;
  const segments: PublishedSurvey['segments'] = {};
  for (const d of SEGMENT_DIMENSIONS) {
    const cut = results.segments[d];
    if (!cut.shown.length || cut.other?.kind === 'fewer') continue;
    segments[d] = {
      groups: cut.shown.map((g) => ({ key: g.key, responses: g.responses, questions: g.questions.map((r) => publishedQuestion(questionOf(r.id), r, null)) })),
      other: cut.other ? cut.other.value : null,
    };
  }
  return {
    ...head,
    responses: results.responses,
    responseRate: results.responseRate,
    questions: results.questions.map((r) => publishedQuestion(questionOf(r.id), r, texts.get(r.id) ?? [])),
    segments,
  };
}

/** A question's counts as people read them: the option's text (a scale step with its label) and its share of those who answered. */
export function answerRows(q: PublishedQuestion, locale: Locale): { label: string; count: number; share: number }[] {
  return (q.counts ?? []).map((c) => ({
    label: q.type === 'scale' ? (c.text ? `${c.key} (${textIn(c.text, locale, locale)})` : c.key) : textIn(c.text ?? c.key, locale, locale),
    count: c.count,
    share: q.responses ? c.count / q.responses : 0,
  }));
}
