import type { Database } from 'better-sqlite3';
import type { MemberStore } from '../../src/ports/store.ts';

export function createMemberStore(db: Database): MemberStore {
  const add = db.prepare<[string, number]>('INSERT INTO members (id, added_at) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const remove = db.prepare<[string]>('DELETE FROM members WHERE id = ?');
  const list = db.prepare<[], { id: string }>('SELECT id FROM members ORDER BY id');
  const has = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM members WHERE id = ?');
  return {
    add: async (id, now) => add.run(id, now.getTime()).changes > 0,
    remove: async (id) => remove.run(id).changes > 0,
    list: async () => list.all().map((r) => r.id),
    isMember: async (id) => has.get(id) !== undefined,
  };
}
