import type { Database } from 'better-sqlite3';
import type { MigrationStep } from './step.ts';

/**
 * Suggestion numbers are never given out twice: with a plain INTEGER PRIMARY KEY, deleting the
 * newest suggestion made its number the next one's, so "#12" could mean two different things to
 * the people who saw them. AUTOINCREMENT needs the table rebuilt; the rebuild copies the table's
 * current definition (whatever columns later migrations add), its rows, indexes and triggers.
 *
 * And one row `/readyz` rewrites, so readiness proves the database takes a write (a full disk does not).
 */
function rebuildWithAutoincrement(db: Database, table: string): void {
  const create = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as string;
  const dependents = db.prepare("SELECT sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL").pluck().all(table) as string[];
  const temporary = `${table}_rebuilt`;
  const definition = create
    .replace(new RegExp(`^CREATE TABLE "?${table}"?`), `CREATE TABLE ${temporary}`)
    .replace(/\bid INTEGER PRIMARY KEY\b(?! AUTOINCREMENT)/, 'id INTEGER PRIMARY KEY AUTOINCREMENT');
  if (!definition.includes('AUTOINCREMENT')) throw new Error(`${table}: no id INTEGER PRIMARY KEY to make AUTOINCREMENT`);
  db.exec(definition);
  db.exec(`INSERT INTO ${temporary} SELECT * FROM ${table}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${temporary} RENAME TO ${table}`);
  for (const sql of dependents) db.exec(sql);
}

export const migration0005: MigrationStep = {
  version: 5,
  name: 'hardening',
  rebuildsTables: true,
  up(db) {
    rebuildWithAutoincrement(db, 'suggestions');
    db.exec(`
      CREATE TABLE readiness_probe (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        probed_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
