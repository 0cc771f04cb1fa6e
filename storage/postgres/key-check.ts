import type { Db } from './pool.ts';

/** The key file's check value in the `key_check` table, as SQLite keeps it (storage/key-check.ts): never the key. */
export interface PgKeyCheck {
  recorded(): Promise<string | null>;
  record(value: string, now: Date): Promise<void>;
  /** Whether anything was made with a key (pseudonyms, sealed senders or installations, a recorded check value). */
  holdsKeyedData(): Promise<boolean>;
}

export function createPgKeyCheck(db: Db): PgKeyCheck {
  return {
    recorded: async () => (await db.query<{ value: string }>('SELECT value FROM key_check WHERE id = 1'))[0]?.value ?? null,
    async record(value, now) {
      await db.run('INSERT INTO key_check (id, value, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [value, now.getTime()]);
    },
    async holdsKeyedData() {
      const [row] = await db.query<{ held: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM key_check) OR EXISTS (SELECT 1 FROM suggestions) OR EXISTS (SELECT 1 FROM votes)
           OR EXISTS (SELECT 1 FROM activity) OR EXISTS (SELECT 1 FROM platform_state WHERE value LIKE '%"sealed"%') AS held`,
      );
      return row?.held === true;
    },
  };
}
