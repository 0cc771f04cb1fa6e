import type { Migration } from './migration.ts';

/**
 * The durable outbox (what the bot sends on its own), the digest runs that claim a period once
 * across processes, and members' replies to a suggestion's sender.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'outbox',
  up: `
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
      workspace_id TEXT NOT NULL,
      recipient TEXT NOT NULL CHECK (json_valid(recipient)),
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      -- What the message is for (digest:<run>:<member>, poll:<id>:<participant>, reply:<id>):
      -- the unique key is what keeps a message from being queued twice.
      dedupe_key TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      claimed_by TEXT,
      claimed_until INTEGER,
      last_error TEXT,
      platform_ref TEXT,
      created_at INTEGER NOT NULL,
      sent_at INTEGER
    ) STRICT;
    CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

    CREATE TABLE digest_runs (
      id INTEGER PRIMARY KEY,
      -- The scheduled slot (or the moment of a manual send): one run per slot, whoever claims it first.
      slot INTEGER NOT NULL UNIQUE,
      period_start INTEGER NOT NULL,
      period_end INTEGER NOT NULL,
      manual INTEGER NOT NULL CHECK (manual IN (0, 1)),
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE replies (
      id INTEGER PRIMARY KEY,
      suggestion_id INTEGER REFERENCES suggestions (id) ON DELETE SET NULL,
      member_id TEXT NOT NULL,
      text TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
  `,
};
