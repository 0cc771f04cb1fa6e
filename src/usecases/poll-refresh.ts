import { parseWorkspaceKey } from '../domain/participant.ts';
import type { Poll } from '../domain/poll.ts';
import type { Recipient } from '../ports/delivery.ts';
import type { NewOutboxMessage } from '../ports/outbox.ts';
import type { Tx } from '../ports/unit-of-work.ts';
import type { CoreDeps } from './context.ts';

/**
 * Queues, in the edit's or the delete's own transaction, the update of every posted copy of the
 * poll, so a crash after the commit cannot lose it and a change made anywhere (a chat, the command
 * line, another replica) reaches every copy through the durable outbox: retried, paced, kept across
 * a restart. The copy is rendered when the message is sent, so a later edit never shows an older
 * state. Each change queues its own updates (`change`, a key of its own): two changes in one
 * millisecond, or an edit back to an earlier text, must not be taken for one already sent.
 *
 * - Teams: one update per copy the outbox knows (its activity id), posted by the outbox or kept
 *   from the answer in a turn (`recordSent`).
 * - Slack: one update per workspace that may hold a copy (the poll's own, and each the outbox sent
 *   it to); Slack's sender finds the copies in its own records (channel posts, chats, reminders),
 *   which the core does not know.
 */
export async function queuePollRefresh(tx: Tx, poll: Pick<Poll, 'id' | 'workspaceKey'>, change: string, now: Date): Promise<void> {
  const pollId = poll.id;
  const label = `poll:${pollId}`;
  const copies = await tx.outbox.sentRefs(pollId);
  const teams: NewOutboxMessage[] = copies
    .filter((ref) => ref.platform === 'teams')
    .map((ref) => ({
      platform: 'teams',
      workspaceId: ref.workspaceId,
      recipient: ref.recipient,
      payload: { type: 'poll_refresh', pollId, activityId: ref.platformRef },
      dedupeKey: `poll_refresh:${pollId}:${ref.platformRef}:${change}`,
      label,
    }));
  const slackWorkspaces = new Set(copies.filter((ref) => ref.platform === 'slack').map((ref) => ref.workspaceId));
  const own = parseWorkspaceKey(poll.workspaceKey);
  if (own.platform === 'slack') slackWorkspaces.add(own.workspaceId);
  const slack: NewOutboxMessage[] = [...slackWorkspaces].map((workspaceId) => ({
    platform: 'slack',
    workspaceId,
    recipient: { kind: 'workspace' },
    payload: { type: 'poll_refresh', pollId },
    dedupeKey: `poll_refresh:${pollId}:slack:${workspaceId}:${change}`,
    label,
  }));
  await tx.outbox.enqueue([...teams, ...slack], now);
}

/** A copy of a poll a platform posted outside the outbox, where the platform's updates need its reference. */
export interface PollCopy {
  pollId: number;
  platform: 'slack' | 'teams';
  workspaceId: string;
  recipient: Recipient;
  /** The platform's id of the posted message (a Teams activity id). */
  platformRef: string;
}

/**
 * Keeps a poll's copy posted as the answer in a turn (a Teams card) as a sent poll message, so the
 * refresh after an edit or a delete reaches it like a copy the outbox posted.
 */
export function recordPollCopy(deps: CoreDeps, copy: PollCopy): Promise<void> {
  const message: NewOutboxMessage = {
    platform: copy.platform,
    workspaceId: copy.workspaceId,
    recipient: copy.recipient,
    payload: { type: 'poll', pollId: copy.pollId },
    dedupeKey: `poll_posted:${copy.pollId}:${copy.platform}:${copy.workspaceId}:${copy.platformRef}`,
    label: `poll:${copy.pollId}`,
  };
  return deps.store.outbox.recordSent(message, copy.platformRef, deps.clock());
}
