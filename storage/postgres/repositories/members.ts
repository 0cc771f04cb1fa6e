import type { MemberStore } from '../../../src/ports/store.ts';
import type { Db } from '../pool.ts';

export function createPgMemberStore(db: Db): MemberStore {
  return {
    add: async (id, now) => (await db.run('INSERT INTO members (id, added_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, now.getTime()])) > 0,
    remove: async (id) => (await db.run('DELETE FROM members WHERE id = $1', [id])) > 0,
    list: async () => (await db.query<{ id: string }>('SELECT id FROM members ORDER BY id COLLATE "C"')).map((r) => r.id),
    isMember: async (id) => (await db.query('SELECT 1 FROM members WHERE id = $1', [id])).length > 0,
  };
}
