import { decideVote, mayVoteFrom, pollRevision, type Poll } from '../domain/poll.ts';
import { segmentOf, workspaceKey } from '../domain/participant.ts';
import { publishableSegment } from '../privacy/published.ts';
import type { TouchParticipant } from '../ports/store.ts';
import type { Tx } from '../ports/unit-of-work.ts';

/** One click, with the voter's pseudonyms already made from the key file. */
export interface CastVote {
  pollId: number;
  voter: Omit<TouchParticipant, 'now'>;
  /** The voter's pseudonym in this poll: votes never carry who cast them, and no two polls share one. */
  voterKey: string;
  /** The voter's activity pseudonym, for participation counts. */
  activityKey: string;
  /** In an anonymous poll the vote keeps only the segment level at least this many participants share. */
  minGroupSize: number;
  option: number;
  /** The question and answers the clicked button was drawn for (`pollRevision`), when the button says. */
  revision?: string | undefined;
  now: Date;
  /**
   * A keyed hash of the click's delivery id: a replayed multiple-choice click changes nothing. Made
   * only when asked for, as only a multiple-choice poll needs it (a hash costs about what a statement does).
   */
  dedupeKey?: () => string;
}

export type VoteOutcome =
  | { ok: true; poll: Poll; choices: number[]; change: 'added' | 'moved' | 'removed' | 'unchanged'; duplicate: boolean }
  | { ok: false; code: 'poll_not_found' | 'poll_closed' | 'poll_bad_option' | 'poll_other_workspace' | 'poll_changed'; poll: Poll | null };

/**
 * The vote, decided here and written through `tx` in one transaction: the poll is read once, the
 * workspace rule applied, the voter touched (quietly in an anonymous poll, so no last-seen day ties
 * them to the vote), and `decideVote` turns the current choices and the click into the rows and
 * counts storage is told to write.
 */
export async function castVote(tx: Tx, v: CastVote): Promise<VoteOutcome> {
  const poll = await tx.polls.get(v.pollId);
  if (!poll) return { ok: false, code: 'poll_not_found', poll: null };
  if (!mayVoteFrom(poll, workspaceKey(v.voter))) return { ok: false, code: 'poll_other_workspace', poll };
  // A click on a copy drawn before an edit: its option number may now name another answer.
  if (v.revision !== undefined && !poll.deletedAt && v.revision !== pollRevision(poll)) return { ok: false, code: 'poll_changed', poll };
  const voter = await tx.participants.touch({ ...v.voter, now: v.now, quiet: poll.anonymous });
  const current = await tx.votes.choices(v.pollId, v.voterKey);
  // Only a multiple-choice click can undo itself when replayed; in single choice a replay changes
  // nothing, so the delivery needs no record (one write less on the busiest path).
  if (v.dedupeKey && poll.multipleChoice && !(await tx.deliveries.claim('vote', v.dedupeKey(), v.now))) {
    return { ok: true, poll, choices: current, change: 'unchanged', duplicate: true };
  }
  const decision = decideVote(poll, current, v.option, v.now);
  if (!decision.ok) return { ok: false, code: decision.code, poll };
  if (decision.change === 'unchanged') return { ok: true, poll, choices: decision.choices, change: 'unchanged', duplicate: false };
  const segment = poll.anonymous ? publishableSegment(segmentOf(voter.profile), await tx.participants.segmentGroups(), v.minGroupSize) : segmentOf(voter.profile);
  const dropped = decision.change === 'moved' ? current : decision.change === 'removed' ? [v.option] : [];
  const voterDelta = Number(decision.choices.length > 0) - Number(current.length > 0);
  // The writes are issued in order and awaited together: storage runs them in this order, and the
  // vote is one await longer, not six, on the busiest path.
  await Promise.all([
    dropped.length ? tx.votes.delete(v.pollId, v.voterKey, dropped) : null,
    ...dropped.map((old) => tx.polls.addToTally(v.pollId, old, -1)),
    decision.change !== 'removed' ? tx.votes.insert({ pollId: v.pollId, voterKey: v.voterKey, option: v.option, single: !poll.multipleChoice, segment, votedAt: v.now }) : null,
    decision.change !== 'removed' ? tx.polls.addToTally(v.pollId, v.option, 1) : null,
    voterDelta ? tx.polls.addVoters(v.pollId, voterDelta) : null,
    tx.activity.note(v.activityKey, segment, v.now),
  ]);
  return { ok: true, poll, choices: decision.choices, change: decision.change, duplicate: false };
}
