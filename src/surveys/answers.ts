import { LONGTEXT_ANSWER_MAX, TEXT_ANSWER_MAX, type Question, type SurveyDefinition } from './definition.ts';

/**
 * A participant's answers, keyed by question id: an option key (single), option keys (multiple),
 * 1–5 (scale) or text. Every platform turns its form into this shape and the core alone decides
 * whether it is acceptable, so Slack, Teams and the console refuse the same things.
 */
export type Answer = string | string[] | number;
export type Answers = Record<string, Answer>;

export type AnswerProblem = 'required' | 'bad_option' | 'too_many' | 'out_of_range' | 'too_long' | 'unknown_question';
export interface AnswerIssue {
  questionId: string;
  problem: AnswerProblem;
  /** The limit broken (max choices, max length), for the message. */
  limit?: number;
}

/** Empty answers (blank text, no choice) count as no answer, so a cleared field removes it. */
function isEmpty(answer: Answer | undefined): boolean {
  return answer === undefined || (typeof answer === 'string' && answer.trim() === '') || (Array.isArray(answer) && answer.length === 0);
}

function check(q: Question, answer: Answer): AnswerIssue | null {
  const issue = (problem: AnswerProblem, limit?: number): AnswerIssue => ({ questionId: q.id, problem, ...(limit !== undefined ? { limit } : {}) });
  switch (q.type) {
    case 'single':
      return typeof answer === 'string' && q.options.some((o) => o.key === answer) ? null : issue('bad_option');
    case 'multiple': {
      if (!Array.isArray(answer) || new Set(answer).size !== answer.length || !answer.every((a) => q.options.some((o) => o.key === a))) return issue('bad_option');
      return q.max !== undefined && answer.length > q.max ? issue('too_many', q.max) : null;
    }
    case 'scale':
      return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= 5 ? null : issue('out_of_range');
    case 'text':
    case 'longtext': {
      const max = q.type === 'text' ? TEXT_ANSWER_MAX : LONGTEXT_ANSWER_MAX;
      if (typeof answer !== 'string') return issue('bad_option');
      return [...answer.trim()].length > max ? issue('too_long', max) : null;
    }
  }
}

/**
 * Checks answers for some of the questions (`only`: one page) or all of them. `complete` says the
 * participant is submitting: then a required question left empty is a problem too. Returns the
 * cleaned answers (trimmed text, empties dropped) only when there is no issue.
 */
export function validateAnswers(
  survey: SurveyDefinition,
  answers: Answers,
  options: { complete: boolean; only?: readonly string[] },
): { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] } {
  const questions = options.only ? survey.questions.filter((q) => options.only!.includes(q.id)) : survey.questions;
  const issues: AnswerIssue[] = Object.keys(answers)
    .filter((id) => !questions.some((q) => q.id === id))
    .map((questionId) => ({ questionId, problem: 'unknown_question' }));
  const clean: Answers = {};
  for (const q of questions) {
    const answer = answers[q.id];
    if (isEmpty(answer)) {
      if (options.complete && q.required) issues.push({ questionId: q.id, problem: 'required' });
      continue;
    }
    const problem = check(q, answer!);
    if (problem) issues.push(problem);
    else clean[q.id] = typeof answer === 'string' ? answer.trim() : answer!;
  }
  return issues.length ? { ok: false, issues } : { ok: true, answers: clean };
}

/** Required questions still unanswered in a (possibly partial) response. */
export function missingRequired(survey: SurveyDefinition, answers: Answers): string[] {
  return survey.questions.filter((q) => q.required && isEmpty(answers[q.id])).map((q) => q.id);
}
