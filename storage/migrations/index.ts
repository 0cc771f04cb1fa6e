import type { Database } from 'better-sqlite3';
import type { MigrationStep } from './step.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-platform-records.ts';
import { migration0003 } from './0003-outbox.ts';
import { migration0004 } from './0004-privacy.ts';
import { migration0005 } from './0005-hardening.ts';
import { migration0006 } from './0006-surveys.ts';
import { migration0007 } from './0007-documents.ts';
import { migration0008 } from './0008-follow-up.ts';
import { migration0009 } from './0009-outbox-parts.ts';
import { migration0010 } from './0010-replicas.ts';
import { migration0011 } from './0011-survey-follow-up.ts';
import { migration0012 } from './0012-poll-plans.ts';

/** Every migration in order. Add new ones at the end with the next number; never edit a released one. */
export const MIGRATIONS: readonly MigrationStep[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012];

export const LATEST_VERSION = MIGRATIONS.length;

export class DatabaseFromFutureError extends Error {
  readonly code = 'database_from_future';
  constructor(readonly found: number, readonly known: number) {
    super(`the database is at schema version ${found}, but this Innspill knows only up to ${known}; upgrade Innspill`);
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to `target` (default: latest). Each step runs in its own immediate
 * transaction together with the version bump, so a failed step leaves the previous version intact.
 */
export function migrate(db: Database, target = LATEST_VERSION): { from: number; to: number } {
  MIGRATIONS.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const from = schemaVersion(db);
  if (from > LATEST_VERSION) throw new DatabaseFromFutureError(from, LATEST_VERSION);
  for (const m of MIGRATIONS.slice(from, target)) {
    // Foreign keys can only be switched outside a transaction.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        if (typeof m.up === 'string') db.exec(m.up);
        else m.up(db);
        if (m.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error(`migration ${m.name} broke a foreign key`);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } finally {
      if (m.rebuildsTables && foreignKeys) db.pragma('foreign_keys = ON');
    }
  }
  return { from, to: Math.max(from, Math.min(target, LATEST_VERSION)) };
}
