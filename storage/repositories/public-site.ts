import type { Database } from 'better-sqlite3';
import type { PublicSiteStore } from '../../src/ports/public-site.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;
/** 1970-01-05, the first Monday of the epoch: weeks are counted from it, so each starts on a Monday (UTC). */
const FIRST_MONDAY_MS = 4 * 24 * 3600 * 1000;

export function createPublicSiteStore(db: Database): PublicSiteStore {
  const weekly = db.prepare<{ week: number; monday: number }, { week: number; voters: number }>(
    `SELECT (voted_at - @monday) / @week AS week, count(DISTINCT voter_key) AS voters FROM votes GROUP BY 1 ORDER BY 1`,
  );
  // data_version moves when another connection (the console, a CLI command) commits; total_changes
  // when this one does. Together they change after every write, and cost no table read.
  const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
  return {
    weeklyVoters: async () =>
      weekly.all({ week: WEEK_MS, monday: FIRST_MONDAY_MS }).map((r) => ({ week: new Date(FIRST_MONDAY_MS + r.week * WEEK_MS).toISOString().slice(0, 10), voters: r.voters })),
    version: () => `${db.pragma('data_version', { simple: true }) as number}.${changes.get()!.n}`,
  };
}
