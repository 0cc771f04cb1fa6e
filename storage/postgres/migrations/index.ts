import type pg from 'pg';
import { DatabaseFromFutureError } from '../../migrations/index.ts';
import type { Conn } from '../pool.ts';
import { pgMigration0001 } from './0001-initial.ts';
import { pgMigration0002 } from './0002-outbox-parts.ts';
import { pgMigration0003 } from './0003-replicas.ts';
import { pgMigration0004 } from './0004-survey-follow-up.ts';
import { pgMigration0005 } from './0005-poll-plans.ts';

export interface PgMigration {
  version: number;
  name: string;
  up: string;
}

/** PostgreSQL's own migrations, numbered from 1 apart from SQLite's. Add new ones at the end; never edit a released one. */
export const PG_MIGRATIONS: readonly PgMigration[] = [pgMigration0001, pgMigration0002, pgMigration0003, pgMigration0004, pgMigration0005];

export const PG_LATEST_VERSION = PG_MIGRATIONS.length;

/** The advisory lock key ('innspill' in ASCII) that serialises migrations across replicas. */
const MIGRATION_LOCK = '7597131063506857068';

/** The version a database is at: 0 before the first migration. */
export async function pgSchemaVersion(c: Conn): Promise<number> {
  const [table] = await c.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!table?.t) return 0;
  const [row] = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return row?.v ?? 0;
}

/**
 * Brings the database to `target` (default: latest). Replicas starting together queue on one
 * advisory lock, so exactly one migrates and the others find the work done. Each step commits
 * with its version row, so a failed step leaves the previous version intact.
 */
export async function migratePostgres(pool: pg.Pool, target = PG_LATEST_VERSION): Promise<{ from: number; to: number }> {
  PG_MIGRATIONS.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const client = await pool.connect();
  const conn: Conn = {
    query: async <R>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as R[],
    run: async (text, values) => (await client.query(text, values)).rowCount ?? 0,
  };
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
      const from = await pgSchemaVersion(conn);
      if (from > PG_LATEST_VERSION) throw new DatabaseFromFutureError(from, PG_LATEST_VERSION);
      for (const m of PG_MIGRATIONS.slice(from, target)) {
        await client.query('BEGIN');
        try {
          await client.query(m.up);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      return { from, to: Math.max(from, Math.min(target, PG_LATEST_VERSION)) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
