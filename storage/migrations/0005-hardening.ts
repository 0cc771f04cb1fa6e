import type { Migration } from './migration.ts';

/** One row `/readyz` rewrites, so readiness proves the database takes a write (a full disk does not). */
export const migration0005: Migration = {
  version: 5,
  name: 'hardening',
  up: `
    CREATE TABLE readiness_probe (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      probed_at INTEGER NOT NULL
    ) STRICT;
  `,
};
