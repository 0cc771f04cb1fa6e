import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { LATEST_VERSION, migrate, openDatabase, openSqliteStore, schemaVersion } from '../../storage/index.ts';
import { migratePostgres, openPostgresStore, PG_LATEST_VERSION, pgSchemaVersion } from '../../storage/postgres/index.ts';

/**
 * One database of a kind, fresh and empty for one test: stores opened on it (several, as several
 * processes or replicas would), raw SQL for what the ports do not show, and its migrations.
 */
export interface TestDatabase {
  /** A store on the database, migrated to the latest version. Each call is another connection (pool). */
  open(): Promise<Store>;
  /** Raw SQL for assertions; `?` marks parameters on both kinds. */
  sql<R = Record<string, unknown>>(text: string, ...values: unknown[]): Promise<R[]>;
  migrate(target?: number): Promise<{ from: number; to: number }>;
  version(): Promise<number>;
  /** Marks the database as made by a newer Innspill. */
  fromTheFuture(): Promise<void>;
  latest: number;
  /** The environment that points `innspill` at this database (the key file goes in `dir`). */
  env(dir: string): Promise<Record<string, string>>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty, unmigrated database, removed after the test. */
  database(): TestDatabase;
}

function sqliteKind(): StoreKind {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const done of cleanup.splice(0).reverse()) done();
  });
  return {
    name: 'sqlite',
    database() {
      const dir = mkdtempSync(join(tmpdir(), 'innspill-contract-'));
      const path = join(dir, 'contract.db');
      const raw = openDatabase(path);
      const stores: Store[] = [];
      cleanup.push(() => {
        raw.close();
        for (const s of stores) void s.close();
        rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      });
      return {
        latest: LATEST_VERSION,
        env: async () => ({ DATABASE_PATH: path }),
        async open() {
          const store = openSqliteStore(path);
          stores.push(store);
          return store;
        },
        sql: async <R>(text: string, ...values: unknown[]) => {
          const statement = raw.prepare(text);
          return (statement.reader ? statement.all(...values) : (statement.run(...values), [])) as R[];
        },
        migrate: async (target) => migrate(raw, target),
        version: async () => schemaVersion(raw),
        async fromTheFuture() {
          raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
        },
      };
    },
  };
}

// Counts and times come back as numbers, as from SQLite.
const types = new pg.TypeOverrides();
types.setTypeParser(20, Number);

/** Each test gets a schema of its own (on `search_path`), dropped afterwards: tests on two workers do not meet. */
function postgresKind(url: string): StoreKind {
  let admin: pg.Pool;
  const schemas: string[] = [];
  const cleanup: (() => Promise<unknown>)[] = [];
  beforeAll(() => {
    admin = new pg.Pool({ connectionString: url, max: 2 });
  });
  afterEach(async () => {
    for (const done of cleanup.splice(0).reverse()) await done();
    for (const schema of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
  afterAll(() => admin.end());
  const numbered = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  return {
    name: 'postgres',
    database() {
      const schema = `contract_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      const withSchema = new URL(url);
      withSchema.searchParams.set('options', `-c search_path=${schema}`);
      const schemaUrl = withSchema.toString();
      const raw = new pg.Pool({ connectionString: schemaUrl, max: 2, types });
      raw.on('error', () => {});
      cleanup.push(() => raw.end());
      let created: Promise<unknown> | null = null;
      const ready = () => (created ??= admin.query(`CREATE SCHEMA ${schema}`));
      const sql = async <R>(text: string, ...values: unknown[]) => {
        await ready();
        return (await raw.query(numbered(text), values)).rows as R[];
      };
      return {
        latest: PG_LATEST_VERSION,
        async env(dir) {
          await ready();
          return { DATABASE_URL: schemaUrl, DATABASE_PATH: join(dir, 'innspill.db') };
        },
        async open() {
          await ready();
          const store = await openPostgresStore(schemaUrl, { poolSize: 4 });
          cleanup.push(() => store.close());
          return store;
        },
        sql,
        async migrate(target) {
          await ready();
          return migratePostgres(raw, target);
        },
        async version() {
          await ready();
          return pgSchemaVersion({ query: async (t, v) => (await raw.query(t, v)).rows, run: async () => 0 });
        },
        async fromTheFuture() {
          await sql('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)', PG_LATEST_VERSION + 1, 'from-the-future');
        },
      };
    },
  };
}

const KINDS: { name: StoreKind['name']; make: () => StoreKind }[] = [
  { name: 'sqlite', make: sqliteKind },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, make: () => postgresKind(process.env.TEST_DATABASE_URL!) }] : []),
];

/**
 * A port's behaviour, written once and run on every store: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL names a server (`bash .ci/run` starts a throwaway one). `fresh()` gives a new,
 * empty database for the test.
 */
export function contract(title: string, body: (fresh: () => TestDatabase, kind: StoreKind['name']) => void): void {
  for (const { name, make } of KINDS) {
    describe(`${title} [${name}]`, () => {
      const kind = make();
      body(() => kind.database(), name);
    });
  }
}
