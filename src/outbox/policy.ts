import type { OutboundMessage, SendResult } from '../ports/delivery.ts';
import type { RateKey, WindowRule } from './rate-limit.ts';

/**
 * The platforms' published limits (sources in shared/reference/protocols.md):
 * - Slack chat.postMessage: about 1 message per second per channel; the workspace-wide limit is not
 *   published, so we pace a workspace at 10 per second and follow any Retry-After.
 * - Teams, per bot per conversation: 7/1 s, 8/2 s, 60/30 s, 1800/3600 s; per app per tenant 50/s.
 */
export const PLATFORM_LIMITS = {
  slack: {
    workspace: [{ limit: 10, windowMs: 1_000 }],
    conversation: [{ limit: 1, windowMs: 1_000 }],
  },
  teams: {
    workspace: [{ limit: 50, windowMs: 1_000 }],
    conversation: [
      { limit: 7, windowMs: 1_000 },
      { limit: 8, windowMs: 2_000 },
      { limit: 60, windowMs: 30_000 },
      { limit: 1800, windowMs: 3_600_000 },
    ],
  },
} satisfies Record<'slack' | 'teams', { workspace: WindowRule[]; conversation: WindowRule[] }>;

export type PlatformLimits = typeof PLATFORM_LIMITS;

/** The workspace-wide key a platform's 429 pauses. */
export function workspaceKeyOf(message: Pick<OutboundMessage, 'platform' | 'workspaceId'>): string {
  return `${message.platform}:${message.workspaceId}`;
}

/**
 * The workspace (tenant) limit is the one several replicas would together overrun, so it is shared
 * through the database; a conversation's limit stays with the process that sends, as messages to one
 * conversation are few and a 429 there is followed like any other.
 */
export function rateKeysOf(message: Pick<OutboundMessage, 'platform' | 'workspaceId' | 'recipient'>, limits: PlatformLimits = PLATFORM_LIMITS): RateKey[] {
  const r = message.recipient;
  const conversation = r.kind === 'user' ? `user:${r.userId}` : r.kind === 'channel' ? `channel:${r.channelId}` : 'workspace';
  const workspace = workspaceKeyOf(message);
  return [
    { key: workspace, rules: limits[message.platform].workspace, shared: true },
    { key: `${workspace}:${conversation}`, rules: limits[message.platform].conversation },
  ];
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };

/** Exponential backoff with "equal jitter": at least half the step, so retries neither bunch nor vanish. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export type Transition =
  | { to: 'sent'; platformRef: string | null }
  | { to: 'dead'; error: string }
  | { to: 'pending'; afterMs: number; error: string; countAttempt: boolean; pauseWorkspaceMs?: number };

/** What happens to a message after one try: the whole retry policy as one pure function. */
export function nextStep(result: SendResult, attempt: number, policy: RetryPolicy, random: () => number): Transition {
  if (result.ok) return { to: 'sent', platformRef: result.platformRef ?? null };
  if (result.gone) return { to: 'dead', error: `unreachable: ${result.error}` };
  if (result.retryAfterMs !== undefined) {
    return { to: 'pending', afterMs: result.retryAfterMs, error: `rate limited: ${result.error}`, countAttempt: false, pauseWorkspaceMs: result.retryAfterMs };
  }
  if (!result.retryable) return { to: 'dead', error: result.error };
  if (result.progressed) return { to: 'pending', afterMs: 0, error: result.error, countAttempt: false };
  if (attempt >= policy.maxAttempts) return { to: 'dead', error: `gave up after ${attempt} tries: ${result.error}` };
  return { to: 'pending', afterMs: backoffMs(attempt, policy, random), error: result.error, countAttempt: true };
}
