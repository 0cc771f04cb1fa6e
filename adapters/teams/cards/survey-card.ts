import { catalog, type Locale } from '../../../src/i18n/index.ts';
import type { Answers } from '../../../src/surveys/answers.ts';
import { textIn, type Question, type SurveyDefinition } from '../../../src/surveys/definition.ts';
import { adaptiveCard, execute, label, plain, problem, run, type AdaptiveCard, type Element } from './elements.ts';

export const SURVEY_VERBS = { submit: 'survey.submit' } as const;
/** At most this many questions on one card. */
export const QUESTIONS_PER_CARD = 10;
/**
 * And at most about this many bytes of question and option text (both languages counted), so a
 * card with long questions or many options stays under Teams' ~28 KB per message with room for markup.
 */
const CARD_TEXT_BUDGET = 14_000;
/** Up to this many options show as radio buttons or checkboxes; more as a drop-down. */
const EXPANDED_OPTIONS = 10;

export const inputIdOf = (questionId: string) => `q_${questionId}`;

export function cardPages(definition: SurveyDefinition): Question[][] {
  const pages: Question[][] = [];
  let page: Question[] = [];
  let size = 0;
  for (const q of definition.questions) {
    const weight = Buffer.byteLength(JSON.stringify(q));
    if (page.length && (page.length === QUESTIONS_PER_CARD || size + weight > CARD_TEXT_BUDGET)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(q);
    size += weight;
  }
  if (page.length) pages.push(page);
  return pages;
}

function input(q: Question, locale: Locale, fallback: Locale, answer: Answers[string] | undefined): Element {
  const s = catalog(locale).surveys;
  const base = { id: inputIdOf(q.id), label: textIn(q.text, locale, fallback), isRequired: q.required, ...(q.required ? { errorMessage: s.cardRequired } : {}) };
  switch (q.type) {
    case 'single':
    case 'multiple':
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: q.options.length > EXPANDED_OPTIONS ? 'compact' : 'expanded',
        isMultiSelect: q.type === 'multiple',
        choices: q.options.map((o) => ({ title: textIn(o.text, locale, fallback), value: o.key })),
        ...(answer !== undefined ? { value: Array.isArray(answer) ? answer.join(',') : String(answer) } : {}),
      };
    case 'scale': {
      const low = textIn(q.labels.low, locale, fallback);
      const high = textIn(q.labels.high, locale, fallback);
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: 'expanded',
        choices: [1, 2, 3, 4, 5].map((n) => ({ title: n === 1 ? `1 – ${low}` : n === 5 ? `5 – ${high}` : String(n), value: String(n) })),
        ...(answer !== undefined ? { value: String(answer) } : {}),
      };
    }
    case 'text':
    case 'longtext':
      return {
        type: 'Input.Text',
        ...base,
        isMultiline: q.type === 'longtext',
        maxLength: q.type === 'text' ? 500 : 3000,
        ...(typeof answer === 'string' ? { value: answer } : {}),
      };
  }
}

/**
 * One page of a survey as a card answered with Action.Execute: the title and intro on the first
 * page, the questions filled with what was answered before, and problems shown above them.
 */
export function surveyCard(
  surveyId: number,
  definition: SurveyDefinition,
  answers: Answers,
  page: number,
  locale: Locale,
  fallback: Locale,
  notices: { heading?: string; problems?: string[] } = {},
): AdaptiveCard {
  const s = catalog(locale).surveys;
  const pages = cardPages(definition);
  const body: Element[] = [];
  // The heading quotes the survey's title: a TextRun, so it is never read as Markdown.
  if (notices.heading) body.push(plain([run(notices.heading, { weight: 'Bolder', color: 'Accent' })]));
  if (page === 0) {
    body.push(plain([run(textIn(definition.title, locale, fallback), { weight: 'Bolder', size: 'Medium' })]));
    body.push(plain([run(textIn(definition.intro, locale, fallback))]));
  }
  if (pages.length > 1) body.push(label(s.page({ page: page + 1, pages: pages.length }), { subtle: true }));
  for (const text of notices.problems ?? []) body.push(problem(text));
  for (const q of pages[page] ?? []) body.push(input(q, locale, fallback, answers[q.id]));
  const last = page >= pages.length - 1;
  return adaptiveCard(body, [execute(last ? s.submit : s.next, SURVEY_VERBS.submit, { surveyId, page }, 'positive')]);
}
