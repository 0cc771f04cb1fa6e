import type { Database } from 'better-sqlite3';
import type { LeaseStore } from '../../src/ports/leases.ts';
import { HOUR_MS } from './activity.ts';
import { hourlyPruner } from './events.ts';

/**
 * Named leases in `leases`, granted in one statement: the row is taken when it is free, expired or
 * the holder's own. Leases that ended an hour ago are deleted at most once an hour, on the way in.
 */
export function createLeaseStore(db: Database): LeaseStore {
  const take = db.prepare<{ name: string; holder: string; now: number; until: number }, { holder: string }>(
    `INSERT INTO leases (name, holder, until) VALUES (@name, @holder, @until)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
       WHERE leases.until <= @now OR leases.holder = excluded.holder
     RETURNING holder`,
  );
  const current = db.prepare<[string], { until: number }>('SELECT until FROM leases WHERE name = ?');
  const prune = db.prepare<[number]>('DELETE FROM leases WHERE until < ?');
  const pruneOld = hourlyPruner((before) => prune.run(before), HOUR_MS);
  return {
    async acquire(name, holder, now, until) {
      const at = now.getTime();
      pruneOld(at);
      if (take.get({ name, holder, now: at, until: until.getTime() })) return { acquired: true };
      // Another holder has it: say until when, so the caller comes back then.
      return { acquired: false, heldUntil: new Date(current.get(name)?.until ?? at) };
    },
  };
}
