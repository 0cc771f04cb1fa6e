import type { Migration } from './migration.ts';

/**
 * Survey free-text answers in the follow-up loop: each answer to a `text` or `longtext` question is
 * also a row of `suggestions` (moderation, topic, status and the review queue work on it as on any
 * suggestion), marked by the survey and question it answers. It carries the respondent's pseudonym
 * for that survey as its sender key, no sender, no company and no segment. `created_at` on a
 * response lets the digest count what is new.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'survey-follow-up',
  up: `
    ALTER TABLE suggestions ADD COLUMN survey_id INTEGER REFERENCES surveys (id) ON DELETE CASCADE;
    ALTER TABLE suggestions ADD COLUMN question_id TEXT;
    CREATE UNIQUE INDEX suggestions_survey_answer ON suggestions (survey_id, question_id, sender_key) WHERE survey_id IS NOT NULL;

    ALTER TABLE survey_responses ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
    UPDATE survey_responses SET created_at = updated_at;
  `,
};
