import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isInnspillError } from '../../../src/errors.ts';
import { catalog, describeError, type Locale } from '../../../src/i18n/index.ts';
import type { AnswerIssue, Answers } from '../../../src/surveys/answers.ts';
import type { Question, SurveyDefinition } from '../../../src/surveys/definition.ts';
import { parseId, viewFields, type FieldValue } from '../parse.ts';
import { textMessage } from '../render/messages.ts';
import { resultModal } from '../render/modals.ts';
import { blockIdOf, MAX_STACK, pagesOf, questionIdOf, SURVEY_ACTIONS, SURVEY_VIEW, surveyPage, surveyPageContext } from '../render/survey.ts';
import type { ClickHandler } from './actions.ts';
import { actorOf, teamOf, type HandlerDeps } from './deps.ts';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** A submitted field as the core's answer for its question; empty fields are no answer. */
function answerOf(q: Question, field: FieldValue): Answers[string] | undefined {
  switch (q.type) {
    case 'single':
      return field.selected[0];
    case 'multiple':
      return field.selected;
    case 'scale':
      return field.selected[0] === undefined ? undefined : Number(field.selected[0]);
    case 'text':
    case 'longtext':
      return field.text;
  }
}

function problemText(locale: Locale, issue: AnswerIssue): string {
  return catalog(locale).surveys.problems[issue.problem]({ limit: issue.limit ?? 0 });
}

/** The survey button in an invitation or reminder: opens the first page, filled with any earlier answers. */
export function surveyActions(deps: HandlerDeps): Record<string, ClickHandler> {
  const { core, background, responder } = deps;
  return {
    [SURVEY_ACTIONS.open]: async ({ body, action, ack, client }, actor) => {
      const surveyId = parseId(action.value);
      try {
        if (surveyId === null) throw new Error('survey button with an unreadable value');
        const current = await core.surveys.forAnswering(actor, surveyId);
        await ack();
        const view = surveyPage(current.survey.definition, current.answers, { s: surveyId, p: 0, d: 1 }, actor.locale, core.settings.defaultLocale);
        background.run('views.open', () => client.views.open({ trigger_id: body.trigger_id, view: view as never }));
      } catch (error) {
        await ack();
        if (!isInnspillError(error)) deps.logger.warn({ err: error }, 'survey could not be opened');
        responder.post(body.response_url, { response_type: 'ephemeral', replace_original: false, ...textMessage(describeError(actor.locale, error)) });
      }
    },
  };
}

/**
 * A survey page submitted. Its answers are checked by the core and saved at once (a response left
 * half-way is kept); problems are shown under their question (`response_action: errors`). The next
 * page is pushed while Slack's stack of three views allows, so "Back" shows the page before; after
 * that it replaces the top view. A field that is no question of this page (a forged block id) is
 * refused and nothing is stored.
 */
export function registerSurveyViews(app: App, deps: HandlerDeps): void {
  const { core } = deps;
  app.view<ViewSubmitAction>(SURVEY_VIEW, async ({ body, view, ack, client }: SubmitArgs) => {
    const teamId = teamOf(body);
    if (!teamId) throw new Error('view submission without a team');
    const actor = actorOf(deps, teamId, body.user.id);
    const s = catalog(actor.locale).surveys;
    const fallback = core.settings.defaultLocale;
    const context = surveyPageContext(view.private_metadata);
    const stale = () => ack({ response_action: 'update', view: resultModal(actor.locale, s.modalTitle, catalog(actor.locale).teams.staleCard) as never });
    if (!context) return stale();
    const fields = viewFields(view.state);
    let questions: Question[] | undefined;
    let pages: number;
    let definition: SurveyDefinition;
    try {
      definition = (await core.surveys.forAnswering(actor, context.s)).survey.definition;
      const all = pagesOf(definition);
      pages = all.length;
      questions = all[context.p];
    } catch (error) {
      const first = Object.keys(fields)[0];
      if (!first) return ack({ response_action: 'update', view: resultModal(actor.locale, s.modalTitle, describeError(actor.locale, error)) as never });
      return ack({ response_action: 'errors', errors: { [first]: describeError(actor.locale, error) } });
    }
    if (!questions) return stale();
    const firstBlock = blockIdOf(questions[0]!.id);
    const forged = Object.keys(fields).find((block) => !questions.some((q) => q.id === questionIdOf(block)));
    if (forged) {
      deps.logger.warn({ surveyId: context.s }, 'survey submission with a field that is no question of the page refused');
      return ack({ response_action: 'errors', errors: { [firstBlock]: s.problems.unknown_question({}) } });
    }
    const answers: Answers = {};
    for (const q of questions) {
      const field = fields[blockIdOf(q.id)];
      const answer = field ? answerOf(q, field) : undefined;
      if (answer !== undefined) answers[q.id] = answer;
    }
    const last = context.p === pages - 1;
    let saved;
    try {
      saved = await core.surveys.save(actor, context.s, answers, { only: questions.map((q) => q.id), finish: last });
    } catch (error) {
      return ack({ response_action: 'errors', errors: { [firstBlock]: describeError(actor.locale, error) } });
    }
    if (!saved.ok) {
      const errors: Record<string, string> = {};
      for (const issue of saved.issues) {
        const block = questions.some((q) => q.id === issue.questionId) ? blockIdOf(issue.questionId) : firstBlock;
        errors[block] ??= problemText(actor.locale, issue);
      }
      return ack({ response_action: 'errors', errors });
    }
    if (!last) {
      const push = context.d < MAX_STACK;
      const next = surveyPage(definition, saved.answers, { s: context.s, p: context.p + 1, d: push ? context.d + 1 : context.d }, actor.locale, fallback);
      return ack({ response_action: push ? 'push' : 'update', view: next as never });
    }
    if (context.d === 1) return ack({ response_action: 'update', view: resultModal(actor.locale, s.modalTitle, s.thanks) as never });
    // Pages were pushed: close them all, and say thanks in the chat with the bot.
    await ack({ response_action: 'clear' });
    deps.background.run('survey thanks', () => client.chat.postMessage({ channel: actor.userId, ...textMessage(s.thanks) } as never));
  });
}
