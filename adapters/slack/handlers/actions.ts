import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Actor } from '../../../src/domain/participant.ts';
import { isInnspillError } from '../../../src/errors.ts';
import { catalog, describeError } from '../../../src/i18n/index.ts';
import { parseId, parseVoteValue } from '../parse.ts';
import { HOME_ACTIONS } from '../render/home.ts';
import { MESSAGE_ACTIONS, textMessage } from '../render/messages.ts';
import { profileModal, suggestionModal } from '../render/modals.ts';
import { ACTIONS } from '../render/poll.ts';
import { clickerOf, teamOf, type HandlerDeps } from './deps.ts';
import { digestActions } from './digest.ts';
import { surveyActions } from './surveys.ts';

export type Click = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type ClickHandler = (click: Click, actor: Actor) => Promise<void>;

const VOTE = new RegExp(`^${ACTIONS.vote}_\\d{1,2}$`);

/**
 * Button clicks, routed here by action id through one Bolt listener (Bolt runs every listener's
 * middleware on every request, so one router is cheaper than one listener per button). A vote is
 * acknowledged only once it is committed; the voter's confirmation goes through `response_url`,
 * and the poll message is left to the updater, which folds a burst of clicks into a few updates.
 */
export function registerActions(app: App, deps: HandlerDeps): void {
  const { core, background, updater, logger, responder } = deps;

  /** An answer only the clicker sees, leaving the message clicked on as it is. */
  const privately = (body: BlockAction, text: string) =>
    responder.post(body.response_url, { response_type: 'ephemeral', replace_original: false, ...textMessage(text) });
  const replace = (body: BlockAction, text: string) => responder.post(body.response_url, { replace_original: true, ...textMessage(text) });
  const refuse = (body: BlockAction, actor: Actor, error: unknown) => {
    if (!isInnspillError(error)) logger.error({ err: error }, 'slack action failed');
    privately(body, describeError(actor.locale, error));
  };

  const vote: ClickHandler = async ({ body, action, ack }, actor) => {
    const target = parseVoteValue(action.value);
    if (!target) {
      logger.warn({ actionId: action.action_id }, 'vote button with an unreadable value ignored');
      return ack();
    }
    try {
      const result = await core.vote(actor, target.pollId, target.option, { dedupeKey: `${actor.id}:${action.action_ts}` });
      await ack();
      updater.schedule(target.pollId);
      const m = catalog(actor.locale).messages;
      privately(body, result.choices.length ? m.voteRecorded({ options: result.choices.map((i) => result.poll.options[i]).join(', ') }) : m.voteRemoved);
    } catch (error) {
      await ack();
      // A vote on a poll that closed by its clock: the message still shows buttons, so refresh it.
      if (isInnspillError(error) && error.code === 'poll_closed') updater.schedule(target.pollId);
      refuse(body, actor, error);
    }
  };

  const setClosed = (close: boolean): ClickHandler => async ({ body, action, ack }, actor) => {
    const pollId = parseId(action.value);
    if (pollId === null) {
      logger.warn({ actionId: action.action_id }, 'poll button with an unreadable value ignored');
      return ack();
    }
    try {
      const poll = close ? await core.closePoll(actor, pollId) : await core.reopenPoll(actor, pollId);
      await ack();
      updater.schedule(pollId);
      const m = catalog(actor.locale).messages;
      privately(body, (close ? m.pollClosedNow : m.pollReopened)({ question: poll.question }));
    } catch (error) {
      await ack();
      refuse(body, actor, error);
    }
  };

  const handlers: Record<string, ClickHandler> = {
    [ACTIONS.close]: setClosed(true),
    [ACTIONS.reopen]: setClosed(false),
    [MESSAGE_ACTIONS.deleteConfirm]: async ({ body, ack }, actor) => {
      try {
        const deleted = await core.forgetMe(actor);
        await ack();
        replace(body, catalog(actor.locale).messages.deleted(deleted));
      } catch (error) {
        await ack();
        refuse(body, actor, error);
      }
    },
    [MESSAGE_ACTIONS.deleteCancel]: async ({ body, ack }, actor) => {
      await ack();
      replace(body, catalog(actor.locale).messages.deleteCancelled);
    },
    [HOME_ACTIONS.openSuggestion]: async ({ body, ack, client }, actor) => {
      await ack();
      const view = suggestionModal(actor.locale, core.settings.topics, {});
      background.run('views.open', () => client.views.open({ trigger_id: body.trigger_id, view: view as never }));
    },
    [HOME_ACTIONS.openProfile]: async ({ body, ack, client }, actor) => {
      const view = profileModal(actor.locale, await core.getProfile(actor));
      await ack();
      background.run('views.open', () => client.views.open({ trigger_id: body.trigger_id, view: view as never }));
    },
    ...digestActions(deps),
    ...surveyActions(deps),
  };

  app.action<BlockAction<ButtonAction>>(/.*/, async (click) => {
    const id = click.action.action_id;
    const handler = VOTE.test(id) ? vote : handlers[id];
    const teamId = click.body.type === 'block_actions' ? teamOf(click.body) : null;
    if (!handler || !teamId) {
      // An old message's button, a future action id, a legacy attachment: answered and logged.
      logger.warn({ actionId: id, type: click.body.type }, 'unknown slack action ignored');
      return click.ack();
    }
    return handler(click, clickerOf(deps, teamId, click.body.user.id));
  });
}
