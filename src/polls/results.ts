import { pollPhase, resultsVisible, type Poll } from '../domain/poll.ts';
import type { DigestPeriod, DigestPollInput } from '../digest/model.ts';
import type { ExportSource } from '../export/model.ts';

/** A poll with its running counts, as storage keeps them: no rule applied yet. */
export interface PollResult {
  poll: Poll;
  /** Votes per option, one entry for each of the poll's options. */
  counts: number[];
  /** People with at least one choice. */
  voters: number;
}

/**
 * The poll was open at some moment of the period: created (and, if scheduled, started) before its
 * end, not closed before its start, and not deleted.
 */
export function openDuring(poll: Pick<Poll, 'createdAt' | 'closedAt' | 'closesAt' | 'startsAt' | 'deletedAt'>, period: DigestPeriod): boolean {
  const start = period.start.getTime();
  return (
    !poll.deletedAt &&
    (poll.startsAt ?? poll.createdAt).getTime() < period.end.getTime() &&
    poll.createdAt.getTime() < period.end.getTime() &&
    (!poll.closedAt || poll.closedAt.getTime() >= start) &&
    (!poll.closesAt || poll.closesAt.getTime() >= start)
  );
}

/** The polls a digest of the period reports on, as they stood at its end. */
export function digestPolls(results: readonly PollResult[], period: DigestPeriod): DigestPollInput[] {
  return results
    .filter((r) => openDuring(r.poll, period))
    .map(({ poll, counts, voters }) => ({
      id: poll.id,
      question: poll.question,
      options: poll.options,
      counts,
      voters,
      closed: pollPhase(poll, period.end) === 'closed',
      everyone: poll.audience.kind === 'everyone',
      anonymous: poll.anonymous,
      hiddenUntilClose: !resultsVisible(poll, period.end),
      multipleChoice: poll.multipleChoice,
      closesAt: poll.closesAt,
    }));
}

/**
 * The polls whose results are public now: posted and not deleted, and not one that shows them only
 * after closing while it is open.
 */
export function exportedPolls(results: readonly PollResult[], now: Date): ExportSource['polls'] {
  return results
    .filter((r) => {
      const phase = pollPhase(r.poll, now);
      return (phase === 'open' || phase === 'closed') && resultsVisible(r.poll, now);
    })
    .map(({ poll, counts, voters }) => ({
      id: poll.id,
      question: poll.question,
      closed: pollPhase(poll, now) === 'closed',
      anonymous: poll.anonymous,
      voters,
      createdAt: poll.createdAt.toISOString(),
      options: poll.options.map((label, i) => ({ label, votes: counts[i] ?? 0 })),
    }));
}
