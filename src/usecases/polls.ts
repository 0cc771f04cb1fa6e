import { InnspillError } from '../errors.ts';
import { workspaceKey, type Actor } from '../domain/participant.ts';
import { isPollOpen, mayVoteFrom, resultsVisible, type Poll, type Tally } from '../domain/poll.ts';
import { may } from '../domain/permissions.ts';
import { parsePollCommand, type PollDraft, type PollSyntaxError } from '../polls/syntax.ts';
import type { CoreDeps } from './context.ts';
import type { Delivery } from './suggestions.ts';
import { castVote } from './cast-vote.ts';
import { planPollTimes } from './poll-plans.ts';

/** Where a poll is posted: a channel or chat of the creator's workspace. */
export interface PollPlace {
  channelId: string;
}

export { resolveClose } from './poll-plans.ts';

export async function createPoll(deps: CoreDeps, actor: Actor, draft: PollDraft, place: PollPlace): Promise<Poll> {
  const isMember = await deps.store.members.isMember(actor.id);
  const subject = { id: actor.id, isMember };
  if (!may(subject, draft.everyone ? 'poll_everyone' : 'poll_channel', deps.settings)) throw new InnspillError('not_allowed');
  const now = deps.clock();
  const times = planPollTimes(draft, now, deps.settings.timeZone, deps.cron);
  if (!times.ok) throw new InnspillError('poll_invalid', { reason: times.error.code });
  const { startsAt, closesAt, series, remindAt } = times;
  if (closesAt && closesAt.getTime() <= now.getTime()) throw new InnspillError('poll_invalid', { reason: 'closes_in_past' });
  await deps.store.participants.touch({ ...actor, now });
  const broadcast = draft.everyone ? await everyoneBut(deps, actor.id) : undefined;
  // A scheduled channel poll is posted by the outbox at its time (the console has no outbox: it just opens then).
  const post =
    startsAt && !draft.everyone && actor.platform !== 'console'
      ? { platform: actor.platform as 'slack' | 'teams', workspaceId: actor.workspaceId, recipient: { kind: 'channel' as const, channelId: place.channelId }, label: `channel:${place.channelId}` }
      : undefined;
  return deps.store.polls.create({
    ...(broadcast ? { broadcast } : {}),
    ...(startsAt ? { startsAt } : {}),
    ...(post ? { post } : {}),
    ...(series ? { series } : {}),
    ...(remindAt.length ? { remindAt } : {}),
    question: draft.question,
    options: draft.options,
    multipleChoice: draft.multipleChoice,
    anonymous: draft.anonymous,
    resultsVisibility: draft.resultsAfterClose ? 'after_close' : 'live',
    closesAt,
    audience: draft.everyone
      ? { kind: 'everyone' }
      : { kind: 'channel', platform: actor.platform, workspaceId: actor.workspaceId, channelId: place.channelId },
    creatorId: actor.id,
    workspaceKey: workspaceKey(actor),
    createdAt: now,
  });
}

/** Every participant the bot can write to on Slack or Teams, except the one sending. */
export async function everyoneBut(deps: CoreDeps, creatorId: string) {
  return (await deps.store.participants.list())
    .filter((p): p is typeof p & { platform: 'slack' | 'teams' } => p.platform !== 'console' && p.id !== creatorId)
    .map((p) => ({ platform: p.platform, workspaceId: p.workspaceId, recipient: { kind: 'user' as const, userId: p.userId }, label: p.id }));
}

export type CreateFromTextResult = { ok: true; poll: Poll } | { ok: false; syntax: PollSyntaxError };

export async function createPollFromText(deps: CoreDeps, actor: Actor, text: string, place: PollPlace): Promise<CreateFromTextResult> {
  const parsed = parsePollCommand(text);
  if (!parsed.ok) return { ok: false, syntax: parsed.error };
  const times = planPollTimes(parsed.draft, deps.clock(), deps.settings.timeZone, deps.cron);
  if (!times.ok) return { ok: false, syntax: times.error };
  return { ok: true, poll: await createPoll(deps, actor, parsed.draft, place) };
}

