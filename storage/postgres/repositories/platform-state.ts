import type { PlatformStateStore } from '../../../src/ports/store.ts';
import { likePrefix } from '../../repositories/platform-state.ts';
import type { Db } from '../pool.ts';

/** Keys sort byte-wise (COLLATE "C"), as in SQLite, so a prefix lists a group in the same order. */
export function createPgPlatformStateStore(db: Db): PlatformStateStore {
  return {
    async put(ns, key, value, now) {
      await db.run(
        `INSERT INTO platform_state (namespace, key, value, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [ns, key, JSON.stringify(value), now.getTime()],
      );
    },
    async get<T>(ns: string, key: string) {
      const [row] = await db.query<{ value: string }>('SELECT value FROM platform_state WHERE namespace = $1 AND key = $2', [ns, key]);
      return row ? (JSON.parse(row.value) as T) : null;
    },
    delete: async (ns, key) => (await db.run('DELETE FROM platform_state WHERE namespace = $1 AND key = $2', [ns, key])) > 0,
    deletePrefix: (ns, prefix) => db.run("DELETE FROM platform_state WHERE namespace = $1 AND key LIKE $2 ESCAPE '\\'", [ns, likePrefix(prefix)]),
    async list<T>(ns: string, prefix: string, limit = 1000) {
      const rows = await db.query<{ key: string; value: string }>(
        `SELECT key, value FROM platform_state WHERE namespace = $1 AND key LIKE $2 ESCAPE '\\' ORDER BY key COLLATE "C" LIMIT $3`,
        [ns, likePrefix(prefix), limit],
      );
      return rows.map((r) => ({ key: r.key, value: JSON.parse(r.value) as T }));
    },
  };
}
