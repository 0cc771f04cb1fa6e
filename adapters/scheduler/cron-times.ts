import { CronExpressionParser } from 'cron-parser';
import type { CronTimes } from '../../src/ports/cron.ts';

/** The core's cron port on cron-parser, in the zone given (its own daylight-saving rules apply). */
export const cronTimes: CronTimes = {
  next(expression, after, timeZone) {
    // Five fields only: a seconds field would let a poll repeat every few seconds.
    if (expression.trim().split(/\s+/).length !== 5) return null;
    try {
      return CronExpressionParser.parse(expression, { currentDate: after, tz: timeZone }).next().toDate();
    } catch {
      return null;
    }
  },
};
