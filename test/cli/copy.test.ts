import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { actor, testCore } from '../helpers/core.ts';
import { seedFixtureWeek } from '../helpers/fixture-week.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { TEST_DATABASE_URL, usePostgresSchemas } from '../helpers/postgres.ts';
import { migrate, openDatabase } from '../../storage/index.ts';

const tmp = useTmpDir();

/** A SQLite database with a real week in it: suggestions, anonymous ones, polls and votes, profiles, a digest's worth. */
async function seededDatabase(): Promise<string> {
  const path = join(tmp(), 'innspill.db');
  const { core, clock, store } = testCore({ path });
  await seedFixtureWeek(core, clock, { person: (n) => actor(`U${n}`), creator: actor('UMEMBER') });
  await store.close();
  return path;
}

describe('innspill copy: what needs no PostgreSQL', () => {
  it('refuses a --to that is not a postgres:// URL, without echoing a password', async () => {
    const r = await runCli(['copy', '--to', 'mysql://root:hunter2@db/innspill'], { env: { DATABASE_PATH: join(tmp(), 'x.db') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Expected a postgres:// URL');
    expect(r.stderr).not.toContain('hunter2');
  });

  it('refuses a source database that is not there, and creates none', async () => {
    const path = join(tmp(), 'missing.db');
    const r = await runCli(['copy', '--to', 'postgres://u:secret@127.0.0.1:1/none'], { env: { DATABASE_PATH: path } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no database at ${path}`);
  });
});

// Each test copies into a schema of its own on the server TEST_DATABASE_URL names.
if (TEST_DATABASE_URL) {
  describe('innspill copy --to postgres://', () => {
    const emptyTarget = usePostgresSchemas(TEST_DATABASE_URL!);

    it('copies every row of every table, and the counters go on from where SQLite was', async () => {
      const path = await seededDatabase();
      // The highest suggestion number was given and then erased: it must not come back.
      const source = openDatabase(path);
      const top = source.prepare<[], { id: number }>('SELECT max(id) AS id FROM suggestions').get()!.id;
      source.prepare('DELETE FROM suggestions WHERE id = ?').run(top);
      const tables = source
        .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
        .all()
        .map((t) => t.name);
      const target = await emptyTarget();

      const r = await runCli(['copy', '--to', target.url], { env: { DATABASE_PATH: path } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/copied \d+ rows in \d+ tables .*the counts match/);
      expect(r.stdout).toContain(`${path}.key`);

      let rows = 0;
      for (const table of tables) {
        const order = source.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).all().map((c) => `"${c.name}"`).join(', ');
        const expected = source.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all();
        const copied = await target.query(`SELECT * FROM $schema."${table}" ORDER BY ${order}`);
        expect(copied, table).toEqual(expected);
        rows += expected.length;
      }
      expect(rows).toBeGreaterThan(500);
      const [{ next }] = await target.query<{ next: number }>(`SELECT nextval(pg_get_serial_sequence('$schema.suggestions', 'id')) AS next`);
      expect(next).toBe(top + 1);
      source.close();
    });

    it('refuses a target that is not empty and leaves it as it was', async () => {
      const path = await seededDatabase();
      const target = await emptyTarget();
      expect((await runCli(['copy', '--to', target.url], { env: { DATABASE_PATH: path } })).code).toBe(0);
      const before = await target.query<{ n: number }>('SELECT count(*) AS n FROM $schema.suggestions');

      const again = await runCli(['copy', '--to', target.url], { env: { DATABASE_PATH: path } });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/target database is not empty \(rows in .*suggestions/);
      expect(await target.query('SELECT count(*) AS n FROM $schema.suggestions')).toEqual(before);
    });

    it('refuses a source at an older schema version, naming the way forward', async () => {
      const path = join(tmp(), 'old.db');
      const old = openDatabase(path);
      migrate(old, 5);
      old.close();
      const target = await emptyTarget();
      const r = await runCli(['copy', '--to', target.url], { env: { DATABASE_PATH: path } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('run `innspill migrate` first');
      expect(await target.query("SELECT to_regclass('$schema.suggestions') AS t")).toEqual([{ t: null }]);
    });

    it('names an unreachable server without its password', async () => {
      const path = await seededDatabase();
      const r = await runCli(['copy', '--to', 'postgres://innspill:hunter2@127.0.0.1:1/innspill'], { env: { DATABASE_PATH: path } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('cannot be used');
      expect(r.stderr).not.toContain('hunter2');
    });
  });
}
