import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { InnspillError, isInnspillError, type ErrorCode } from '../../../src/errors.ts';
import { catalog, describeError, describePollSyntaxError } from '../../../src/i18n/index.ts';
import { checkPollTexts, type PollSyntaxCode } from '../../../src/polls/syntax.ts';
import { classifySlackError } from '../api/errors.ts';
import { modalContext, replyContext, viewFields } from '../parse.ts';
import { publishPoll } from '../publish.ts';
import { textMessage } from '../render/messages.ts';
import { resultModal, VIEWS } from '../render/modals.ts';
import { explainFailure, submitterOf, type HandlerDeps } from './deps.ts';
import { refusal } from './digest.ts';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Which field a refusal belongs to, so Slack shows it under that field. */
const FIELD_OF: Partial<Record<ErrorCode | PollSyntaxCode, string>> = {
  suggestion_empty: 'text',
  suggestion_too_long: 'text',
  unknown_topic: 'topic',
  no_question: 'question',
  question_too_long: 'question',
  empty_text: 'options',
  too_few_options: 'options',
  too_many_options: 'options',
  duplicate_option: 'options',
  option_too_long: 'options',
  poll_invalid: 'closes',
};

const PROFILE_FIELDS: Record<string, string> = { companyName: 'company', area: 'area', industry: 'industry', sizeBand: 'size' };

/**
 * Modal submissions. A refusal is shown under the field it concerns (`response_action: errors`);
 * success replaces the modal with its outcome, so the confirmation costs no Web API call.
 */
export function registerViews(app: App, deps: HandlerDeps): void {
  const { core } = deps;

  const actorFor = (body: ViewSubmitAction) => submitterOf(deps, body);
  const fieldError = (ack: SubmitArgs['ack'], block: string, text: string) => ack({ response_action: 'errors', errors: { [block]: text } });

  app.view<ViewSubmitAction>(VIEWS.suggestion, async ({ body, view, ack }) => {
    const actor = actorFor(body);
    const f = viewFields(view.state);
    const flags = f.flags?.selected ?? [];
    try {
      const { suggestion } = await core.submitSuggestion(
        actor,
        { text: f.text?.text ?? '', topic: f.topic?.selected[0], anonymous: flags.includes('anonymous'), publishable: flags.includes('publishable') },
        { dedupeKey: `slack:view:${view.id}` },
      );
      const m = catalog(actor.locale).messages;
      const stored = (suggestion.anonymous ? m.suggestionStoredAnonymous : m.suggestionStored)({ ref: suggestionRef(suggestion.id) });
      await ack({ response_action: 'update', view: resultModal(actor.locale, catalog(actor.locale).forms.suggestionTitle, stored) as never });
    } catch (error) {
      await fieldError(ack, (isInnspillError(error) && FIELD_OF[error.code]) || 'text', explainFailure(deps, actor.locale, error, 'slack suggestion form failed'));
    }
  });

  app.view<ViewSubmitAction>(VIEWS.profile, async ({ body, view, ack }) => {
    const actor = actorFor(body);
    const f = viewFields(view.state);
    try {
      await core.saveProfile(actor, {
        companyName: f.company?.text.trim() || undefined,
        area: f.area?.selected[0],
        industry: f.industry?.selected[0],
        sizeBand: f.size?.selected[0],
      });
      await ack({ response_action: 'update', view: resultModal(actor.locale, catalog(actor.locale).forms.profileTitle, catalog(actor.locale).messages.profileSaved) as never });
    } catch (error) {
      const field = isInnspillError(error) ? PROFILE_FIELDS[String(error.params.field)] : undefined;
      await fieldError(ack, field ?? 'company', explainFailure(deps, actor.locale, error, 'slack profile form failed'));
    }
  });

  // The sender is never named: the confirmation speaks of the suggestion only.
  app.view<ViewSubmitAction>(VIEWS.reply, async ({ body, view, ack }) => {
    const actor = actorFor(body);
    const s = catalog(actor.locale).slack;
    const suggestionId = replyContext(view.private_metadata);
    if (suggestionId === null) return fieldError(ack, 'text', describeError(actor.locale, new InnspillError('suggestion_not_found')));
    try {
      await core.replyToSender(actor, suggestionId, viewFields(view.state).text?.text ?? '', { dedupeKey: `slack:view:${view.id}` });
    } catch (error) {
      if (!isInnspillError(error)) deps.logger.error({ err: error }, 'slack reply to sender failed');
      return fieldError(ack, 'text', refusal(actor, error));
    }
    await ack({ response_action: 'update', view: resultModal(actor.locale, s.replyTitle, s.replySent({ ref: suggestionRef(suggestionId) })) as never });
  });

  app.view<ViewSubmitAction>(VIEWS.poll, async ({ body, view, ack, client }) => {
    const actor = actorFor(body);
    const f = viewFields(view.state);
    const settings = f.settings?.selected ?? [];
    const closesAt = f.closes?.dateTime ?? null;
    const now = core.clock().getTime();
    if (closesAt !== null && closesAt * 1000 <= now) return fieldError(ack, 'closes', catalog(actor.locale).slack.pollDatePast);
    const checked = checkPollTexts(f.question?.text ?? '', (f.options?.text ?? '').split('\n'), {
      multipleChoice: settings.includes('multiple'),
      anonymous: settings.includes('anonymous'),
      resultsAfterClose: settings.includes('hidden'),
      everyone: settings.includes('everyone'),
      closes: closesAt === null ? null : { kind: 'in', ms: closesAt * 1000 - now },
    });
    if (!checked.ok) return fieldError(ack, FIELD_OF[checked.error.code] ?? 'options', describePollSyntaxError(actor.locale, checked.error));
    const { channelId } = modalContext(view.private_metadata);
    let pollId: number;
    try {
      pollId = (await core.createPoll(actor, checked.draft, { channelId: channelId ?? actor.userId })).id;
    } catch (error) {
      return fieldError(ack, (isInnspillError(error) && FIELD_OF[error.code]) || 'question', explainFailure(deps, actor.locale, error, 'slack poll form failed'));
    }
    const m = catalog(actor.locale).messages;
    await ack({ response_action: 'update', view: resultModal(actor.locale, catalog(actor.locale).forms.pollTitle, m.pollCreated({ id: pollId })) as never });
    // Posted where /poll was typed; from elsewhere (App Home) into the creator's chat with the bot.
    const channel = channelId ?? actor.userId;
    deps.background.run('poll post', async () => {
      try {
        await publishPoll(deps, client, { teamId: actor.workspaceId, channel, locale: actor.locale }, pollId);
      } catch (error) {
        const failure = classifySlackError(error);
        deps.logger.warn({ pollId, error: failure.error }, 'poll could not be posted where it was asked for');
        await client.chat.postMessage({ channel: actor.userId, ...textMessage(failure.gone ? catalog(actor.locale).slack.inviteBot : describeError(actor.locale, error)) } as never);
      }
    });
  });
}
