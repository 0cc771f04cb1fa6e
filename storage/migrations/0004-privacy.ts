import type { Migration } from './migration.ts';

/**
 * The check value of the key file (never the key): a missing or wrong key file is then caught at
 * start instead of silently orphaning every pseudonym and sealed sender. One row at most.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'privacy',
  up: `
    CREATE TABLE key_check (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      value TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    -- Retention deletes sent messages by age.
    CREATE INDEX outbox_sent ON outbox (sent_at) WHERE status = 'sent';
  `,
};
