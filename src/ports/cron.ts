/**
 * Cron expressions (`--every "0 9 * * 1"`) are read by an adapter (cron-parser): the core knows only
 * the next moment an expression names after a given one, in a time zone with its summer time.
 */
export interface CronTimes {
  /** The first moment after `after` the expression names in the zone; null if it cannot be read. */
  next(expression: string, after: Date, timeZone: string): Date | null;
}
