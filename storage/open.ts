import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens the database the way every part of Innspill needs it: WAL so readers never wait for the
 * writer, foreign keys on, NORMAL sync (safe under WAL; a power cut loses at most the last commits
 * since the checkpoint, never integrity), and a busy timeout so two processes wait instead of failing.
 * `secure_delete` zeroes what a deletion frees, so erased text does not linger in free pages. The
 * directory it creates is 0700 and the file 0600 (SQLite gives the WAL and SHM files the database
 * file's mode), whatever the umask.
 */
export function openDatabase(path: string, image?: Buffer): Database.Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  }
  // An image (only for ':memory:') is a serialized database the new in-memory one starts as a copy of.
  const db = new Database(path === ':memory:' && image ? image : path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  return db;
}

/** The database file cannot be opened, or is corrupt: the message names the file and what is wrong. */
export class DatabaseUnusableError extends Error {
  readonly code = 'database_unusable';
}

/**
 * `openDatabase`, with failures that name the file. With `verify` (a server starting) it also runs
 * `PRAGMA quick_check`, so a corrupt file stops the start instead of failing requests one by one.
 */
export function openCheckedDatabase(path: string, verify: boolean, image?: Buffer): Database.Database {
  let db: Database.Database | null = null;
  try {
    db = openDatabase(path, image);
    if (verify && path !== ':memory:') {
      const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (problems.length > 0) throw new Error(`it is corrupt (${problems.slice(0, 3).join('; ')})`);
    }
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnusableError(`the database ${path} cannot be used: ${reason}`);
  }
}
