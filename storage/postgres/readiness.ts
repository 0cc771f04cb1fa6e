import { PG_LATEST_VERSION, pgSchemaVersion } from './migrations/index.ts';
import type { Db } from './pool.ts';

/** What `/readyz` asks of PostgreSQL: a committed write, the current schema, and how long the outbox has waited. */
export function createPgReadinessProbe(db: Db) {
  return {
    async write(now: Date): Promise<void> {
      await db.run('INSERT INTO readiness_probe (id, probed_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at', [now.getTime()]);
    },
    schema: async () => ({ version: await pgSchemaVersion(db), latest: PG_LATEST_VERSION }),
    async oldestDue(): Promise<Date | null> {
      const [row] = await db.query<{ at: number | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending'");
      return row?.at == null ? null : new Date(row.at);
    },
  };
}
