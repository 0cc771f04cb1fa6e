import type { Migration } from './migration.ts';

/**
 * The follow-up loop: a member's approval (review mode), a hidden suggestion's reason, each
 * suggestion's status with its public note, whether its topic was only proposed, and the records
 * behind them (who moderated what, when a status changed, a sender's answers to a member).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'follow-up',
  up: `
    -- Suggestions that were shown before moderation existed stay shown: they were published already.
    ALTER TABLE suggestions ADD COLUMN approved_at INTEGER;
    UPDATE suggestions SET approved_at = created_at WHERE status = 'new' AND publishable = 1;
    ALTER TABLE suggestions ADD COLUMN progress TEXT NOT NULL DEFAULT 'received'
      CHECK (progress IN ('received', 'considering', 'recommended', 'not_pursued', 'done'));
    ALTER TABLE suggestions ADD COLUMN status_note TEXT;
    ALTER TABLE suggestions ADD COLUMN progress_at INTEGER;
    ALTER TABLE suggestions ADD COLUMN topic_proposed INTEGER NOT NULL DEFAULT 0 CHECK (topic_proposed IN (0, 1));
    CREATE INDEX suggestions_progress_at ON suggestions (progress_at) WHERE progress_at IS NOT NULL;

    -- Kept for the record and shown to members only; goes with the suggestion when it is deleted.
    CREATE TABLE moderation_log (
      id INTEGER PRIMARY KEY,
      suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
      member_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('approve', 'hide', 'restore', 'status', 'topic')),
      detail TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX moderation_log_suggestion ON moderation_log (suggestion_id, id);

    -- A sender's answer to the member who replied or set a status; the member is whom it goes to.
    CREATE TABLE sender_answers (
      id INTEGER PRIMARY KEY,
      suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
      member_id TEXT NOT NULL,
      text TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
  `,
};
