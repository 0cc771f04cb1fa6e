import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PersonKeys, Store } from '../../src/ports/store.ts';
import { createReadinessProbe, holdsKeyedData, openSqliteStore, recordedKeyCheck, recordKeyCheck, rekeyLegacyRecords } from '../../storage/index.ts';
import type { ReadinessSource } from '../http/ready.ts';
import type { Config } from './config.ts';
import type { KeyRecords } from './secret.ts';

/** The configured database, whichever it is, with what the composition root needs besides the ports. */
export interface OpenedDatabase {
  store: Store;
  keyRecords: KeyRecords;
  readiness(): ReadinessSource;
  /** Moves records from before pseudonyms had separate purposes to their own (SQLite only: a PostgreSQL database never held such records). */
  rekeyLegacy(keysOf: (id: string) => PersonKeys): void;
}

/**
 * `DATABASE_URL` (postgres://…) selects PostgreSQL; otherwise SQLite at `DATABASE_PATH`, the
 * default. The key file stays at `<DATABASE_PATH>.key` either way, so a move keeps it. pg is
 * loaded only when asked for.
 */
export async function openConfiguredDatabase(config: Config, options: { server?: boolean; onCheckpointError?: (message: string) => void }): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const { openPostgresStore } = await import('../../storage/postgres/index.ts');
    const store = await openPostgresStore(config.databaseUrl);
    if (config.databasePath !== ':memory:') mkdirSync(dirname(config.databasePath), { recursive: true, mode: 0o700 });
    return { store, keyRecords: store.keyCheck, readiness: () => store.readiness, rekeyLegacy: () => {} };
  }
  // A server checkpoints on a worker thread, so no request waits for a disk flush.
  const store = openSqliteStore(config.databasePath, options.server && options.onCheckpointError ? { onCheckpointError: options.onCheckpointError } : {});
  const db = store.db;
  return {
    store,
    keyRecords: {
      recorded: async () => recordedKeyCheck(db),
      record: async (value, now) => recordKeyCheck(db, value, now),
      holdsKeyedData: async () => holdsKeyedData(db),
    },
    readiness: () => createReadinessProbe(db),
    rekeyLegacy: (keysOf) => void rekeyLegacyRecords(db, keysOf),
  };
}
