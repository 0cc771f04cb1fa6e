import type { LeaseStore } from '../../../src/ports/leases.ts';
import { HOUR_MS } from '../../repositories/activity.ts';
import { hourlyPruner } from '../../repositories/events.ts';
import type { Db } from '../pool.ts';

/** Named leases granted in one statement, as SQLite's: the row is taken when free, expired or the holder's own. */
export function createPgLeaseStore(db: Db): LeaseStore {
  const pruneOld = hourlyPruner((before) => db.run('DELETE FROM leases WHERE until < $1', [before]), HOUR_MS);
  return {
    async acquire(name, holder, now, until) {
      const at = now.getTime();
      await pruneOld(at);
      const taken = await db.query(
        `INSERT INTO leases (name, holder, until) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
           WHERE leases.until <= $4 OR leases.holder = excluded.holder
         RETURNING holder`,
        [name, holder, until.getTime(), at],
      );
      if (taken.length) return { acquired: true };
      const [current] = await db.query<{ until: number }>('SELECT until FROM leases WHERE name = $1', [name]);
      return { acquired: false, heldUntil: new Date(current?.until ?? at) };
    },
  };
}
