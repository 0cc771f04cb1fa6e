import type { Database } from 'better-sqlite3';

/** The key file's check value as the database recorded it, or null before the first key. */
export function recordedKeyCheck(db: Database): string | null {
  return db.prepare<[], { value: string }>('SELECT value FROM key_check WHERE id = 1').get()?.value ?? null;
}

export function recordKeyCheck(db: Database, value: string, now: Date): void {
  db.prepare<[string, number]>('INSERT INTO key_check (id, value, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING').run(value, now.getTime());
}

/**
 * Whether anything in the database was made with a key: pseudonyms (suggestions, votes, activity),
 * sealed senders, sealed Slack installations, or a recorded check value. A new key would orphan it.
 */
export function holdsKeyedData(db: Database): boolean {
  const row = db
    .prepare<[], { n: number }>(
      `SELECT EXISTS (SELECT 1 FROM key_check) OR EXISTS (SELECT 1 FROM suggestions) OR EXISTS (SELECT 1 FROM votes)
         OR EXISTS (SELECT 1 FROM activity) OR EXISTS (SELECT 1 FROM platform_state WHERE value LIKE '%"sealed"%') AS n`,
    )
    .get()!;
  return row.n === 1;
}
