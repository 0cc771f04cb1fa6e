/** At most `limit` calls in any `windowMs`: one of a platform's published limits. */
export interface WindowRule {
  limit: number;
  windowMs: number;
}

/** A bucket calls are counted in (a workspace, a conversation) and the rules that apply to it. */
export interface RateKey {
  key: string;
  rules: readonly WindowRule[];
  /** Counted in the database across every process on it (`SharedWindows`), not in this process alone. */
  shared?: boolean;
}

/**
 * Calls are counted when sent but the platform counts them when they arrive, and delays on a busy
 * machine or network can bunch arrivals: a window is kept this much (10 %) longer than published.
 */
export const ARRIVAL_MARGIN = 0.1;

/**
 * Sliding-window limiter over several rules per key (Teams publishes 7/1 s, 8/2 s, 60/30 s and
 * 1800/h per conversation, all at once). Pauses a platform asks for (Retry-After) are kept with the
 * shared workspace windows (`SharedWindows`), where every process sees them.
 * Time is passed in, so tests and the worker's fake clock drive it.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();

  /** The earliest time (ms) at which one more call may go to every one of the keys. */
  availableAt(keys: readonly RateKey[], now: number): number {
    let at = now;
    for (const { key, rules } of keys) {
      const log = this.sent.get(key) ?? [];
      for (const { limit, windowMs } of rules) {
        const inWindow = log.filter((t) => t > now - windowMs * (1 + ARRIVAL_MARGIN));
        if (inWindow.length >= limit) at = Math.max(at, inWindow[inWindow.length - limit]! + windowMs * (1 + ARRIVAL_MARGIN));
      }
    }
    return at;
  }

  record(keys: readonly RateKey[], now: number): void {
    for (const { key, rules } of keys) {
      const longest = Math.max(...rules.map((r) => r.windowMs)) * (1 + ARRIVAL_MARGIN);
      const keep = Math.max(...rules.map((r) => r.limit));
      const log = (this.sent.get(key) ?? []).filter((t) => t > now - longest);
      log.push(now);
      this.sent.set(key, log.length > keep ? log.slice(-keep) : log);
    }
  }
}
