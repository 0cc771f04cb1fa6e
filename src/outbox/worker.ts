import type { OutboundMessage, PlatformSender, Recipient, SendResult } from '../ports/delivery.ts';
import type { OutboxRecord, OutboxStore } from '../ports/outbox.ts';
import type { SendSlotStore } from '../ports/send-slots.ts';
import { DEFAULT_RETRY, nextStep, PLATFORM_LIMITS, rateKeysOf, workspaceKeyOf, type PlatformLimits, type RetryPolicy } from './policy.ts';
import { RateLimiter, type RateKey } from './rate-limit.ts';
import { memorySendSlots, SharedWindows } from './shared-windows.ts';

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface OutboxWorkerOptions {
  store: OutboxStore;
  /** Where the workspace-wide windows are shared with other processes; this process's memory when absent. */
  slots?: SendSlotStore;
  senders: readonly PlatformSender[];
  clock: () => Date;
  /** Who holds a claim, for operators reading the table: host, process and a random part. */
  owner: string;
  log: WorkerLog;
  retry?: RetryPolicy;
  limits?: PlatformLimits;
  /** Sends in flight at once, over all workspaces. */
  concurrency?: number;
  /** How long a claim holds before a crashed sender's message counts as interrupted. */
  leaseMs?: number;
  sendTimeoutMs?: number;
  /** How often to look for messages other processes queued. */
  idleMs?: number;
  random?: () => number;
  /** Opens a sealed recipient (a reply to an anonymous sender) at the moment of sending; throws if it cannot. */
  openSealed?: (sealed: string) => Recipient;
}

export interface OutboxWorker {
  /** Starts every send that is due and allowed now; returns when the next one could start, if known. */
  pump(): Promise<number | null>;
  /** Resolves when the sends in flight have finished and been recorded. */
  settled(): Promise<void>;
  start(): void;
  /** Wakes the worker after something was queued. */
  notify(): void;
  stop(): Promise<void>;
}

