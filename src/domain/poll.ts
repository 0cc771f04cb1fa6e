import { createHash } from 'node:crypto';
import type { ParticipantId } from './participant.ts';

export const POLL_MIN_OPTIONS = 2;
export const POLL_MAX_OPTIONS = 25;
/**
 * Up to this many options a poll shows one button per option; above it, a menu (Slack static_select,
 * Teams Input.ChoiceSet), since a wall of 25 buttons buries the question.
 */
export const POLL_BUTTON_OPTIONS_MAX = 10;
export const POLL_QUESTION_MAX = 300;
/** Slack cuts button labels past 75 characters; Teams cards follow the same limit to look alike. */
export const POLL_OPTION_MAX = 75;

export type PollAudience =
  | { kind: 'channel'; platform: string; workspaceId: string; channelId: string }
  | { kind: 'everyone' };

export type ResultsVisibility = 'live' | 'after_close';

export interface PollSettings {
  multipleChoice: boolean;
  anonymous: boolean;
  closesAt: Date | null;
  resultsVisibility: ResultsVisibility;
}

export interface Poll extends PollSettings {
  id: number;
  question: string;
  options: string[];
  audience: PollAudience;
  creatorId: ParticipantId;
  /** The creator's workspace: a channel poll belongs to it alone. */
  workspaceKey: string;
  createdAt: Date;
  closedAt: Date | null;
  /** A scheduled poll (`--at`): posted, and open for votes, from this time; null when posted at once. */
  startsAt?: Date | null;
  /** A round of a recurring poll (`--every`): its series, and which round (from 1). */
  seriesId?: number | null;
  round?: number | null;
  /** Deleted by its creator or a member: its messages say so, and its question, options and votes are gone. */
  deletedAt?: Date | null;
}

/**
 * The question and answers a vote button was drawn for, as a short hash the button carries back. An
 * answer is known by its number, so after an edit (allowed while no one has voted) a click on a copy
 * still showing the old answers, its update on its way or lost, must not count for whichever answer
 * now has that number.
 */
export function pollRevision(poll: Pick<Poll, 'question' | 'options'>): string {
  return createHash('sha256').update(JSON.stringify([poll.question, poll.options])).digest('hex').slice(0, 8);
}

/** A revision as `pollRevision` makes it, for the adapters' checks of what a click carries. */
export const POLL_REVISION = /^[0-9a-f]{8}$/;

/**
 * Where a poll stands: deleted; scheduled (`--at`) and not posted yet; open; or closed, by hand or by
 * its clock. "Not open" is not "closed": a deleted or not yet started poll has no result to show.
 */
export type PollPhase = 'deleted' | 'scheduled' | 'open' | 'closed';

type PhaseFields = Pick<Poll, 'closedAt' | 'closesAt'> & { startsAt?: Date | null; deletedAt?: Date | null };

export function pollPhase(poll: PhaseFields, now: Date): PollPhase {
  if (poll.deletedAt) return 'deleted';
  if (poll.closedAt || (poll.closesAt && poll.closesAt.getTime() <= now.getTime())) return 'closed';
  if (poll.startsAt && poll.startsAt.getTime() > now.getTime()) return 'scheduled';
  return 'open';
}

export const isPollOpen = (poll: PhaseFields, now: Date): boolean => pollPhase(poll, now) === 'open';

/** A channel poll belongs to its workspace; a poll to everyone takes votes from every workspace. */
export function mayVoteFrom(poll: Pick<Poll, 'audience' | 'workspaceKey'>, voterWorkspaceKey: string): boolean {
  return poll.audience.kind === 'everyone' || poll.workspaceKey === voterWorkspaceKey;
}

export type VoteDecision =
  | { ok: true; choices: number[]; change: 'added' | 'moved' | 'removed' | 'unchanged' }
  | { ok: false; code: 'poll_closed' | 'poll_bad_option' };

/**
 * The vote rules, with no storage in sight: a click records; in single choice a click on another
 * option moves the vote and a repeated click keeps it (so a double click never undoes a vote);
 * in multiple choice a second click on the same option takes it back.
 */
export function decideVote(
  poll: Pick<Poll, 'options' | 'multipleChoice' | 'closedAt' | 'closesAt'>,
  current: readonly number[],
  option: number,
  now: Date,
): VoteDecision {
  if (!isPollOpen(poll, now)) return { ok: false, code: 'poll_closed' };
  if (!Number.isInteger(option) || option < 0 || option >= poll.options.length) {
    return { ok: false, code: 'poll_bad_option' };
  }
  const has = current.includes(option);
  if (poll.multipleChoice) {
    return has
      ? { ok: true, choices: current.filter((o) => o !== option), change: 'removed' }
      : { ok: true, choices: [...current, option].sort((a, b) => a - b), change: 'added' };
  }
  if (has) return { ok: true, choices: [option], change: 'unchanged' };
  return { ok: true, choices: [option], change: current.length ? 'moved' : 'added' };
}

export interface Tally {
  counts: number[];
  /** People who chose at least one option. */
  voters: number;
}

/** What a viewer may see of the counts right now. */
export function resultsVisible(poll: Pick<Poll, 'resultsVisibility'> & PhaseFields, now: Date): boolean {
  return poll.resultsVisibility === 'live' || pollPhase(poll, now) === 'closed';
}
