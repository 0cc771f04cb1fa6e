import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens the database the way every part of Innspill needs it: WAL so readers never wait for the
 * writer, foreign keys on, NORMAL sync (safe under WAL; a power cut loses at most the last commits
 * since the checkpoint, never integrity), and a busy timeout so two processes wait instead of failing.
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
