import { randomUUID } from 'node:crypto';
import type { CoreDeps } from './context.ts';

/**
 * After an edit or a delete, every Teams copy of the poll already posted by the outbox (it has an
 * activity id) is queued to be shown again as the poll now stands. Slack's copies are kept by its
 * own updater (it records where each went); Teams cards change in place only by a PUT on the
 * activity, which goes through the outbox so it is retried, paced and kept across a restart. The
 * card is rendered when the message is sent, so a later edit never shows an older state. Each
 * change queues its own update (a key of its own): two changes in one millisecond, or an edit back
 * to an earlier text, must not be taken for one already sent.
 */
export async function queuePollRefresh(deps: CoreDeps, pollId: number): Promise<void> {
  const now = deps.clock();
  const change = randomUUID();
  const copies = (await deps.store.outbox.sentRefs('poll', pollId)).filter((ref) => ref.platform === 'teams');
  await deps.store.outbox.enqueue(
    copies.map((ref) => ({
      platform: ref.platform,
      workspaceId: ref.workspaceId,
      recipient: ref.recipient,
      payload: { type: 'poll_refresh' as const, pollId, activityId: ref.platformRef },
      dedupeKey: `poll_refresh:${pollId}:${ref.platformRef}:${change}`,
      label: `poll:${pollId}`,
    })),
    now,
  );
}
