import { existsSync } from 'node:fs';
import pg from 'pg';
import { LATEST_VERSION, schemaVersion } from './migrations/index.ts';
import { openDatabase } from './open.ts';
import { migratePostgres, pgTypes, redactUrl } from './postgres/index.ts';

export { redactUrl };

/** A copy that must not start: a missing or outdated source, a target that is not empty or differs in shape. */
export class CopyRefusedError extends Error {
  readonly code = 'copy_refused';
}

export interface CopiedTable {
  name: string;
  rows: number;
}

/** PostgreSQL takes at most 65,535 parameters in one statement; stay well below it. */
const PARAMETERS_PER_INSERT = 30_000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Copies every table of the SQLite database at `sqlitePath` into the empty PostgreSQL database at
 * `url`, table for table (PostgreSQL's schema mirrors SQLite's names and columns).
 *
 * One consistent snapshot: everything is read inside one SQLite read transaction (WAL keeps that
 * snapshot while a running server goes on writing) and written inside one PostgreSQL transaction
 * that first locks every table, so the target is either the whole copy or untouched. Row counts are
 * compared before the commit. Identity counters continue after the highest number SQLite ever gave
 * (suggestion numbers are never reused, even after an erasure). The pseudonyms in the rows were
 * made with the key file, which is not in the database: the same key file goes with the copy.
 */
export async function copyToPostgres(sqlitePath: string, url: string): Promise<CopiedTable[]> {
  if (sqlitePath === ':memory:' || !existsSync(sqlitePath)) throw new CopyRefusedError(`no database at ${sqlitePath} (check DATABASE_PATH)`);
  const source = openDatabase(sqlitePath);
  // Counts and ids come back as numbers, as from SQLite (and as the store reads them).
  const pool = new pg.Pool({ connectionString: url, max: 1, types: pgTypes });
  pool.on('error', () => {});
  try {
    const version = schemaVersion(source);
    if (version !== LATEST_VERSION) {
      throw new CopyRefusedError(`the database ${sqlitePath} is at schema version ${version}, this Innspill needs ${LATEST_VERSION}: run \`innspill migrate\` first`);
    }
    try {
      await migratePostgres(pool);
    } catch (error) {
      if ((error as { code?: string }).code === 'database_from_future') throw error;
      throw new CopyRefusedError(`the database ${redactUrl(url)} cannot be used: ${error instanceof Error ? error.message : String(error)}`);
    }
    const client = await pool.connect();
    try {
      source.exec('BEGIN');
      try {
        await client.query('BEGIN');
        try {
          const copied = await copyTables(source, client);
          await client.query('COMMIT');
          return copied;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      } finally {
        source.exec('COMMIT');
      }
    } finally {
      client.release();
    }
  } finally {
    source.close();
    await pool.end();
  }
}

async function copyTables(source: ReturnType<typeof openDatabase>, client: pg.PoolClient): Promise<CopiedTable[]> {
  const sqliteTables = source
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all()
    .map((t) => t.name);
  const targetTables = (
    await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name`,
    )
  ).rows.map((t) => t.name);
  const missing = sqliteTables.filter((t) => !targetTables.includes(t));
  const extra = targetTables.filter((t) => !sqliteTables.includes(t));
  if (missing.length || extra.length) {
    throw new CopyRefusedError(
      `the two schemas differ (only in SQLite: ${missing.join(', ') || 'none'}; only in PostgreSQL: ${extra.join(', ') || 'none'}); both must come from the same Innspill version`,
    );
  }
  // Nothing else writes to the target while it is filled, and no replica starts on a half-copied database.
  await client.query(`LOCK TABLE ${targetTables.map(quote).join(', ')} IN ACCESS EXCLUSIVE MODE`);
  const filled: string[] = [];
  for (const table of targetTables) {
    if ((await client.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`)).rowCount) filled.push(table);
  }
  if (filled.length) throw new CopyRefusedError(`the target database is not empty (rows in ${filled.join(', ')}); copy only into an empty database`);

  const counters = new Map(
    existsTable(source, 'sqlite_sequence')
      ? source.prepare<[], { name: string; seq: number }>('SELECT name, seq FROM sqlite_sequence').all().map((r) => [r.name, r.seq])
      : [],
  );
  const copied: CopiedTable[] = [];
  for (const table of await parentsFirst(client, targetTables)) {
    const columns = (
      await client.query<{ name: string; identity: boolean }>(
        `SELECT column_name AS name, (is_identity = 'YES' OR column_default LIKE 'nextval(%') AS identity
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      )
    ).rows;
    const sqliteColumns = source.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info(${sqlString(table)})`).all().map((c) => c.name);
    const names = columns.map((c) => c.name);
    if (names.length !== sqliteColumns.length || names.some((n) => !sqliteColumns.includes(n))) {
      throw new CopyRefusedError(`table ${table} has columns (${sqliteColumns.join(', ')}) in SQLite but (${names.join(', ')}) in PostgreSQL`);
    }
    const expected = source.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`).get()!.n;
    const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / names.length));
    let batch: unknown[][] = [];
    const flush = async () => {
      if (!batch.length) return;
      const placeholders = batch.map((_, r) => `(${names.map((_, c) => `$${r * names.length + c + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO ${quote(table)} (${names.map(quote).join(', ')}) VALUES ${placeholders}`, batch.flat());
      batch = [];
    };
    // Key order, so a row that points at an earlier row of its own table comes after it.
    const keys = source
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info(${sqlString(table)}) WHERE pk > 0 ORDER BY pk`)
      .all()
      .map((c) => quote(c.name));
    const rows = source.prepare(`SELECT ${names.map(quote).join(', ')} FROM ${quote(table)} ORDER BY ${keys.join(', ') || 'rowid'}`).raw().iterate() as IterableIterator<unknown[]>;
    for (const row of rows) {
      batch.push(row);
      if (batch.length === perInsert) await flush();
    }
    await flush();
    const [{ n: written }] = (await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`)).rows as [{ n: number }];
    if (written !== expected) throw new CopyRefusedError(`table ${table}: ${expected} rows in SQLite but ${written} written; nothing was copied`);
    for (const column of columns.filter((c) => c.identity)) {
      const [{ max }] = (await client.query<{ max: number | null }>(`SELECT max(${quote(column.name)}) AS max FROM ${quote(table)}`)).rows as [{ max: number | null }];
      const next = Math.max(max ?? 0, counters.get(table) ?? 0);
      if (next > 0) await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), $3)`, [quote(table), column.name, next]);
    }
    copied.push({ name: table, rows: expected });
  }
  return copied;
}

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

function existsTable(db: ReturnType<typeof openDatabase>, name: string): boolean {
  return db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name)!.n === 1;
}

/** Tables ordered so that each comes after the tables its foreign keys point at. */
async function parentsFirst(client: pg.PoolClient, tables: string[]): Promise<string[]> {
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace AND k.conrelid <> k.confrelid`,
    )
  ).rows;
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const e of edges) if (e.child === table) visit(e.parent, path);
    ordered.push(table);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}
