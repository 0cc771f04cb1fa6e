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

    -- Times that could tie an anonymous record to its sender are kept coarsely from now on; so are
    -- the ones already written: seen-times by the day, activity by the hour.
    UPDATE participants SET first_seen = first_seen - first_seen % 86400000, last_seen = last_seen - last_seen % 86400000;
    UPDATE activity SET last_at = hour * 3600000;
    -- Vote-click records held the voter's id in clear; they only guard against replays within minutes.
    DELETE FROM processed_events WHERE source = 'vote';
  `,
};
