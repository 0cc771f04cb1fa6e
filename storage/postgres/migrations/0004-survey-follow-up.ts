import type { PgMigration } from './index.ts';

/** SQLite's 0011: survey free-text answers as follow-up items marked by survey and question; when a response began. */
export const pgMigration0004: PgMigration = {
  version: 4,
  name: 'survey-follow-up',
  up: `
    ALTER TABLE suggestions ADD COLUMN survey_id bigint REFERENCES surveys (id) ON DELETE CASCADE;
    ALTER TABLE suggestions ADD COLUMN question_id text;
    CREATE UNIQUE INDEX suggestions_survey_answer ON suggestions (survey_id, question_id, sender_key) WHERE survey_id IS NOT NULL;

    ALTER TABLE survey_responses ADD COLUMN created_at bigint NOT NULL DEFAULT 0;
    UPDATE survey_responses SET created_at = updated_at;
  `,
};
