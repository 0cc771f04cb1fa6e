import { CronExpressionParser } from 'cron-parser';
import cron, { type ScheduledTask } from 'node-cron';
import type { Innspill } from '../../src/innspill.ts';

const SECOND = 1000;
/** How late a scheduled run may still start: under the minute between two slots. */
const LATE_RUN_MS = 50_000;

/**
 * The most recent moment at or before `now` that the cron expression names in the time zone, to
 * the second (an optional leading seconds field names one second of the minute), found by
 * cron-parser's `prev()` (one step back, not a scan of every minute). The zone's own daylight-saving
 * rules apply: 08:00 in Oslo is 07:00 UTC in winter and 06:00 UTC in summer.
 */
export function latestSlot(expression: string, timeZone: string, now: Date): Date | null {
  // prev() looks strictly before its start; starting at the next whole second lets this second count.
  const start = Math.floor(now.getTime() / SECOND) * SECOND + SECOND;
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
        // node-cron skips a slot it wakes up for more than a second late; a process busy at that
        // moment would lose the week's digest until its next restart. The run reads the slot from
        // the clock, so a late one queues the same slot (config allows at most one slot a minute).
        { timezone: options.timeZone, name: 'weekly-digest', noOverlap: true, missedExecutionTolerance: LATE_RUN_MS },
      );
    },
    async stop() {
      await task?.destroy();
      task = null;
    },
  };
}
