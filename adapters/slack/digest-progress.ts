import type { PlatformStateStore } from '../../src/ports/store.ts';

export const PARTS_NAMESPACE = 'slack.digest_parts';

/**
 * How many parts of a digest in several messages Slack has accepted, per outbox message. A retry
 * after a failure in the middle starts after the last accepted part, so nobody gets part 1 twice.
 * Slack has no idempotency key: a crash between a post and this record re-sends that one part.
 */
export function createDigestProgress(state: PlatformStateStore, clock: () => Date) {
  return {
    async sent(outboxId: number): Promise<number> {
      return (await state.get<{ sent: number }>(PARTS_NAMESPACE, String(outboxId)))?.sent ?? 0;
    },
    async record(outboxId: number, sent: number, total: number): Promise<void> {
      await state.put(PARTS_NAMESPACE, String(outboxId), { sent, total }, clock());
    },
  };
}

export type DigestProgress = ReturnType<typeof createDigestProgress>;
