import type { LeaseStore } from '../ports/leases.ts';

/**
 * Several processes behind one load balancer each see some of a poll's clicks, and each would update
 * the poll's messages: a burst split over two processes would cost twice the update calls. The rule:
 * one process at a time updates a poll's messages, for `intervalMs` (a lease in the database). A
 * process that finds another holding it has nothing to do if the other began after this process's
 * last click (its update reads the counts afresh, so it shows that click); else it waits until the
 * lease ends and updates then, so the last click always reaches the messages.
 */
export type PollUpdateTurn = 'go' | 'covered' | { waitMs: number };

export interface PollUpdateGate {
  /** Whether this process updates the poll's messages now, given the time of the last click it saw. */
  claim(pollId: number, lastChange: Date): Promise<PollUpdateTurn>;
}

export function createPollUpdateGate(deps: { leases: LeaseStore; clock: () => Date; holder: string; intervalMs: number }): PollUpdateGate {
  return {
    async claim(pollId, lastChange) {
      const now = deps.clock();
      const lease = await deps.leases.acquire(`poll-update:${pollId}`, deps.holder, now, new Date(now.getTime() + deps.intervalMs));
      if (lease.acquired) return 'go';
      // A lease is taken for intervalMs at once, so its end tells when its holder began to read the counts.
      const began = lease.heldUntil.getTime() - deps.intervalMs;
      // Strictly after: a click and a start within the same millisecond are not known to be in order.
      if (began > lastChange.getTime()) return 'covered';
      return { waitMs: Math.max(0, lease.heldUntil.getTime() - now.getTime()) };
    },
  };
}
