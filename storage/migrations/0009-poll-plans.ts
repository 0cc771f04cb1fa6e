import type { MigrationStep } from './step.ts';

/**
 * Polls of up to 25 options: the votes table's check stopped at option 9, and a CHECK can only be
 * changed by rebuilding the table (same columns, rows and indexes; only the bound moves).
 *
 * Scheduled polls (`--at`): `polls.starts_at`, from when the poll is posted and takes votes (null:
 * at once). The post itself waits in the outbox, so a restart loses nothing.
 *
 * Recurring polls (`--every "cron"`): a series, whose rounds are polls of their own (`series_id`,
 * `round`); the first round is the template the later ones copy. `next_at` is when the next round
 * is due (null once stopped); a round is started by moving it on, so no two processes start one twice.
 *
 * Deleted polls (`polls.deleted_at`).
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

    CREATE TABLE poll_series (
      id INTEGER PRIMARY KEY,
      cron TEXT NOT NULL,
      -- Each round closes this long after it starts; null: when the next round starts.
      close_after_ms INTEGER CHECK (close_after_ms > 0),
      next_at INTEGER,
      rounds INTEGER NOT NULL DEFAULT 0 CHECK (rounds >= 0),
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX poll_series_due ON poll_series (next_at) WHERE next_at IS NOT NULL;
    ALTER TABLE polls ADD COLUMN series_id INTEGER REFERENCES poll_series (id) ON DELETE SET NULL;
    ALTER TABLE polls ADD COLUMN round INTEGER;
    CREATE INDEX polls_series ON polls (series_id, round) WHERE series_id IS NOT NULL;

    -- A deleted poll keeps its row (its posted messages still point to it and now say it is gone),
    -- but not its question, options or votes.
    ALTER TABLE polls ADD COLUMN deleted_at INTEGER;
  `,
};
