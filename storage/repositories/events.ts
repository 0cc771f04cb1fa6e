import type { Database } from 'better-sqlite3';
import type { EventLog } from '../../src/ports/store.ts';
import { DELIVERY_RECORD_DAYS } from '../../src/usecases/privacy.ts';
import { HOUR_MS } from './activity.ts';

/**
 * Delivery records (event ids, vote clicks) in `processed_events`. Records past the retention are
 * deleted at most once an hour, on the way in, so the table holds about a week however long the
 * server runs.
 */
/** Calls `prune` with the cut-off (`keepMs` before now; delivery records' retention by default) at most once an hour: `undefined` when it was not due. */
export function hourlyPruner<T>(prune: (before: number) => T, keepMs = DELIVERY_RECORD_DAYS * 24 * HOUR_MS): (at: number) => T | undefined {
  let prunedAt = Number.NEGATIVE_INFINITY;
  return (at) => {
    if (at - prunedAt < HOUR_MS) return undefined;
    prunedAt = at;
    return prune(at - keepMs);
  };
}

/** Records a delivery key inside the caller's transaction; false if it was there already. */
export function deliveryClaimer(db: Database): (source: string, key: string, now: Date) => boolean {
  const claim = db.prepare<[string, string, number]>('INSERT INTO processed_events (source, key, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  return (source, key, now) => claim.run(source, key, now.getTime()).changes > 0;
}

export function createEventLog(db: Database): EventLog {
  const claim = deliveryClaimer(db);
  const prune = db.prepare<[number]>('DELETE FROM processed_events WHERE seen_at < ?');
  const pruneOld = hourlyPruner((before) => prune.run(before));
  return {
    async firstDelivery(source, key, now) {
      const at = now.getTime();
      pruneOld(at);
      return claim(source, key, now);
    },
  };
}
