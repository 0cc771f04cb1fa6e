import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Actor } from '../../../src/domain/participant.ts';
import { catalog } from '../../../src/i18n/index.ts';
import { parseId } from '../parse.ts';
import { HOME_ACTIONS } from '../render/home.ts';
import { MESSAGE_ACTIONS } from '../render/messages.ts';
import { profileModal, suggestionModal } from '../render/modals.ts';
import { ACTIONS } from '../render/poll.ts';
import { clickAnswers } from './answers.ts';
import { clickerOf, teamOf, type HandlerDeps } from './deps.ts';
import { digestActions } from './digest.ts';
import { followUpActions } from './follow-up.ts';
import { createVoteHandler, isVoteAction } from './vote.ts';
import { surveyActions } from './surveys.ts';

export type Click = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type ClickHandler = (click: Click, actor: Actor) => Promise<void>;

/**
 * Button clicks, routed here by action id through one Bolt listener (Bolt runs every listener's
 * middleware on every request, so one router is cheaper than one listener per button). Votes over
 * HTTP usually take the direct route (direct-votes.ts); the ones that come here (Socket Mode, a
 * click with several actions) get the same handler.
 */
export function registerActions(app: App, deps: HandlerDeps): void {
  const { core, background, updater, logger } = deps;
  const { privately, replace, refuse } = clickAnswers(deps);
  const vote: ClickHandler = createVoteHandler(deps);

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
    ...followUpActions(deps),
    ...surveyActions(deps),
  };

  app.action<BlockAction<ButtonAction>>(/.*/, async (click) => {
    const id = click.action.action_id;
    const handler = isVoteAction(id) ? vote : handlers[id];
    const teamId = click.body.type === 'block_actions' ? teamOf(click.body) : null;
    if (!handler || !teamId) {
      // An old message's button, a future action id, a legacy attachment: answered and logged.
      logger.warn({ actionId: id, type: click.body.type }, 'unknown slack action ignored');
      return click.ack();
    }
    return handler(click, clickerOf(deps, teamId, click.body.user.id));
  });
}
