import type { Database } from 'better-sqlite3';
import type { EventLog } from '../../src/ports/store.ts';

export function createEventLog(db: Database): EventLog {
  const claim = db.prepare<[string, string, number]>('INSERT INTO processed_events (source, key, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  return { firstDelivery: async (source, key, now) => claim.run(source, key, now.getTime()).changes > 0 };
}
