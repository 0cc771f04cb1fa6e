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
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  return db;
}
