import type { PlatformStateStore } from '../../src/ports/store.ts';

export const PARTS_NAMESPACE = 'teams.digest_parts';

interface Progress {
  /** How many parts, from the first, Teams has accepted. */
  sent: number;
  total: number;
}

/**
 * How far a digest split over several messages got, per outbox message. Teams offers no idempotency
 * key, so each part is recorded the moment Teams accepts it: a retry after a failure in the middle
 * starts at the first part not yet sent, and one after a crash repeats at most the part in flight.
 * The record stays after the last part, so a retry of a message the outbox could not mark as sent
 * posts nothing again.
 */
export function createDigestProgress(state: PlatformStateStore, clock: () => Date) {
  return {
    async sent(outboxId: number): Promise<number> {
      return (await state.get<Progress>(PARTS_NAMESPACE, String(outboxId)))?.sent ?? 0;
    },
    async record(outboxId: number, sent: number, total: number): Promise<void> {
      await state.put(PARTS_NAMESPACE, String(outboxId), { sent, total } satisfies Progress, clock());
    },
  };
}

export type DigestProgress = ReturnType<typeof createDigestProgress>;
