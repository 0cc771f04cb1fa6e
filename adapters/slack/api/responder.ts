import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Logger } from 'pino';

export interface Responder {
  /** Queues a message for a `response_url`; never throws, never waits. */
  post(url: string, message: Record<string, unknown>): void;
  idle(): Promise<void>;
}

const MAX_IN_FLIGHT = 64;
/** Past this many waiting answers (a storm of clicks on a dead network), new ones are dropped and logged. */
const MAX_QUEUED = 50_000;
const TIMEOUT_MS = 10_000;

/**
 * Answers through `response_url` (the voter's private confirmation, command follow-ups). One click
 * means one answer, so this path must be cheap: plain HTTP(S) on keep-alive connections, at most
 * MAX_IN_FLIGHT at once, the rest queued in order.
 */
export function createResponder(logger: Logger): Responder {
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT }), https: new HttpsAgent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT }) };
  const queue: { url: URL; body: string }[] = [];
  let inFlight = 0;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (inFlight === 0 && queue.length === 0) {
      for (const w of waiters) w();
      waiters = [];
    }
  };

  const send = ({ url, body }: { url: URL; body: string }) =>
    new Promise<void>((resolve) => {
      const secure = url.protocol === 'https:';
      const req: ClientRequest = (secure ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
        timeout: TIMEOUT_MS,
      });
      req.on('response', (res: IncomingMessage) => {
        if ((res.statusCode ?? 500) >= 300) logger.warn({ status: res.statusCode }, 'response_url refused an answer');
        res.resume();
        res.on('end', resolve);
        res.on('error', () => resolve());
      });
      req.on('timeout', () => req.destroy(new Error('response_url timed out')));
      req.on('error', (error) => {
        logger.warn({ err: error }, 'response_url answer failed');
        resolve();
      });
      req.end(body);
    });

  const pump = () => {
    while (inFlight < MAX_IN_FLIGHT && queue.length) {
      inFlight += 1;
      void send(queue.shift()!).then(() => {
        inFlight -= 1;
        pump();
        settle();
      });
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
      if (queue.length >= MAX_QUEUED) {
        logger.warn('response_url queue full; an answer was dropped');
        return;
      }
      queue.push({ url: target, body: JSON.stringify(message) });
      pump();
    },
    idle: () => (inFlight === 0 && queue.length === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}
