import type { PublicSiteStore } from '../../../src/ports/public-site.ts';
import { FIRST_MONDAY_MS, WEEK_MS } from '../../repositories/public-site.ts';
import type { Db } from '../pool.ts';

/**
 * `version()` must answer at once, so it returns what it knows and asks the server again in the
 * background: this process's own commits move it immediately; another replica's (or a CLI
 * command's) show up from the next call, once the server's WAL position has been read.
 */
export function createPgPublicSiteStore(db: Db): PublicSiteStore {
  let wal = '';
  let asking = false;
  const ask = () => {
    if (asking) return;
    asking = true;
    db.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
      .then(([row]) => {
        wal = row?.lsn ?? wal;
      })
      .catch(() => {})
      .finally(() => {
        asking = false;
      });
  };
  return {
    weeklyVoters: async () =>
      (
        await db.query<{ week: number; voters: number }>(
          `SELECT (voted_at - ${FIRST_MONDAY_MS}) / ${WEEK_MS} AS week, count(DISTINCT voter_key) AS voters FROM votes GROUP BY 1 ORDER BY 1`,
        )
      ).map((r) => ({ week: new Date(FIRST_MONDAY_MS + r.week * WEEK_MS).toISOString().slice(0, 10), voters: r.voters })),
    version() {
      ask();
      return `${wal}.${db.commits()}`;
    },
  };
}
