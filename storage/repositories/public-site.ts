import type { Database } from 'better-sqlite3';
import type { PublicSiteStore } from '../../src/ports/public-site.ts';

export const WEEK_MS = 7 * 24 * 3600 * 1000;
/** 1970-01-05, the first Monday of the epoch: weeks are counted from it, so each starts on a Monday (UTC). */
export const FIRST_MONDAY_MS = 4 * 24 * 3600 * 1000;

export function createPublicSiteStore(db: Database): PublicSiteStore {
  // The constants are written into the SQL, not bound: better-sqlite3 binds numbers as REAL, and
  // REAL division would give every vote a week of its own.
  const weekly = db.prepare<[], { week: number; voters: number }>(
    `SELECT (voted_at - ${FIRST_MONDAY_MS}) / ${WEEK_MS} AS week, count(DISTINCT voter_key) AS voters FROM votes GROUP BY 1 ORDER BY 1`,
  );
  // data_version moves when another connection (the console, a CLI command) commits; total_changes
  // when this one does. Together they change after every write, and cost no table read.
  const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
  return {
    weeklyVoters: async () =>
      weekly.all().map((r) => ({ week: new Date(FIRST_MONDAY_MS + r.week * WEEK_MS).toISOString().slice(0, 10), voters: r.voters })),
    version: () => `${db.pragma('data_version', { simple: true }) as number}.${changes.get()!.n}`,
  };
}
