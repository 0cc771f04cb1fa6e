import type { Actor } from '../domain/participant.ts';
import { workspaceKey } from '../domain/participant.ts';
import { mayVoteFrom, type Poll } from '../domain/poll.ts';
import { describeError, describePollSyntaxError, catalog } from '../i18n/index.ts';
import { parsePollCommand } from '../polls/syntax.ts';
import { deletePoll, editPoll } from './poll-edit.ts';
import { roundsText } from '../polls/rounds-text.ts';
import { InnspillError, isInnspillError } from '../errors.ts';
import type { CoreDeps } from './context.ts';
import { pollRounds } from './poll-series.ts';
import { scheduledPollText } from './poll-plans.ts';
import { createPollFromText, type PollPlace } from './polls.ts';

/** `runder 3`, `rediger 3 "Q?" "A" "B"`, `slett 3` (and English): the word, the poll, and the rest. */
const SUBCOMMAND = /^(runder|rounds|rediger|endre|edit|slett|delete)\b(?:\s+#?(\d{1,12})\b)?(.*)$/isu;
const VERB: Record<string, 'rounds' | 'edit' | 'delete'> = { runder: 'rounds', rounds: 'rounds', rediger: 'edit', endre: 'edit', edit: 'edit', slett: 'delete', delete: 'delete' };

/** A subcommand's answer (an edit or a delete has queued the update of the poll's posted messages). */
export interface PollChatAnswer {
  text: string;
}

/**
 * `/poll runder|rediger|slett <nr>` (`rounds|edit|delete`): the poll subcommands that are not a new
 * poll. Returns the answer, or null when the text is a poll to create. Anyone who may vote in a poll
 * may compare its rounds; its creator and the members may edit it (before any vote) or delete it.
 */
async function pollChat(deps: CoreDeps, actor: Actor, text: string, cmd: string): Promise<PollChatAnswer | null> {
  const match = SUBCOMMAND.exec(text.trim());
  if (!match) return null;
  const p = catalog(actor.locale).pollPlans;
  const verb = VERB[match[1]!.toLowerCase()]!;
  const rest = match[3]!.trim();
  if (!match[2] || (verb !== 'edit' && rest !== '')) return { text: p.usage({ cmd }) };
  const pollId = Number(match[2]);
  try {
    if (verb === 'delete') {
      await deletePoll(deps, actor, pollId);
      return { text: p.deleted({ id: pollId }) };
    }
    if (verb === 'edit') {
      const parsed = parsePollCommand(rest);
      if (!parsed.ok) return { text: describePollSyntaxError(actor.locale, parsed.error) };
      const edited = await editPoll(deps, actor, pollId, parsed.draft.question, parsed.draft.options);
      if (!edited.ok) return { text: describePollSyntaxError(actor.locale, edited.syntax) };
      return { text: p.edited({ id: pollId }) };
    }
    const { poll, rounds } = await pollRounds(deps, pollId);
    if (poll.deletedAt) throw new InnspillError('poll_not_found');
    if (!mayVoteFrom(poll, workspaceKey(actor))) throw new InnspillError('poll_other_workspace');
    if (!rounds.length) return { text: p.notRecurring({ id: poll.id }) };
    return { text: roundsText(actor.locale, deps.settings.timeZone, poll, rounds) };
  } catch (error) {
    if (!isInnspillError(error)) throw error;
    return { text: describeError(actor.locale, error) };
  }
}

/** What `/poll <text>` comes to: a sentence to answer with, or a poll to post now. */
export type PollCommandOutcome = PollChatAnswer | { poll: Poll };

/**
 * `/poll <text>` as every surface takes it: a subcommand's answer, or a new poll in `place`. A poll
 * that cannot be made is answered with why; a scheduled one with when it will be posted (the
 * outbox posts it then); only a poll to post now is handed back.
 */
export async function pollCommand(deps: CoreDeps, actor: Actor, text: string, cmd: string, place: PollPlace): Promise<PollCommandOutcome> {
  const answer = await pollChat(deps, actor, text, cmd);
  if (answer !== null) return answer;
  const result = await createPollFromText(deps, actor, text, place);
  if (!result.ok) return { text: describePollSyntaxError(actor.locale, result.syntax) };
  const scheduled = scheduledPollText(result.poll, actor.locale, deps.settings.timeZone);
  return scheduled === null ? { poll: result.poll } : { text: scheduled };
}
