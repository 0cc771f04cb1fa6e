import type { Logger } from 'pino';
import type { Poll } from '../../src/domain/poll.ts';
import type { Innspill } from '../../src/innspill.ts';
import type { PollUpdateGate } from '../../src/usecases/poll-updates.ts';
import type { ClientPool, TokenSource } from './api/clients.ts';
import { updatePollCopy } from './poll-copy.ts';
import type { PollPosts } from './poll-posts.ts';

export interface PollUpdater {
  /** Asks for the poll's messages to show the current counts soon; bursts collapse into few updates. */
  schedule(pollId: number): void;
  /** Updates the poll's messages when its closing time comes, so they stop offering buttons. */
  watchClosing(poll: Pick<Poll, 'id' | 'closesAt' | 'closedAt'>): void;
  /** Resolves when no update is waiting or running (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

/** Updated a moment after the closing time, so the poll reads as closed when the update runs. */
const CLOSING_MARGIN_MS = 1000;
const MAX_TIMER_MS = 2 ** 31 - 1;

interface PollState {
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  dirty: boolean;
  /** When the last click this process saw was asked to show (the vote was already stored). */
  changedAt: Date;
}

/**
 * Keeps poll messages current without flooding `chat.update` (Tier 3, about one call a second per
 * message). The first click waits `delayMs`, so the clicks that follow ride along; clicks during an
 * update mark the poll dirty and get one more update after it, which reads the counts afresh, so
 * the last update always shows the final counts. A 429 pushes the next update past Retry-After.
 * With a `gate`, processes on one database take turns (one update per poll at a time across them).
 */
export function createPollUpdater(deps: {
  core: Innspill;
  posts: PollPosts;
  clients: ClientPool;
  tokens: TokenSource;
  logger: Logger;
  delayMs: number;
  gate?: PollUpdateGate;
}): PollUpdater {
  const polls = new Map<number, PollState>();
  const closings = new Map<number, NodeJS.Timeout>();
  let idleWaiters: (() => void)[] = [];
  let stopped = false;

  const settleIfIdle = () => {
    if (polls.size === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  const arm = (pollId: number, state: PollState, delay: number) => {
    state.timer = setTimeout(() => {
      state.timer = null;
      state.dirty = false;
      state.running = takeTurn(pollId)
        .catch((error: unknown) => {
          deps.logger.error({ err: error, pollId }, 'poll message update failed');
          return 0;
        })
        .then((retryAfterMs) => {
          state.running = null;
          if (state.dirty && !stopped) arm(pollId, state, Math.max(deps.delayMs, retryAfterMs));
          else {
            polls.delete(pollId);
            settleIfIdle();
          }
        });
    }, delay);
  };

  /** Updates the poll if it is this process's turn; else marks it for an update once the other's turn ends. */
  async function takeTurn(pollId: number): Promise<number> {
    const turn = deps.gate ? await deps.gate.claim(pollId, polls.get(pollId)!.changedAt) : 'go';
    if (turn === 'go') return refresh(pollId);
    if (turn === 'covered') return 0;
    polls.get(pollId)!.dirty = true;
    return turn.waitMs;
  }

  /** Updates every copy of the poll; returns how long to wait before the next update (429). */
  async function refresh(pollId: number): Promise<number> {
    const view = await deps.core.viewPoll(pollId);
    // A workspace that answered 429 gets no more calls in this round: its copies wait for the next.
    const limited = new Set<string>();
    // One token read per workspace, not per copy (with OAuth, each is a read and a decryption).
    const tokens = new Map<string, Promise<string | null>>();
    let wait = 0;
    for (const post of await deps.posts.list(pollId)) {
      if (limited.has(post.teamId)) continue;
      if (!tokens.has(post.teamId)) tokens.set(post.teamId, deps.tokens.botToken(post.teamId));
      const token = await tokens.get(post.teamId)!;
      if (!token) continue;
      const outcome = await updatePollCopy(deps.posts, deps.clients.forTeam(post.teamId, token), view, post, deps.core.settings.timeZone);
      if (outcome.kind !== 'failed') continue;
      const { failure } = outcome;
      if (failure.retryAfterMs !== undefined) {
        wait = Math.max(wait, failure.retryAfterMs);
        limited.add(post.teamId);
      } else {
        deps.logger.warn({ pollId, error: failure.error }, 'poll message not updated');
        if (failure.retryable) polls.get(pollId)!.dirty = true;
      }
    }
    if (limited.size) polls.get(pollId)!.dirty = true;
    return wait;
  }

  const schedule = (pollId: number) => {
    if (stopped) return;
    const state = polls.get(pollId);
    if (!state) {
      const fresh: PollState = { timer: null, running: null, dirty: false, changedAt: deps.core.clock() };
      polls.set(pollId, fresh);
      arm(pollId, fresh, deps.delayMs);
    } else {
      state.changedAt = deps.core.clock();
      if (state.running) state.dirty = true;
    }
    // A timer already waiting will read the counts when it fires: nothing more to do.
  };

  return {
    schedule,
    watchClosing(poll) {
      if (stopped || poll.closedAt || !poll.closesAt || closings.has(poll.id)) return;
      const delay = poll.closesAt.getTime() - deps.core.clock().getTime() + CLOSING_MARGIN_MS;
      // Closed while it was being posted: the message may already be out of date.
      if (delay <= CLOSING_MARGIN_MS) return schedule(poll.id);
      // Past setTimeout's range (about 24 days) the first click after closing refreshes the message.
      if (delay > MAX_TIMER_MS) return;
      const timer = setTimeout(() => {
        closings.delete(poll.id);
        schedule(poll.id);
      }, delay);
      timer.unref();
      closings.set(poll.id, timer);
    },
    idle() {
      return polls.size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    stop() {
      stopped = true;
      for (const timer of closings.values()) clearTimeout(timer);
      closings.clear();
      for (const [pollId, state] of polls) {
        if (state.timer) {
          clearTimeout(state.timer);
          polls.delete(pollId);
        }
      }
      settleIfIdle();
    },
  };
}
