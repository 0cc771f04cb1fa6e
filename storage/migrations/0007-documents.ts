import type { Migration } from './migration.ts';

/**
 * Documents the project group publishes on the public page: meeting minutes and presentations.
 * Files are kept in the database, so a backup of the one file holds them and `publish` can write
 * them anywhere; a link keeps only its URL.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'documents',
  up: `
    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      date TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('pdf', 'markdown', 'link')),
      url TEXT,
      content BLOB,
      created_at INTEGER NOT NULL,
      CHECK ((kind = 'link') = (url IS NOT NULL)),
      CHECK ((kind = 'link') = (content IS NULL))
    ) STRICT;
  `,
};
