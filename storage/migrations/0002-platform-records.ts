import type { Migration } from './migration.ts';

/** Replay protection for platform deliveries, and the adapters' own small records. */
export const migration0002: Migration = {
  version: 2,
  name: 'platform-records',
  up: `
    CREATE TABLE processed_events (
      source TEXT NOT NULL,
      key TEXT NOT NULL,
      seen_at INTEGER NOT NULL,
      PRIMARY KEY (source, key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX processed_events_seen ON processed_events (seen_at);

    CREATE TABLE platform_state (
      namespace TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (namespace, key)
    ) STRICT, WITHOUT ROWID;
  `,
};
