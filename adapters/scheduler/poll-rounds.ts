import cron, { type ScheduledTask } from 'node-cron';
import type { Innspill } from '../../src/innspill.ts';

/**
 * Recurring polls: once a minute (and at start, to catch up after downtime) the rounds that are due
 * are started. The series and their next times are in the database, so nothing is lost in a restart,
 * and the store starts each round once however many processes ask.
 */
export function createPollRoundScheduler(options: {
  core: Innspill;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** Called after rounds were queued, so the outbox worker posts them at once. */
  queued(): void;
}) {
  let task: ScheduledTask | null = null;
  async function runDue(): Promise<number> {
    const started = await options.core.pollPlans.runDueRounds();
    if (started.length) {
      options.log.info({ polls: started.map((p) => p.id) }, 'poll rounds started');
      options.queued();
    }
    return started.length;
  }
  return {
    runDue,
    async start() {
      await runDue();
      task = cron.schedule('* * * * *', () => runDue().catch((error: unknown) => options.log.warn({ err: error }, 'poll rounds failed')), {
        name: 'poll-rounds',
        noOverlap: true,
      });
    },
    async stop() {
      await task?.destroy();
      task = null;
    },
  };
}
