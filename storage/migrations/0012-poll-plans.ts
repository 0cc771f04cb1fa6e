import type { Database } from 'better-sqlite3';
import type { MigrationStep } from './step.ts';

/**
 * Polls of up to 25 options: the votes table's check stopped at option 9, and a CHECK can only be
 * changed by rebuilding the table: its stored definition with the new bound, its rows and indexes.
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
function widenVoteOptions(db: Database): void {
  const create = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'votes'").pluck().get() as string;
  const indexes = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'votes' AND sql IS NOT NULL").pluck().all() as string[];
  const widened = create.replace(/^CREATE TABLE "?votes"?/, 'CREATE TABLE votes_rebuilt').replace('CHECK (option BETWEEN 0 AND 9)', 'CHECK (option BETWEEN 0 AND 24)');
  if (!widened.includes('BETWEEN 0 AND 24')) throw new Error('votes: the option check to widen was not found');
  db.exec(widened);
  db.exec('INSERT INTO votes_rebuilt SELECT * FROM votes');
  db.exec('DROP TABLE votes');
  db.exec('ALTER TABLE votes_rebuilt RENAME TO votes');
  for (const sql of indexes) db.exec(sql);
}

export const migration0012: MigrationStep = {
  version: 12,
  name: 'poll-plans',
  rebuildsTables: true,
  up(db) {
    widenVoteOptions(db);
    db.exec(`
    ALTER TABLE polls ADD COLUMN starts_at INTEGER;

    CREATE TABLE poll_series (
      id INTEGER PRIMARY KEY,
      cron TEXT NOT NULL,
      -- Each round closes this long after it starts; null: when the next round starts.
      close_after_ms INTEGER CHECK (close_after_ms > 0),
      -- Each round of a poll to everyone reminds those who have not voted this long after it starts.
      remind_after_ms TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(remind_after_ms)),
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
    `);
  },
};
