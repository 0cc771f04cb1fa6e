import type { Actor } from '../../../src/domain/participant.ts';
import { isInnspillError } from '../../../src/errors.ts';
import { catalog } from '../../../src/i18n/index.ts';
import { isObject, parseVoteValue } from '../parse.ts';
import { ACTIONS } from '../render/poll.ts';
import { clickAnswers, type Answerable } from './answers.ts';
import type { HandlerDeps } from './deps.ts';

/** A poll option's button: `innspill_vote_<n>`. */
export const VOTE_ACTION = new RegExp(`^${ACTIONS.vote}_\\d{1,2}$`);

/** A vote click: an option's button, or the menu of a poll with many options (its choice in `selected_option`). */
export const isVoteAction = (actionId: string): boolean => VOTE_ACTION.test(actionId) || actionId === ACTIONS.voteSelect;

/**
 * The value a vote click carries: a button's own, or the chosen entry of a many-option poll's menu;
 * null for anything else. Checked field by field: the direct route hands over the payload as parsed.
 */
export function voteValueOf(action: Record<string, unknown>): { value: string | undefined } | null {
  if (action.type === 'button' && typeof action.action_id === 'string' && VOTE_ACTION.test(action.action_id)) {
    return action.value === undefined || typeof action.value === 'string' ? { value: action.value } : null;
  }
  if (action.type === 'static_select' && action.action_id === ACTIONS.voteSelect && isObject(action.selected_option)) {
    return typeof action.selected_option.value === 'string' ? { value: action.selected_option.value } : null;
  }
  return null;
}

/**
 * What a vote needs of a click, whether Bolt routed it (the action as Slack sent it) or the direct
 * route read it (its `value` already taken by `voteValueOf`; see direct-votes.ts).
 */
export interface VoteClick {
  body: Answerable;
  action: { action_id: string; value?: string | undefined; action_ts: string };
  ack(): Promise<void>;
}

/**
 * The one vote handler. A vote is acknowledged only once it is committed; the voter's confirmation
 * goes through `response_url`, and the poll message is left to the updater, which folds a burst of
 * clicks into a few updates. No Web API call and no bot token are needed on this path.
 */
export function createVoteHandler(deps: Pick<HandlerDeps, 'core' | 'updater' | 'logger' | 'responder'>) {
  const { core, updater, logger } = deps;
  const { privately, refuse } = clickAnswers(deps);
  return async ({ body, action, ack }: VoteClick, actor: Actor): Promise<void> => {
    // A button carries `<poll>:<option>:<revision>` as its value, a menu as the chosen option's value.
    const target = parseVoteValue(action.value ?? voteValueOf(action as Record<string, unknown>)?.value);
    if (!target) {
      logger.warn({ actionId: action.action_id }, 'vote button with an unreadable value ignored');
      return ack();
    }
    try {
      const result = await core.vote(actor, target.pollId, target.option, { dedupeKey: `${actor.id}:${action.action_ts}`, revision: target.revision });
      await ack();
      updater.schedule(target.pollId);
      const m = catalog(actor.locale).messages;
      privately(body, result.choices.length ? m.voteRecorded({ options: result.choices.map((i) => result.poll.options[i]).join(', ') }) : m.voteRemoved);
    } catch (error) {
      await ack();
      // A vote on a poll that closed by its clock, or on a copy drawn before an edit: the message is out of date, so refresh it.
      if (isInnspillError(error) && (error.code === 'poll_closed' || error.code === 'poll_changed')) updater.schedule(target.pollId);
      refuse(body, actor, error);
    }
  };
}
