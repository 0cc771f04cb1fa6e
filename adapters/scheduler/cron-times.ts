import { createRequire } from 'node:module';
import type { CronTimes } from '../../src/ports/cron.ts';

type CronParser = typeof import('cron-parser').CronExpressionParser;
let parser: CronParser | null = null;
/**
 * cron-parser (with luxon) takes about 25 ms to load: it is loaded at the first cron time asked for
 * (synchronously, as the port is), so the commands that never ask, such as `members list`, never load it.
 */
const cronParser = (): CronParser => (parser ??= (createRequire(import.meta.url)('cron-parser') as typeof import('cron-parser')).CronExpressionParser);

/** The core's cron port on cron-parser, in the zone given (its own daylight-saving rules apply). */
export const cronTimes: CronTimes = {
  next(expression, after, timeZone) {
    // Five fields only: a seconds field would let a poll repeat every few seconds.
    if (expression.trim().split(/\s+/).length !== 5) return null;
    try {
      return cronParser().parse(expression, { currentDate: after, tz: timeZone }).next().toDate();
    } catch {
      return null;
    }
  },
};
