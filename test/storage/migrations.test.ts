import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, openSqliteStore } from '../../storage/index.ts';
import { useTmpDir } from '../helpers/tmp.ts';

// Empty, older, concurrent and newer databases are in the storage contract (test/contract/migrations.test.ts).
describe('migrations', () => {
  const tmp = useTmpDir();

  it('carries a digest in the middle of its parts over from the adapters’ records into the outbox (version 9)', async () => {
    const path = join(tmp(), 'parts.db');
    const db = openDatabase(path);
    migrate(db, 8);
    const queue = db.prepare(
      "INSERT INTO outbox (platform, workspace_id, recipient, payload, dedupe_key, label, status, next_attempt_at, created_at) VALUES (?, 'T1', '{\"kind\":\"user\",\"userId\":\"U1\"}', '{\"type\":\"poll\",\"pollId\":1}', ?, 'x', 'pending', 1, 1)",
    );
    const slack = Number(queue.run('slack', 'a').lastInsertRowid);
    const teams = Number(queue.run('teams', 'b').lastInsertRowid);
    const fresh = Number(queue.run('slack', 'c').lastInsertRowid);
    const state = db.prepare("INSERT INTO platform_state (namespace, key, value, updated_at) VALUES (?, ?, ?, 1)");
    state.run('slack.digest_parts', String(slack), JSON.stringify({ sent: 2, total: 5 }));
    state.run('teams.digest_parts', String(teams), JSON.stringify({ sent: 3, total: 3 }));
    state.run('slack.dm_channel', 'T1:U1', JSON.stringify({ channel: 'D1' }));
    db.close();
    const store = openSqliteStore(path);
    expect((await store.outbox.getMany([slack, teams, fresh])).map((m) => m.partsSent)).toEqual([2, 3, 0]);
    expect(store.db.prepare('SELECT namespace FROM platform_state').all()).toEqual([{ namespace: 'slack.dm_channel' }]);
    await store.close();
  });

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
