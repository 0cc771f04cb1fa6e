import type { EventLog } from '../../../src/ports/store.ts';
import { hourlyPruner } from '../../repositories/events.ts';
import type { Db } from '../pool.ts';

/** Delivery records on the unique key (source, key): of two replicas given the same retry, one wins. Old ones are pruned at most hourly. */
export function createPgEventLog(db: Db): EventLog {
  const pruneOld = hourlyPruner((before) => db.run('DELETE FROM processed_events WHERE seen_at < $1', [before]));
  return {
    async firstDelivery(source, key, now) {
      const at = now.getTime();
      await pruneOld(at);
      return (await db.run('INSERT INTO processed_events (source, key, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [source, key, at])) > 0;
    },
  };
}