function timeout(ms: number): { promise: Promise<SendResult>; cancel: () => void } {
  let timer: NodeJS.Timeout;
  const promise = new Promise<SendResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, retryable: true, error: `no answer within ${ms} ms` }), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * Sends what the outbox holds: claims each message in the database (so two processes never send
 * the same one), paces calls to the platforms' limits, and records the outcome right after the
 * call, which keeps the window in which a crash could leave a message in doubt to one request.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, clock, owner, log } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  const limits = options.limits ?? PLATFORM_LIMITS;
  const concurrency = options.concurrency ?? 16;
  const leaseMs = options.leaseMs ?? 120_000;
  const sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
  const idleMs = options.idleMs ?? 1_000;
  const random = options.random ?? Math.random;
  const senders = new Map(options.senders.map((s) => [s.platform, s]));
  const limiter = new RateLimiter();
  const shared = new SharedWindows(options.slots ?? memorySendSlots());
  const split = (keys: RateKey[]) => ({ local: keys.filter((k) => !k.shared), common: keys.filter((k) => k.shared) });
  const inFlight = new Set<Promise<void>>();
  const busy = new Set<number>();

  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let pumping: Promise<number | null> | null = null;
  let again = false;

  /** The recipient in clear, kept only in memory for the one send; null if a sealed one cannot be opened. */
  function openRecipient(record: OutboxRecord): Recipient | null {
    if (record.recipient.kind !== 'sealed') return record.recipient;
    try {
      return record.recipient.sealed && options.openSealed ? options.openSealed(record.recipient.sealed) : null;
    } catch {
      return null;
    }
  }

  async function send(record: OutboxRecord, recipient: Recipient, sender: PlatformSender): Promise<void> {
    const attempt = record.attempts + 1;
    const message: OutboundMessage = {
      id: record.id,
      platform: record.platform,
      workspaceId: record.workspaceId,
      recipient,
      payload: record.payload,
      attempt,
      parts: { sent: record.partsSent, record: (sent) => store.recordPartsSent(record.id, sent) },
    };
    const limit = timeout(sendTimeoutMs);
    let result: SendResult;
    try {
      result = await Promise.race([sender.deliver(message), limit.promise]);
    } catch (error) {
      result = { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
    } finally {
      limit.cancel();
    }
    const step = nextStep(result, attempt, retry, random);
    const now = clock();
    const { local, common } = split(rateKeysOf(message, limits));
    // The send's own call was counted when it was granted; any more it made count now, whatever the outcome.
    const extra = (result.calls ?? 1) - 1;
    for (let i = 0; i < extra; i += 1) limiter.record(local, now.getTime());
    if (extra > 0) await shared.occupy(common, now.getTime(), { calls: extra });
    if (step.to === 'sent') {
      await store.markSent(record.id, now, step.platformRef);
      return;
    }
    if (step.to === 'dead') {
      await store.markDead(record.id, step.error);
      log.warn({ outboxId: record.id, label: record.label, platform: record.platform, error: step.error }, 'outbox message could not be delivered');
      return;
    }
    if (step.pauseWorkspaceMs !== undefined) await shared.occupy(common, now.getTime(), { until: now.getTime() + step.pauseWorkspaceMs });
    await store.reschedule(record.id, new Date(now.getTime() + step.afterMs), step.error, step.countAttempt);
    log.info({ outboxId: record.id, attempt, retryInMs: step.afterMs, error: step.error }, 'outbox message will be retried');
  }

  async function pumpOnce(): Promise<number | null> {
    const now = clock().getTime();
    let earliest: number | null = null;
    const soonest = (at: number) => (earliest = earliest === null ? at : Math.min(earliest, at));
    const due = (await store.due(new Date(now), 1000)).filter((record) => !busy.has(record.id));
    // How many of this pass's messages each workspace still has: the size of the grant to ask for.
    const left = new Map<string, number>();
    for (const record of due) left.set(workspaceKeyOf(record), (left.get(workspaceKeyOf(record)) ?? 0) + 1);
    for (const record of due) {
      const remaining = left.get(workspaceKeyOf(record))!;
      left.set(workspaceKeyOf(record), remaining - 1);
      const wanted = Math.min(remaining, concurrency - busy.size);
      if (busy.size >= concurrency) break;
      const sender = senders.get(record.platform);
      if (!sender) {
        await store.markDead(record.id, `${record.platform} is not configured`);
        continue;
      }
      const recipient = openRecipient(record);
      if (!recipient) {
        await store.markDead(record.id, 'the sealed recipient cannot be opened with this key file');
        continue;
      }
      const { local, common } = split(rateKeysOf({ ...record, recipient }, limits));
      const at = limiter.availableAt(local, now);
      if (at > now) {
        soonest(at);
        continue;
      }
      const slot = await shared.take(common, wanted, now);
      if (slot !== 'taken') {
        soonest(slot);
        continue;
      }
      if (!(await store.claim(record.id, owner, new Date(now), new Date(now + leaseMs)))) {
        shared.giveBack(common);
        continue;
      }
      limiter.record(local, now);
      busy.add(record.id);
      const done: Promise<void> = send(record, recipient, sender)
        .catch((error: unknown) => log.warn({ outboxId: record.id, err: error }, 'recording an outbox result failed'))
        .finally(() => {
          busy.delete(record.id);
          inFlight.delete(done);
          if (running) kick();
        });
      inFlight.add(done);
    }
    // Messages due now but held back are covered by the limiter's time; this finds later retries.
    const next = await store.nextDue();
    if (next && next.getTime() > now) soonest(next.getTime());
    return earliest;
  }

  function pump(): Promise<number | null> {
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = pumpOnce().finally(() => (pumping = null));
    return pumping;
  }

  function kick(delay = 0): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(loop, delay);
  }

  async function loop(): Promise<void> {
    timer = null;
    let earliest: number | null;
    try {
      earliest = await pump();
    } catch (error) {
      log.warn({ err: error }, 'outbox pass failed; trying again');
      earliest = null;
    }
    if (again) {
      again = false;
      return kick();
    }
    const wait = earliest === null ? idleMs : Math.max(0, earliest - clock().getTime());
    // With every slot in use, a finishing send wakes the loop; otherwise sleep until the next is due.
    if (busy.size < concurrency || earliest === null) kick(Math.min(wait, idleMs));
  }

  return {
    pump,
    settled: async () => {
      while (inFlight.size) await Promise.all(inFlight);
    },
    start() {
      running = true;
      kick();
    },
    notify: () => kick(),
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await pumping;
      while (inFlight.size) await Promise.all(inFlight);
    },
  };
}
