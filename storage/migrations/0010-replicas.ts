import type { Migration } from './migration.ts';

/**
 * What several processes on one database share beyond the outbox's claims: the send slots that
 * keep each workspace's rate limit across all of them, and short named leases (one poll's message
 * updates at a time). Both hold only platform, workspace and poll ids, and rows end within minutes.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'replicas',
  up: `
    CREATE TABLE send_slots (
      id INTEGER PRIMARY KEY,
      -- <rate key>|<limit>/<window ms>: one of a platform's limits on one workspace.
      lane TEXT NOT NULL,
      starts_at INTEGER NOT NULL,
      ends_at INTEGER NOT NULL,
      count INTEGER NOT NULL CHECK (count > 0),
      CHECK (ends_at > starts_at)
    ) STRICT;
    CREATE INDEX send_slots_lane ON send_slots (lane, ends_at);

    CREATE TABLE leases (
      name TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      until INTEGER NOT NULL
    ) STRICT;
  `,
};