async function pollFor(deps: CoreDeps, actor: Actor, pollId: number): Promise<Poll> {
  const poll = await deps.store.polls.get(pollId);
  if (!poll) throw new InnspillError('poll_not_found');
  if (!mayVoteFrom(poll, workspaceKey(actor))) throw new InnspillError('poll_other_workspace');
  return poll;
}

export interface VoteResult {
  poll: Poll;
  choices: number[];
  change: 'added' | 'moved' | 'removed' | 'unchanged';
  duplicate: boolean;
}

/** A click's delivery, and the question and answers its button was drawn for (`pollRevision`), if it says. */
export interface VoteClick extends Delivery {
  revision?: string | undefined;
}

/** The hot path: one unit of work per click (the store may group a burst into one commit). */
export async function vote(deps: CoreDeps, actor: Actor, pollId: number, option: number, delivery: VoteClick = {}): Promise<VoteResult> {
  const outcome = await deps.store.unitOfWork.run((tx) => castVote(tx, {
    pollId,
    voter: { id: actor.id, platform: actor.platform, workspaceId: actor.workspaceId, userId: actor.userId, locale: actor.locale },
    voterKey: deps.vault.voterKey(pollId, actor.id),
    activityKey: deps.vault.activityKey(actor.id),
    minGroupSize: deps.settings.minGroupSize,
    option,
    revision: delivery.revision,
    now: deps.clock(),
    // A click's delivery id may hold the person's id (Slack's does); kept only as a keyed hash.
    ...(delivery.dedupeKey ? { dedupeKey: () => deps.vault.deliveryKey(delivery.dedupeKey!) } : {}),
  }));
  if (!outcome.ok) throw new InnspillError(outcome.code);
  return { poll: outcome.poll, choices: outcome.choices, change: outcome.change, duplicate: outcome.duplicate };
}

async function setClosed(deps: CoreDeps, actor: Actor, pollId: number, close: boolean): Promise<Poll> {
  const poll = await pollFor(deps, actor, pollId);
  const isMember = await deps.store.members.isMember(actor.id);
  if (!may({ id: actor.id, isMember }, 'close_poll', deps.settings, poll)) throw new InnspillError('not_allowed');
  const now = deps.clock();
  return (await deps.store.polls.setClosed(pollId, close ? now : null, now))!;
}

export const closePoll = (deps: CoreDeps, actor: Actor, pollId: number) => setClosed(deps, actor, pollId, true);
export const reopenPoll = (deps: CoreDeps, actor: Actor, pollId: number) => setClosed(deps, actor, pollId, false);

export interface PollView {
  poll: Poll;
  /** Null while results are hidden until closing. */
  tally: Tally | null;
  /** Voters so far, shown even while the counts are hidden. */
  voters: number;
  open: boolean;
}

/** What anyone looking at the poll may see now; the same for every viewer, so one message fits all. */
export async function viewPoll(deps: CoreDeps, pollOrId: Poll | number): Promise<PollView> {
  const poll = typeof pollOrId === 'number' ? await deps.store.polls.get(pollOrId) : pollOrId;
  if (!poll) throw new InnspillError('poll_not_found');
  const now = deps.clock();
  const tally = await deps.store.polls.tally(poll.id);
  return { poll, tally: resultsVisible(poll, now) ? tally : null, voters: tally.voters, open: isPollOpen(poll, now) };
}

export async function myChoices(deps: CoreDeps, actor: Actor, pollId: number): Promise<number[]> {
  return deps.store.polls.choices(pollId, deps.vault.voterKey(pollId, actor.id));
}

export async function openPolls(deps: CoreDeps, actor: Actor, limit = 20): Promise<Poll[]> {
  return deps.store.polls.listOpen(workspaceKey(actor), deps.clock(), limit);
}
