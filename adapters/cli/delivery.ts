import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Innspill } from '../../src/innspill.ts';
import type { PlatformSender } from '../../src/ports/delivery.ts';
import type { Store } from '../../src/ports/store.ts';
import { createOutboxWorker, type OutboxWorker } from '../../src/outbox/worker.ts';
import { createDigestScheduler, type DigestScheduler } from '../scheduler/digest-schedule.ts';
import { createPollRoundScheduler } from '../scheduler/poll-rounds.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

export interface Delivery {
  worker: OutboxWorker;
  scheduler: DigestScheduler;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const HOST = hostname();

/**
 * How often a running server looks for claims another process left to expire (it died, on this or
 * another host): well inside the worker's two-minute lease, so they are reported within minutes.
 */
const RECOVER_EVERY_MS = 60_000;

/** Who holds a claim or lease: `host:pid:random`, so operators can tell processes apart. */
export const newOwnerId = () => `${HOST}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** On this host, a claim whose process no longer runs is void at once. */
function ownerIsGone(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== HOST || !pid || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Marks what a dead process left in doubt, and says so in the log. */
export async function recoverInterrupted(store: Store, clock: () => Date, log: Logger): Promise<void> {
  for (const m of await store.outbox.recoverInterrupted(clock(), ownerIsGone)) {
    log.warn({ outboxId: m.id, label: m.label }, 'a message was interrupted while sending and is not sent again; see innspill outbox list');
  }
}

/** The outbox worker and the digest schedule, on the senders the platform adapters provide. */
export function createDelivery(deps: { config: Config; core: Innspill; store: Store; senders: PlatformSender[]; logger: Logger; clock?: () => Date }): Delivery {
  const log = deps.logger.child({ part: 'outbox' });
  const clock = deps.clock ?? (() => new Date());
  const worker = createOutboxWorker({
    store: deps.store.outbox,
    slots: deps.store.sendSlots,
    senders: deps.senders,
    clock,
    owner: newOwnerId(),
    log,
    openSealed: deps.core.openRecipient,
  });
  const scheduler = createDigestScheduler({
    core: deps.core,
    cron: deps.config.digestCron,
    timeZone: deps.config.digestTimeZone,
    clock,
    log: deps.logger.child({ part: 'digest' }),
    queued: () => worker.notify(),
  });
  let recovery: NodeJS.Timeout | null = null;
  const pollRounds = createPollRoundScheduler({ core: deps.core, log: deps.logger.child({ part: 'poll-rounds' }), queued: () => worker.notify() });
  return {
    worker,
    scheduler,
    async start() {
      await recoverInterrupted(deps.store, clock, log);
      recovery = setInterval(() => void recoverInterrupted(deps.store, clock, log).catch((error: unknown) => log.warn({ err: error }, 'looking for interrupted messages failed')), RECOVER_EVERY_MS);
      recovery.unref();
      worker.start();
      await scheduler.start();
      await pollRounds.start();
    },
    async stop() {
      if (recovery) clearInterval(recovery);
      await pollRounds.stop();
      await scheduler.stop();
      await worker.stop();
    },
  };
}
