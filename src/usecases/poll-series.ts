import { InnspillError } from '../errors.ts';
import type { Poll, Tally } from '../domain/poll.ts';
import { resultsVisible } from '../domain/poll.ts';
import type { NewRound } from '../ports/store.ts';
import type { CoreDeps } from './context.ts';
import { everyoneBut, type PollPlace } from './polls.ts';
import { pollCommand } from './poll-chat.ts';
import { pollReminder } from './poll-reminders.ts';
import { deletePoll, editPoll, type PollEditor } from './poll-edit.ts';
import { recordPollCopy, type PollCopy } from './poll-refresh.ts';
import type { Actor } from '../domain/participant.ts';

/**
 * Starts every recurring poll's round that is due: a new poll copying the first round, posted
 * through the outbox (to the channel, or to everyone again). Rounds missed while the bot was down
 * become one round now, not a burst; the store starts a round only once, whatever other process
 * runs this at the same moment. Returns the rounds started.
 */
export async function runDuePollRounds(deps: CoreDeps): Promise<Poll[]> {
  const { cron } = deps;
  if (!cron) return [];
  const now = deps.clock();
  const started: Poll[] = [];
  for (const series of await deps.store.polls.dueSeries(now)) {
    const startsAt = series.nextAt!;
    const nextAt = cron.next(series.cron, now, deps.settings.timeZone);
    let closesAt = series.closeAfterMs ? new Date(startsAt.getTime() + series.closeAfterMs) : nextAt;
    // A round that would have closed already (the bot was down) stays open until the next one.
    if (closesAt && closesAt.getTime() <= now.getTime()) closesAt = nextAt;
    const { first } = series;
    const round: NewRound = { seriesId: series.id, expectedNextAt: startsAt, nextAt, startsAt, closesAt, createdAt: now };
    if (first.audience.kind === 'everyone') {
      round.broadcast = await everyoneBut(deps, first.creatorId);
      // Each round reminds as the first did; a reminder that would come after the round closes is left out.
      const remindAt = series.remindAfterMs.map((ms) => new Date(startsAt.getTime() + ms)).filter((at) => !closesAt || at < closesAt);
      if (remindAt.length) round.remindAt = remindAt;
    }
    else if (first.audience.platform === 'slack' || first.audience.platform === 'teams') {
      const { platform, workspaceId, channelId } = first.audience;
      round.post = { platform, workspaceId, recipient: { kind: 'channel', channelId }, label: `channel:${channelId}` };
    }
    const poll = await deps.store.polls.startRound(round);
    if (poll) started.push(poll);
  }
  return started;
}

export interface RoundResult {
  round: number;
  pollId: number;
  startsAt: Date;
  /** Null while the round hides its counts until it closes. */
  tally: Tally | null;
  voters: number;
}

/** Every round of the series a poll belongs to, with what may be shown of each: the round-by-round comparison. */
export async function pollRounds(deps: CoreDeps, pollId: number): Promise<{ poll: Poll; rounds: RoundResult[] }> {
  const poll = await deps.store.polls.get(pollId);
  if (!poll) throw new InnspillError('poll_not_found');
  if (!poll.seriesId) return { poll, rounds: [] };
  const now = deps.clock();
  const rounds = await Promise.all(
    (await deps.store.polls.rounds(poll.seriesId)).map(async (r) => {
      const tally = await deps.store.polls.tally(r.id);
      return { round: r.round ?? 1, pollId: r.id, startsAt: r.startsAt ?? r.createdAt, tally: resultsVisible(r, now) ? tally : null, voters: tally.voters };
    }),
  );
  return { poll, rounds };
}

/** Recurring polls, and later the other poll plans, as the core's surface shows them. */
export function pollPlanUseCases(deps: CoreDeps) {
  return {
    runDueRounds: () => runDuePollRounds(deps),
    rounds: (pollId: number) => pollRounds(deps, pollId),
    /** `/poll <text>`: a subcommand (`runder`, `rediger`, `slett`) or a new poll in `place`. */
    command: (actor: Actor, text: string, cmd: string, place: PollPlace) => pollCommand(deps, actor, text, cmd, place),
    /** Whether a queued poll reminder goes, decided when it is due. */
    reminder: (payload: { pollId: number; participantId: string }) => pollReminder(deps, payload),
    /** `innspill poll edit|delete`: what `/poll rediger|slett` does, for the operator too. */
    edit: (actor: PollEditor, pollId: number, question: string, options: string[]) => editPoll(deps, actor, pollId, question, options),
    delete: (actor: PollEditor, pollId: number) => deletePoll(deps, actor, pollId),
    /** A poll's copy posted as the answer in a turn, kept so later edits and deletes update it too. */
    posted: (copy: PollCopy) => recordPollCopy(deps, copy),
  };
}
