import { CronExpressionParser } from 'cron-parser';
import cron, { type ScheduledTask } from 'node-cron';
import type { Innspill } from '../../src/innspill.ts';

const MINUTE = 60_000;

/**
 * The most recent moment at or before `now` that the cron expression names in the time zone, to
 * the minute, found by cron-parser's `prev()` (one step back, not a scan of every minute). The zone's
 * own daylight-saving rules apply: 08:00 in Oslo is 07:00 UTC in winter and 06:00 UTC in summer.
 */
export function latestSlot(expression: string, timeZone: string, now: Date): Date | null {
  // prev() looks strictly before its start; starting a second into this minute lets this minute count.
  const start = Math.floor(now.getTime() / MINUTE) * MINUTE + 1000;
  try {
    return CronExpressionParser.parse(expression, { currentDate: new Date(start), tz: timeZone }).prev().toDate();
  } catch {
    // No earlier moment matches (cron-parser refuses to look before the year 1970).
    return null;
  }
}

export interface DigestSchedulerOptions {
  core: Innspill;
  cron: string;
  timeZone: string;
  clock: () => Date;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** Called after a run queued messages, so the outbox worker starts at once. */
  queued(): void;
}

export interface DigestScheduler {
  /** Queues the digest of the latest slot if it has not been, by this or any process. */
  runDue(reason: 'schedule' | 'catch-up'): Promise<boolean>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { core, log } = options;
  let task: ScheduledTask | null = null;

  async function runDue(reason: 'schedule' | 'catch-up'): Promise<boolean> {
    const slot = latestSlot(options.cron, options.timeZone, options.clock());
    if (!slot) return false;
    if (reason === 'catch-up') {
      // Nothing was missed before the first digest ever: the first one goes at the next slot.
      const latest = await core.latestDigestRun();
      if (!latest || latest.slot.getTime() >= slot.getTime()) return false;
    }
    const result = await core.runDigest({ slot, manual: false });
    if (!result) return false;
    log.info({ reason, slot: slot.toISOString(), messages: result.messageIds.length, unreachable: result.unreachable }, 'digest queued');
    options.queued();
    return true;
  }

  return {
    runDue,
    async start() {
      await runDue('catch-up');
      task = cron.schedule(
        options.cron,
        () => runDue('schedule').catch((error: unknown) => log.warn({ err: error }, 'scheduled digest failed')),
        { timezone: options.timeZone, name: 'weekly-digest', noOverlap: true },
      );
    },
    async stop() {
      await task?.destroy();
      task = null;
    },
  };
}
