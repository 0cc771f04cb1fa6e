import * as z from 'zod';
import type { Locale } from '../i18n/locale.ts';

/**
 * A survey as a member writes it (YAML or JSON, parsed by the adapter into plain data) and as it is
 * stored. The limits are the platforms': at most 25 options so a choice fits one Slack select or
 * Teams ChoiceSet, option text within Slack's 75 characters, a question within an input label.
 */
export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 25;
export const OPTION_TEXT_MAX = 75;
export const QUESTION_TEXT_MAX = 2000;
export const TEXT_ANSWER_MAX = 500;
export const LONGTEXT_ANSWER_MAX = 3000;
export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'text', 'longtext'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Text in one language for everyone, or in each; at least one language must be given. */
export type LocalText = string | { nb?: string; en?: string };

function localText(max: number) {
  const one = z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
  return z.union([
    one,
    z
      .strictObject({ nb: one.optional(), en: one.optional() })
      .refine((t) => t.nb !== undefined || t.en !== undefined, 'give the text in nb, en or both'),
  ]);
}

/** The participant's own language, else the default, else whichever is there. */
export function textIn(text: LocalText, locale: Locale, fallback: Locale): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text[fallback] ?? text.nb ?? text.en ?? '';
}

/**
 * The schema is built at the first survey read, not at import: the core imports this module for
 * every command, and building these thirty-odd schemas was half of zod's share of `members list`.
 */
function buildSurveyDefinitionSchema() {
  const key = z
    .string()
    .regex(/^[A-Za-z0-9_.+-]{1,40}$/, 'use 1 to 40 letters, digits, dots, dashes, plus signs or underscores')
    // Answers are kept in plain objects keyed by question id.
    .refine((k) => !['__proto__', 'constructor', 'prototype'].includes(k), 'this id is reserved');

  const option = z.union([
    z.string().trim().min(1, 'must not be empty').max(OPTION_TEXT_MAX, `at most ${OPTION_TEXT_MAX} characters`),
    z.strictObject({ key, text: localText(OPTION_TEXT_MAX) }),
  ]);

  const options = z
    .array(option)
    .min(2, 'give at least 2 options')
    .max(MAX_OPTIONS, `at most ${MAX_OPTIONS} options`)
    .transform((list) => list.map((o) => (typeof o === 'string' ? { key: o, text: o as LocalText } : o)))
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((o, i) => {
        if (seen.has(o.key)) ctx.addIssue({ code: 'custom', path: [i], message: `duplicate option key "${o.key}"` });
        seen.add(o.key);
      });
    });

  const common = { id: key, text: localText(QUESTION_TEXT_MAX), required: z.boolean().default(false) };

  const question = z.discriminatedUnion(
    'type',
    [
      z.strictObject({ ...common, type: z.literal('single'), options }),
      z.strictObject({ ...common, type: z.literal('multiple'), options, max: z.int().min(1).optional() }),
      z.strictObject({ ...common, type: z.literal('scale'), labels: z.strictObject({ low: localText(OPTION_TEXT_MAX), high: localText(OPTION_TEXT_MAX) }) }),
      z.strictObject({ ...common, type: z.literal('text') }),
      z.strictObject({ ...common, type: z.literal('longtext') }),
    ],
    { error: (issue) => (issue.code === 'invalid_union' ? `unknown question type; use one of ${QUESTION_TYPES.join(', ')}` : undefined) },
  );

  return z
    .strictObject({
      title: localText(150),
      intro: localText(3000),
      questions: z.array(question).min(1, 'give at least 1 question').max(MAX_QUESTIONS, `at most ${MAX_QUESTIONS} questions`),
    })
    .superRefine((survey, ctx) => {
      const seen = new Set<string>();
      survey.questions.forEach((q, i) => {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
        seen.add(q.id);
        if (q.type === 'multiple' && q.max !== undefined && q.max > q.options.length) {
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'max'], message: `max is ${q.max} but there are only ${q.options.length} options` });
        }
      });
    });
}
let surveyDefinitionSchema: ReturnType<typeof buildSurveyDefinitionSchema> | null = null;

export type SurveyDefinition = z.output<ReturnType<typeof buildSurveyDefinitionSchema>>;
export type Question = SurveyDefinition['questions'][number];
export type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;

/** Where in the file a problem is (keys and list positions) and what it is, in the member's words. */
export interface DefinitionIssue {
  path: (string | number)[];
  message: string;
}

export type DefinitionResult = { ok: true; survey: SurveyDefinition } | { ok: false; issues: DefinitionIssue[] };

export function parseSurveyDefinition(raw: unknown): DefinitionResult {
  const parsed = (surveyDefinitionSchema ??= buildSurveyDefinitionSchema()).safeParse(raw);
  if (parsed.success) return { ok: true, survey: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) };
}

/** `questions[2].options[1]`: a path a person can find in the file. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(top level)';
}
