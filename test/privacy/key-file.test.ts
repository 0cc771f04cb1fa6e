import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { openSqliteStore } from '../../storage/index.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const mode = (path: string) => statSync(path).mode & 0o777;
/** Spawned processes on a busy shared machine: room to finish, nothing measured. */
const SPAWNED = { timeout: 180_000 };

describe('the key file and file modes', () => {
  const tmp = useTmpDir();

  it('creates the data directory 0700, the database and its key file 0600, and refuses to replace a lost key', SPAWNED, async () => {
    const dir = join(tmp(), 'data');
    const path = join(dir, 'innspill.db');
    const env = { DATABASE_PATH: path };
    const first = await runCli(['console', '--as', 'kari'], { env, input: 'Bedre skilting\n' });
    expect(first.code).toBe(0);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}.key`)).toBe(0o600);
    expect(readFileSync(`${path}.key`, 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);

    // The database holds a suggestion made with the key: without the key file, no start.
    renameSync(`${path}.key`, `${path}.key.bak`);
    const missing = await runCli(['members', 'list'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${path}.key is missing`);
    expect(missing.stderr).toContain('restore');
    expect(existsSync(`${path}.key`)).toBe(false);

    // Another key (from another installation) is caught by the check value the database keeps.
    writeFileSync(`${path}.key`, `${Buffer.alloc(32, 1).toString('base64')}\n`);
    const wrong = await runCli(['members', 'list'], { env });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('does not belong to this database');

    renameSync(`${path}.key.bak`, `${path}.key`);
    expect((await runCli(['members', 'list'], { env })).code).toBe(0);
  });

  it('rejects a key file of the wrong length or not in strict base64', SPAWNED, async () => {
    const path = join(tmp(), 'innspill.db');
    const env = { DATABASE_PATH: path };
    openSqliteStore(path).close();
    for (const bad of [Buffer.alloc(16, 1).toString('base64'), `${Buffer.alloc(32, 1).toString('base64').slice(0, 40)}!!!=`, `${Buffer.alloc(32, 1).toString('base64url')}`]) {
      writeFileSync(`${path}.key`, `${bad}\n`);
      const result = await runCli(['members', 'list'], { env });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`the key file ${path}.key is not valid`);
    }
  });

  it('gives the WAL and SHM files the database file’s 0600', async () => {
    const path = join(tmp(), 'nested', 'innspill.db');
    const store = openSqliteStore(path);
    await store.members.add('slack:T1:U1', new Date());
    expect([path, `${path}-wal`, `${path}-shm`].map(mode)).toEqual([0o600, 0o600, 0o600]);
    store.close();
  });

  it('writes exports with --out as 0600', SPAWNED, async () => {
    const dir = tmp();
    const out = join(dir, 'export.json');
    const env = { DATABASE_PATH: join(dir, 'innspill.db') };
    expect((await runCli(['migrate'], { env })).code).toBe(0);
    const result = await runCli(['export', '--format', 'json', '--out', out], { env });
    expect(result.code).toBe(0);
    expect(mode(out)).toBe(0o600);
  });
});
