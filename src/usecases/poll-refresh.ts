import type { CoreDeps } from './context.ts';

/**
 * After an edit or a delete, every Teams copy of the poll already posted by the outbox (it has an
 * activity id) is queued to be shown again as the poll now stands. Slack's copies are kept by its
 * own updater (it records where each went); Teams cards change in place only by a PUT on the
 * activity, which goes through the outbox so it is retried, paced and kept across a restart. The
 * card is rendered when the message is sent, so a later edit never shows an older state; the key
 * (the change's time) lets each change queue its own update.
 */
export async function queuePollRefresh(deps: CoreDeps, pollId: number): Promise<number> {
  const now = deps.clock();
  const copies = (await deps.store.outbox.sentRefs('poll', pollId)).filter((ref) => ref.platform === 'teams');
  const ids = await deps.store.outbox.enqueue(
    copies.map((ref) => ({
      platform: ref.platform,
      workspaceId: ref.workspaceId,
      recipient: ref.recipient,
      payload: { type: 'poll_refresh' as const, pollId, activityId: ref.platformRef },
      dedupeKey: `poll_refresh:${pollId}:${ref.platformRef}:${now.getTime()}`,
      label: `poll:${pollId}`,
    })),
    now,
  );
  return ids.length;
}
