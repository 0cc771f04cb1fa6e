import type { Database } from 'better-sqlite3';
import { LATEST_VERSION, schemaVersion } from './migrations/index.ts';

/** What `/readyz` asks of the database: a real write, the current schema, and how long the outbox has waited. */
export interface ReadinessProbe {
  /** Commits a one-row write; throws what SQLite says (SQLITE_FULL, SQLITE_READONLY, …). */
  write(now: Date): void;
  schema(): { version: number; latest: number };
  /** The due time of the oldest message still waiting to go out, or null. */
  oldestDue(): Date | null;
}

export function createReadinessProbe(db: Database): ReadinessProbe {
  const write = db.prepare('INSERT INTO readiness_probe (id, probed_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at');
  const oldest = db.prepare("SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending'").pluck();
  return {
    write: (now) => void write.run(now.getTime()),
    schema: () => ({ version: schemaVersion(db), latest: LATEST_VERSION }),
    oldestDue: () => {
      const at = oldest.get() as number | null;
      return at === null ? null : new Date(at);
    },
  };
}
