import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { catalog, describeError, type Locale } from '../../../src/i18n/index.ts';
import { isInnspillError } from '../../../src/errors.ts';
import { parsePollId, parseVoteValue } from '../parse.ts';
import { HOME_ACTIONS } from '../render/home.ts';
import { MESSAGE_ACTIONS, textMessage } from '../render/messages.ts';
import { profileModal, suggestionModal } from '../render/modals.ts';
import { ACTIONS } from '../render/poll.ts';
import { actorOf, teamOf, type HandlerDeps } from './deps.ts';

/** An answer only the clicker sees, leaving the poll message as it is. */
const privately = (respond: RespondFn, text: string) =>
  respond({ response_type: 'ephemeral', replace_original: false, ...textMessage(text) });

/**
 * Button clicks. A vote is acknowledged only once it is committed; the voter's confirmation goes
 * through `response_url` (not rate-limited per method like `chat.postEphemeral`), and the poll
 * message itself is left to the updater, which folds a burst of clicks into a few updates.
 */
export function registerActions(app: App, deps: HandlerDeps): void {
  const { core, background, updater, logger } = deps;

  const who = (body: BlockAction) => {
    const teamId = teamOf(body);
    return teamId ? actorOf(deps, teamId, body.user.id) : null;
  };
  const refuse = (respond: RespondFn, locale: Locale, error: unknown) => {
    if (!isInnspillError(error)) logger.error({ err: error }, 'slack action failed');
    background.run('action refusal', () => privately(respond, describeError(locale, error)));
  };

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTIONS.vote}_\\d{1,2}$`), async ({ body, action, ack, respond }) => {
    const actor = who(body);
    const target = parseVoteValue(action.value);
    if (!actor || !target) {
      logger.warn({ actionId: action.action_id }, 'vote button with an unreadable value ignored');
      await ack();
      return;
    }
    try {
      const result = await core.vote(actor, target.pollId, target.option, { dedupeKey: `${actor.id}:${action.action_ts}` });
      await ack();
      updater.schedule(target.pollId);
      const m = catalog(actor.locale).messages;
      const text = result.choices.length ? m.voteRecorded({ options: result.choices.map((i) => result.poll.options[i]).join(', ') }) : m.voteRemoved;
      background.run('vote confirmation', () => privately(respond, text));
    } catch (error) {
      await ack();
      // A vote on a poll that closed by its clock: the message still shows buttons, so refresh it.
      if (isInnspillError(error) && error.code === 'poll_closed') updater.schedule(target.pollId);
      refuse(respond, actor.locale, error);
    }
  });

  for (const [actionId, close] of [[ACTIONS.close, true], [ACTIONS.reopen, false]] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ body, action, ack, respond }) => {
      const actor = who(body);
      const pollId = parsePollId(action.value);
      if (!actor || pollId === null) {
        logger.warn({ actionId }, 'poll button with an unreadable value ignored');
        await ack();
        return;
      }
      try {
        const poll = close ? await core.closePoll(actor, pollId) : await core.reopenPoll(actor, pollId);
        await ack();
        updater.schedule(pollId);
        const m = catalog(actor.locale).messages;
        background.run('poll state confirmation', () => privately(respond, (close ? m.pollClosedNow : m.pollReopened)({ question: poll.question })));
      } catch (error) {
        await ack();
        refuse(respond, actor.locale, error);
      }
    });
  }

  app.action<BlockAction<ButtonAction>>(MESSAGE_ACTIONS.deleteConfirm, async ({ body, ack, respond }) => {
    const actor = who(body);
    if (!actor) return ack();
    try {
      const deleted = await core.forgetMe(actor);
      await ack();
      background.run('delete confirmation', () => respond({ replace_original: true, ...textMessage(catalog(actor.locale).messages.deleted(deleted)) }));
    } catch (error) {
      await ack();
      refuse(respond, actor.locale, error);
    }
  });

  app.action<BlockAction<ButtonAction>>(MESSAGE_ACTIONS.deleteCancel, async ({ body, ack, respond }) => {
    await ack();
    const actor = who(body);
    if (actor) background.run('delete cancelled', () => respond({ replace_original: true, ...textMessage(catalog(actor.locale).messages.deleteCancelled) }));
  });

  app.action<BlockAction<ButtonAction>>(HOME_ACTIONS.openSuggestion, async ({ body, ack, client }) => {
    await ack();
    const actor = who(body);
    if (!actor) return;
    const view = suggestionModal(actor.locale, core.settings.topics, {});
    background.run('views.open', () => client.views.open({ trigger_id: body.trigger_id, view: view as never }));
  });

  app.action<BlockAction<ButtonAction>>(HOME_ACTIONS.openProfile, async ({ body, ack, client }) => {
    const actor = who(body);
    const view = actor ? profileModal(actor.locale, await core.getProfile(actor)) : null;
    await ack();
    if (view) background.run('views.open', () => client.views.open({ trigger_id: body.trigger_id, view: view as never }));
  });

  // Anything else (an old message's button, a future action id) is answered and logged, never an error.
  app.action(/.*/, async ({ action, ack }) => {
    const id = 'action_id' in action ? action.action_id : action.type;
    if (isKnownAction(id)) return;
    logger.warn({ actionId: id }, 'unknown slack action ignored');
    await ack();
  });
}

function isKnownAction(id: string): boolean {
  return (
    new RegExp(`^${ACTIONS.vote}_\\d{1,2}$`).test(id) ||
    [ACTIONS.close, ACTIONS.reopen, ...Object.values(MESSAGE_ACTIONS), ...Object.values(HOME_ACTIONS)].includes(id as never)
  );
}
