import type { Migration } from './migration.ts';

/**
 * Surveys ("questback"), each send of one (to whom, when, reminders) and the responses. A response
 * is keyed by the respondent's pseudonym and carries only their segment, as votes do, so the file
 * does not tell who answered what.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'surveys',
  up: `
    CREATE TABLE surveys (
      id INTEGER PRIMARY KEY,
      definition TEXT NOT NULL CHECK (json_valid(definition)),
      creator_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      closes_at INTEGER,
      closed_at INTEGER
    ) STRICT;

    CREATE TABLE survey_sends (
      id INTEGER PRIMARY KEY,
      survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
      target TEXT NOT NULL CHECK (json_valid(target)),
      starts_at INTEGER NOT NULL,
      closes_at INTEGER,
      remind_at TEXT NOT NULL CHECK (json_valid(remind_at)),
      recipients INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX survey_sends_survey ON survey_sends (survey_id);

    CREATE TABLE survey_responses (
      survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
      respondent_key TEXT NOT NULL,
      answers TEXT NOT NULL CHECK (json_valid(answers)),
      complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
      area TEXT,
      industry TEXT,
      size_band TEXT,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (survey_id, respondent_key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX survey_responses_respondent ON survey_responses (respondent_key);

    CREATE TABLE survey_optouts (
      person_key TEXT PRIMARY KEY,
      created_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
};
