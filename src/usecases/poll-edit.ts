import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/participant.ts';
import { workspaceKey } from '../domain/participant.ts';
import { OPERATOR_ID } from '../domain/follow-up.ts';
import { may } from '../domain/permissions.ts';
import { mayVoteFrom, type Poll } from '../domain/poll.ts';
import { InnspillError } from '../errors.ts';
import { checkPollTexts, type PollSyntaxError } from '../polls/syntax.ts';
import type { Tx } from '../ports/unit-of-work.ts';
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
  const { question: q, options: o } = checked.draft;
  const edited = await changed(deps, poll, (tx) => tx.polls.edit(pollId, q, o));
  if (edited) return { ok: true, poll: edited };
  // Nothing changed: a vote came first, or the poll was deleted in the meantime.
  const current = await deps.store.polls.get(pollId);
  throw new InnspillError(!current || current.deletedAt ? 'poll_not_found' : 'poll_has_votes');
}

/** Deletes the poll with its votes; its messages are then updated to say it was deleted. */
export async function deletePoll(deps: CoreDeps, actor: PollEditor, pollId: number): Promise<Poll> {
  const poll = await managedPoll(deps, actor, pollId);
  const now = deps.clock();
  const deleted = await changed(deps, poll, (tx) => tx.polls.remove(pollId, now));
  if (!deleted) throw new InnspillError('poll_not_found');
  return deleted;
}

/** The change and the update of the poll's messages in one transaction; the poll as it now stands, or null if nothing changed. */
function changed(deps: CoreDeps, poll: Poll, change: (tx: Tx) => Promise<boolean>): Promise<Poll | null> {
  const now = deps.clock();
  const key = randomUUID();
  return deps.store.unitOfWork.run(async (tx) => {
    if (!(await change(tx))) return null;
    await queuePollRefresh(tx, poll, key, now);
    return tx.polls.get(poll.id);
  });
}
