import type { Logger } from 'pino';
import { Pool } from 'undici';

export interface Responder {
  /** Sends a message to a `response_url`; never throws, never waits. */
  post(url: string, message: Record<string, unknown>): void;
  idle(): Promise<void>;
}

/**
 * Keep-alive connections per origin (all of Slack's answers go to one host): enough to keep up
 * with a burst of clicks while Slack takes a moment to answer each.
 */
const CONNECTIONS = 64;
/** Past this many unanswered posts (a storm of clicks on a dead network), new ones are dropped and logged. */
const MAX_PENDING = 50_000;
const TIMEOUT_MS = 10_000;
/** Drops are counted and reported at most this often, so a storm does not also flood the log. */
const DROP_REPORT_MS = 10_000;

/**
 * Answers through `response_url` (the voter's private confirmation, command follow-ups). One click
 * means one answer, so this path must be cheap: undici's pool on keep-alive connections, which costs
 * about half of what `http.request` does per post; the pool queues what its connections cannot
 * take yet, in order.
 *
 * Posts go out together once the current turn is over (a `setImmediate`): a group commit
 * acknowledges a burst of clicks in one turn, and each post costs several times what an ack does,
 * so the acks go first and the last click of a burst is not kept waiting behind every other
 * click's answer. The message is serialised then, so it must not be changed after `post`.
 */
export function createResponder(logger: Logger, limits = { maxPending: MAX_PENDING, dropReportMs: DROP_REPORT_MS }): Responder {
  const pools = new Map<string, Pool>();
  let pending = 0;
  let waiters: (() => void)[] = [];
  let dropped = 0;
  let dropReport: NodeJS.Timeout | null = null;
  const drop = () => {
    if (dropReport) {
      dropped += 1;
      return;
    }
    logger.warn('response_url queue full; an answer was dropped');
    dropReport = setTimeout(() => {
      if (dropped) logger.warn({ dropped }, 'response_url queue full; more answers were dropped');
      dropped = 0;
      dropReport = null;
    }, limits.dropReportMs).unref();
  };

  const poolFor = (origin: string) => {
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: CONNECTIONS, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
      pools.set(origin, pool);
    }
    return pool;
  };

  let queued: { url: URL; message: Record<string, unknown> }[] = [];
  const sendQueued = () => {
    const turn = queued;
    queued = [];
    for (const q of turn) void send(q.url, JSON.stringify(q.message));
  };

  const send = async (url: URL, body: string) => {
    try {
      const res = await poolFor(url.origin).request({
        method: 'POST',
        path: `${url.pathname}${url.search}`,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
      });
      if (res.statusCode >= 300) logger.warn({ status: res.statusCode }, 'response_url refused an answer');
      await res.body.dump();
    } catch (error) {
      logger.warn({ err: error }, 'response_url answer failed');
    } finally {
      pending -= 1;
      if (pending === 0) {
        for (const w of waiters) w();
        waiters = [];
      }
    }
  };

  return {
    post(url, message) {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        logger.warn('unreadable response_url ignored');
        return;
      }
      if (target.protocol !== 'https:' && target.protocol !== 'http:') return;
      if (pending >= limits.maxPending) return drop();
      pending += 1;
      if (queued.push({ url: target, message }) === 1) setImmediate(sendQueued);
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}
