import type { Migration } from './migration.ts';

/** The domain tables. Timestamps are milliseconds since the epoch, in UTC. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE participants (
      id TEXT PRIMARY KEY,
      platform TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      locale TEXT,
      company_name TEXT,
      area TEXT,
      industry TEXT,
      size_band TEXT,
      first_seen INTEGER NOT NULL,
      last_seen INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX participants_platform ON participants (platform, workspace_id);

    CREATE TABLE suggestions (
      id INTEGER PRIMARY KEY,
      workspace_key TEXT NOT NULL,
      sender_key TEXT NOT NULL,
      sender_id TEXT,
      sealed_sender TEXT,
      topic TEXT NOT NULL,
      text TEXT NOT NULL,
      anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
      publishable INTEGER NOT NULL CHECK (publishable IN (0, 1)),
      company_name TEXT,
      area TEXT,
      industry TEXT,
      size_band TEXT,
      status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'hidden')),
      created_at INTEGER NOT NULL,
      dedupe_key TEXT UNIQUE,
      CHECK (anonymous = 0 OR (sender_id IS NULL AND company_name IS NULL))
    ) STRICT;
    CREATE INDEX suggestions_created ON suggestions (created_at);
    CREATE INDEX suggestions_sender ON suggestions (sender_key, created_at);

    CREATE TABLE polls (
      id INTEGER PRIMARY KEY,
      question TEXT NOT NULL,
      options TEXT NOT NULL CHECK (json_valid(options)),
      multiple_choice INTEGER NOT NULL CHECK (multiple_choice IN (0, 1)),
      anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
      results_visibility TEXT NOT NULL CHECK (results_visibility IN ('live', 'after_close')),
      closes_at INTEGER,
      closed_at INTEGER,
      audience TEXT NOT NULL CHECK (audience IN ('channel', 'everyone')),
      channel_platform TEXT,
      channel_workspace TEXT,
      channel_id TEXT,
      creator_id TEXT NOT NULL,
      workspace_key TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      -- People with at least one choice: kept with every vote, so showing a poll never counts rows.
      voters INTEGER NOT NULL DEFAULT 0 CHECK (voters >= 0)
    ) STRICT;
    CREATE INDEX polls_workspace ON polls (workspace_key, closed_at);

    -- One row per chosen option, keyed by voter first: a person's choices in a poll, their votes
    -- everywhere ("mine", deletion) and the uniqueness checks all use the one key, so a click
    -- writes as few index pages as it can. The primary key stops a double vote on one option; the
    -- partial index stops a second option in a single-choice poll, whatever the code above does.
    CREATE TABLE votes (
      voter_key TEXT NOT NULL,
      poll_id INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
      option INTEGER NOT NULL CHECK (option BETWEEN 0 AND 9),
      single INTEGER NOT NULL CHECK (single IN (0, 1)),
      area TEXT,
      industry TEXT,
      size_band TEXT,
      voted_at INTEGER NOT NULL,
      PRIMARY KEY (voter_key, poll_id, option)
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX votes_single_choice ON votes (voter_key, poll_id) WHERE single = 1;
    CREATE INDEX votes_voted_at ON votes (voted_at);

    -- Counts per option, changed in the same transaction as the votes, so a click on a poll with
    -- thousands of votes costs the same as on an empty one.
    CREATE TABLE poll_tallies (
      poll_id INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
      option INTEGER NOT NULL,
      votes INTEGER NOT NULL CHECK (votes >= 0),
      PRIMARY KEY (poll_id, option)
    ) STRICT, WITHOUT ROWID;

    -- Who was active in which hour, with their segment at the time: the digest counts active
    -- people and their areas, industries and sizes from this instead of from every vote. Keyed by
    -- hour, so the rows a busy hour writes sit together; deleting a person's rows scans, which is rare.
    CREATE TABLE activity (
      person_key TEXT NOT NULL,
      hour INTEGER NOT NULL,
      area TEXT,
      industry TEXT,
      size_band TEXT,
      last_at INTEGER NOT NULL,
      PRIMARY KEY (hour, person_key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE members (
      id TEXT PRIMARY KEY,
      added_at INTEGER NOT NULL
    ) STRICT;
  `,
};
