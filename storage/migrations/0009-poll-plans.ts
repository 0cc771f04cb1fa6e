import type { MigrationStep } from './step.ts';

/**
 * Polls of up to 25 options: the votes table's check stopped at option 9, and a CHECK can only be
 * changed by rebuilding the table (same columns, rows and indexes; only the bound moves).
 *
 * Scheduled polls (`--at`): `polls.starts_at`, from when the poll is posted and takes votes (null:
 * at once). The post itself waits in the outbox, so a restart loses nothing.
 */
export const migration0009: MigrationStep = {
  version: 9,
  name: 'poll-plans',
  rebuildsTables: true,
  up: `
    CREATE TABLE votes_rebuilt (
      voter_key TEXT NOT NULL,
      poll_id INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
      option INTEGER NOT NULL CHECK (option BETWEEN 0 AND 24),
      single INTEGER NOT NULL CHECK (single IN (0, 1)),
      area TEXT,
      industry TEXT,
      size_band TEXT,
      voted_at INTEGER NOT NULL,
      PRIMARY KEY (voter_key, poll_id, option)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO votes_rebuilt (voter_key, poll_id, option, single, area, industry, size_band, voted_at)
      SELECT voter_key, poll_id, option, single, area, industry, size_band, voted_at FROM votes;
    DROP TABLE votes;
    ALTER TABLE votes_rebuilt RENAME TO votes;
    CREATE UNIQUE INDEX votes_single_choice ON votes (voter_key, poll_id) WHERE single = 1;
    CREATE INDEX votes_voted_at ON votes (voted_at);

    ALTER TABLE polls ADD COLUMN starts_at INTEGER;
  `,
};
