import type { Actor } from '../domain/participant.ts';
import { workspaceKey } from '../domain/participant.ts';
import { OPERATOR_ID } from '../domain/follow-up.ts';
import { may } from '../domain/permissions.ts';
import { mayVoteFrom, type Poll } from '../domain/poll.ts';
import { InnspillError } from '../errors.ts';
import { checkPollTexts, type PollSyntaxError } from '../polls/syntax.ts';
import type { CoreDeps } from './context.ts';
import { queuePollRefresh } from './poll-refresh.ts';

/** Who changes a poll: a person in chat, or the operator at the command line (`OPERATOR_ID`). */
export type PollEditor = Actor | { id: typeof OPERATOR_ID };

/** The poll, if this person may change it: its creator or a project member (the rule that closes it), in its workspace. */
async function managedPoll(deps: CoreDeps, actor: PollEditor, pollId: number): Promise<Poll> {
  const poll = await deps.store.polls.get(pollId);
  if (!poll || poll.deletedAt) throw new InnspillError('poll_not_found');
  // The operator holds the database anyway; the CLI acts as the project group, in every workspace.
  if (!('platform' in actor)) return poll;
  if (!mayVoteFrom(poll, workspaceKey(actor))) throw new InnspillError('poll_other_workspace');
  const isMember = await deps.store.members.isMember(actor.id);
  if (!may({ id: actor.id, isMember }, 'close_poll', deps.settings, poll)) throw new InnspillError('not_allowed');
  return poll;
}

export type EditResult = { ok: true; poll: Poll } | { ok: false; syntax: PollSyntaxError };

/** New question and options, checked as a new poll's are; refused once anyone has voted. */
export async function editPoll(deps: CoreDeps, actor: PollEditor, pollId: number, question: string, options: string[]): Promise<EditResult> {
  const poll = await managedPoll(deps, actor, pollId);
  const checked = checkPollTexts(question, options, { multipleChoice: poll.multipleChoice, anonymous: poll.anonymous, resultsAfterClose: false, everyone: false, closes: null });
  if (!checked.ok) return { ok: false, syntax: checked.error };
  const edited = await deps.store.polls.edit(pollId, checked.draft.question, checked.draft.options);
  if (!edited.ok) throw new InnspillError(edited.code);
  await queuePollRefresh(deps, pollId);
  return { ok: true, poll: edited.poll };
}

/** Deletes the poll with its votes; its messages are then updated to say it was deleted. */
export async function deletePoll(deps: CoreDeps, actor: PollEditor, pollId: number): Promise<Poll> {
  await managedPoll(deps, actor, pollId);
  const deleted = await deps.store.polls.remove(pollId, deps.clock());
  if (!deleted) throw new InnspillError('poll_not_found');
  await queuePollRefresh(deps, pollId);
  return deleted;
}
