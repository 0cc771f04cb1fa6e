import type { EventLog } from '../../../src/ports/store.ts';
import { hourlyPruner } from '../../repositories/events.ts';
import type { Conn, Db } from '../pool.ts';

/** Records a delivery key under a source, inside the caller's transaction; false if it was there (a replay). */
export const claimDelivery = async (c: Conn, source: string, key: string, now: Date): Promise<boolean> =>
  (await c.run('INSERT INTO processed_events (source, key, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [source, key, now.getTime()])) > 0;

/** Delivery records on the unique key (source, key): of two replicas given the same retry, one wins. Old ones are pruned at most hourly. */
export function createPgEventLog(db: Db): EventLog {
  const pruneOld = hourlyPruner((before) => db.run('DELETE FROM processed_events WHERE seen_at < $1', [before]));
  return {
    async firstDelivery(source, key, now) {
      const at = now.getTime();
      await pruneOld(at);
      return claimDelivery(db, source, key, now);
    },
  };
}
