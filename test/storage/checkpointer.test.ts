import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, openSqliteStore } from '../../storage/index.ts';
import { superviseCheckpoints } from '../../storage/checkpointer.ts';
import { useTmpDir } from '../helpers/tmp.ts';

describe('the WAL checkpointer', () => {
  const tmp = useTmpDir();

  it('runs from any working directory: its worker is found beside the package, not in the cwd', async () => {
    const dir = tmp();
    const path = join(dir, 'server.db');
    const errors: string[] = [];
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = openSqliteStore(path, { onCheckpointError: (m) => errors.push(m) });
      const before = statSync(path).size;
      const insert = store.db.prepare('INSERT INTO members (id, added_at) VALUES (?, 0)');
      store.db.transaction(() => {
        for (let i = 0; i < 5000; i += 1) insert.run(`slack:T1:U${i}-${'x'.repeat(60)}`);
      })();
      expect(statSync(path).size).toBe(before);
      for (let i = 0; i < 100 && statSync(path).size === before && errors.length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(errors).toEqual([]);
      expect(statSync(path).size).toBeGreaterThan(before);
      store.close();
    } finally {
      process.chdir(cwd);
    }
  });

  it('turns automatic checkpoints back on, and says so, when its worker fails', async () => {
    const db = openDatabase(join(tmp(), 'main.db'));
    const logged: string[] = [];
    const failed = new Promise<void>((resolve) => {
      // The worker cannot open a database that is not there, so it fails at once.
      superviseCheckpoints(db, join(tmp(), 'missing', 'gone.db'), (message) => {
        logged.push(message);
        resolve();
      });
    });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await failed;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(logged[0]).toMatch(/automatic checkpoints are back on/);
    db.close();
  });
});
