import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, openSqliteStore } from '../../storage/index.ts';
import { useTmpDir } from '../helpers/tmp.ts';

// Empty, older, concurrent and newer databases are in the storage contract (test/contract/migrations.test.ts).
describe('migrations', () => {
  const tmp = useTmpDir();

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(join(tmp(), 'p.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('has indexes for the digest’s queries', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM suggestions WHERE created_at >= 1 AND created_at < 2')).toContain('suggestions_created');
    expect(plan('SELECT count(*) FROM votes WHERE voted_at >= 1 AND voted_at < 2')).toContain('votes_voted_at');
    db.close();
  });
});

describe('checkpoints on a worker thread', () => {
  const tmp = useTmpDir();

  it('moves the WAL into the database file off the main thread, and stops with the store', async () => {
    const { statSync } = await import('node:fs');
    const path = join(tmp(), 'server.db');
    const errors: string[] = [];
    const store = openSqliteStore(path, { onCheckpointError: (m) => errors.push(m) });
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(path).size;
    const insert = store.db.prepare("INSERT INTO members (id, added_at) VALUES (?, 0)");
    store.db.transaction(() => {
      for (let i = 0; i < 5000; i += 1) insert.run(`slack:T1:U${i}-${'x'.repeat(60)}`);
    })();
    expect(statSync(path).size).toBe(before);
    for (let i = 0; i < 50 && statSync(path).size === before; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(statSync(path).size).toBeGreaterThan(before);
    expect(errors).toEqual([]);
    store.close();
  });
});
