import type { PgMigration } from './index.ts';

/** SQLite's 0009: how many parts of a message in several the platform has accepted, on the outbox row. */
export const pgMigration0002: PgMigration = {
  version: 2,
  name: 'outbox-parts',
  up: `ALTER TABLE outbox ADD COLUMN parts_sent integer NOT NULL DEFAULT 0 CHECK (parts_sent >= 0);`,
};
