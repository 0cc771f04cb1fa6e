import { formatDate } from '../../../src/digest/format.ts';
import { catalog, type Locale } from '../../../src/i18n/index.ts';
import type { Answers } from '../../../src/surveys/answers.ts';
import { textIn, type Question, type SurveyDefinition } from '../../../src/surveys/definition.ts';
import type { SurveyDeliveryDecision } from '../../../src/usecases/surveys.ts';
import type { SlackMessage } from './poll.ts';
import { escapeMrkdwn, plain, section, LIMITS } from './text.ts';

export const SURVEY_ACTIONS = { open: 'innspill_survey_open' } as const;
export const SURVEY_VIEW = 'innspill_survey';
/** Questions per modal page: short enough to read, and far inside a view's 100 blocks. */
export const QUESTIONS_PER_PAGE = 5;
/** Slack keeps at most 3 views in a modal's stack; further pages replace the top one. */
export const MAX_STACK = 3;
/** Above this many options a choice is a select menu rather than radio buttons or checkboxes (Block Kit's cap is 10). */
const INLINE_OPTIONS = 10;

export const blockIdOf = (questionId: string) => `q_${questionId}`;
export const questionIdOf = (blockId: string) => (blockId.startsWith('q_') ? blockId.slice(2) : null);

/** The invitation or reminder a participant gets in their chat with the bot: what, until when, and a button. */
export function surveyInvitation(decision: Extract<SurveyDeliveryDecision, { send: true }>, fallback: Locale, timeZone: string): SlackMessage {
  const { survey, locale } = decision;
  const s = catalog(locale).surveys;
  const title = textIn(survey.definition.title, locale, fallback);
  const head = (decision.reminder ? s.reminder : s.invitation)({ title });
  const lines = [`*${escapeMrkdwn(head)}*`, escapeMrkdwn(textIn(survey.definition.intro, locale, fallback))];
  if (survey.closesAt) lines.push(escapeMrkdwn(s.closesAt({ when: formatDate(locale, survey.closesAt, timeZone) })));
  return {
    text: escapeMrkdwn(head),
    blocks: [
      section(lines.join('\n\n')),
      {
        type: 'actions',
        elements: [{ type: 'button', style: 'primary', action_id: SURVEY_ACTIONS.open, value: String(survey.id), text: plain(s.answerButton, LIMITS.buttonText) }],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(s.stopHint) }] },
    ],
  };
}

export function pagesOf(definition: SurveyDefinition): Question[][] {
  const pages: Question[][] = [];
  for (let i = 0; i < definition.questions.length; i += QUESTIONS_PER_PAGE) pages.push(definition.questions.slice(i, i + QUESTIONS_PER_PAGE));
  return pages;
}

/** What travels with a page in `private_metadata`: the survey, the page, and how deep the view stack is. */
export interface SurveyPageContext {
  s: number;
  p: number;
  d: number;
}

function element(q: Question, locale: Locale, fallback: Locale, answer: Answers[string] | undefined) {
  const opt = (value: string, text: string) => ({ text: plain(text, LIMITS.optionText), value });
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const options = q.options.map((o) => opt(o.key, textIn(o.text, locale, fallback)));
      const chosen = options.filter((o) => (Array.isArray(answer) ? answer.includes(o.value) : answer === o.value));
      if (q.type === 'single') {
        const type = options.length > INLINE_OPTIONS ? 'static_select' : 'radio_buttons';
        return { type, action_id: 'value', options, ...(chosen[0] ? { initial_option: chosen[0] } : {}) };
      }
      const type = options.length > INLINE_OPTIONS ? 'multi_static_select' : 'checkboxes';
      return {
        type,
        action_id: 'value',
        options,
        ...(chosen.length ? { initial_options: chosen } : {}),
        ...(type === 'multi_static_select' && q.max ? { max_selected_items: q.max } : {}),
      };
    }
    case 'scale': {
      const options = [1, 2, 3, 4, 5].map((n) =>
        opt(String(n), n === 1 ? `1 – ${textIn(q.labels.low, locale, fallback)}` : n === 5 ? `5 – ${textIn(q.labels.high, locale, fallback)}` : String(n)),
      );
      const chosen = options.find((o) => o.value === String(answer));
      return { type: 'radio_buttons', action_id: 'value', options, ...(chosen ? { initial_option: chosen } : {}) };
    }
    case 'text':
    case 'longtext':
      return {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: q.type === 'longtext',
        max_length: q.type === 'text' ? 500 : 3000,
        ...(typeof answer === 'string' ? { initial_value: answer } : {}),
      };
  }
}

/**
 * One page of the survey as a modal: the intro on the first page, one input block per question,
 * filled with what the participant answered before. The submit button says "Next" until the last page.
 */
export function surveyPage(definition: SurveyDefinition, answers: Answers, context: SurveyPageContext, locale: Locale, fallback: Locale) {
  const s = catalog(locale).surveys;
  const pages = pagesOf(definition);
  const last = context.p === pages.length - 1;
  const blocks: unknown[] = [];
  if (context.p === 0) blocks.push(section(`*${escapeMrkdwn(textIn(definition.title, locale, fallback))}*\n${escapeMrkdwn(textIn(definition.intro, locale, fallback))}`));
  if (pages.length > 1) blocks.push({ type: 'context', elements: [{ type: 'plain_text', text: s.page({ page: context.p + 1, pages: pages.length }) }] });
  for (const q of pages[context.p] ?? []) {
    const hint =
      q.type === 'scale'
        ? s.scaleHint({ low: textIn(q.labels.low, locale, fallback), high: textIn(q.labels.high, locale, fallback) })
        : q.type === 'multiple' && q.max
          ? s.chooseMax({ max: q.max })
          : null;
    blocks.push({
      type: 'input',
      block_id: blockIdOf(q.id),
      optional: !q.required,
      label: plain(textIn(q.text, locale, fallback), 2000),
      element: element(q, locale, fallback, answers[q.id]),
      ...(hint ? { hint: plain(hint, 2000) } : {}),
    });
  }
  return {
    type: 'modal' as const,
    callback_id: SURVEY_VIEW,
    title: plain(s.modalTitle, LIMITS.modalTitle),
    submit: plain(last ? s.submit : s.next, LIMITS.modalTitle),
    close: plain(catalog(locale).forms.cancel, LIMITS.modalTitle),
    private_metadata: JSON.stringify(context),
    blocks,
  };
}

/** A page's context from `private_metadata`, or null if it cannot be read. */
export function surveyPageContext(privateMetadata: string | undefined): SurveyPageContext | null {
  try {
    const { s, p, d } = JSON.parse(privateMetadata || '{}') as Record<string, unknown>;
    const whole = (x: unknown, min: number): x is number => Number.isSafeInteger(x) && (x as number) >= min;
    return whole(s, 1) && whole(p, 0) && whole(d, 1) ? { s, p, d } : null;
  } catch {
    return null;
  }
}
