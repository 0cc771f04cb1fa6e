import type { Migration } from './migration.ts';

/**
 * How many parts of a message in several (a long digest) the platform has accepted, kept on the
 * outbox row itself, for Slack and Teams alike, instead of in each adapter's platform records. The
 * progress recorded there so far is carried over, so a digest in the middle of its parts does not
 * start again from the first.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'outbox-parts',
  up: `
    ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0 CHECK (parts_sent >= 0);
    UPDATE outbox SET parts_sent = coalesce((
      SELECT max(json_extract(value, '$.sent')) FROM platform_state
      WHERE namespace IN ('slack.digest_parts', 'teams.digest_parts') AND key = CAST(outbox.id AS TEXT)
    ), 0);
    DELETE FROM platform_state WHERE namespace IN ('slack.digest_parts', 'teams.digest_parts');
  `,
};
