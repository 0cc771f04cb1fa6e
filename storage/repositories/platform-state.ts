import type { Database } from 'better-sqlite3';
import type { PlatformStateStore } from '../../src/ports/store.ts';

/** Escapes LIKE's wildcards so a prefix matches literally. */
export const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

export function createPlatformStateStore(db: Database): PlatformStateStore {
  const put = db.prepare<[string, string, string, number]>(
    `INSERT INTO platform_state (namespace, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const get = db.prepare<[string, string], { value: string }>('SELECT value FROM platform_state WHERE namespace = ? AND key = ?');
  const del = db.prepare<[string, string]>('DELETE FROM platform_state WHERE namespace = ? AND key = ?');
  const delPrefix = db.prepare<[string, string]>("DELETE FROM platform_state WHERE namespace = ? AND key LIKE ? ESCAPE '\\'");
  const list = db.prepare<[string, string, number], { key: string; value: string }>(
    "SELECT key, value FROM platform_state WHERE namespace = ? AND key LIKE ? ESCAPE '\\' ORDER BY key LIMIT ?",
  );
  return {
    put: async (ns, key, value, now) => void put.run(ns, key, JSON.stringify(value), now.getTime()),
    async get<T>(ns: string, key: string) {
      const row = get.get(ns, key);
      return row ? (JSON.parse(row.value) as T) : null;
    },
    delete: async (ns, key) => del.run(ns, key).changes > 0,
    deletePrefix: async (ns, prefix) => delPrefix.run(ns, likePrefix(prefix)).changes,
    async list<T>(ns: string, prefix: string, limit = 1000) {
      return list.all(ns, likePrefix(prefix), limit).map((r) => ({ key: r.key, value: JSON.parse(r.value) as T }));
    },
  };
}
