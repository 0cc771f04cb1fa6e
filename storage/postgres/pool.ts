import pg from 'pg';

/** A query on the pool or inside a transaction: rows, typed by the caller. */
export type Query = <R = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<R[]>;

/** What a repository needs of a connection: rows, or how many rows a write touched. */
export interface Conn {
  query: Query;
  run(text: string, values?: unknown[]): Promise<number>;
}

export interface Db extends Conn {
  pool: pg.Pool;
  /**
   * Runs `fn` in one transaction on one connection. A serialisation failure or deadlock (the
   * server chose this transaction to roll back) is retried from the start, so a caller sees either
   * the whole step or an error, never half of it.
   */
  tx<T>(fn: (c: Conn) => Promise<T>): Promise<T>;
  /** Commits this process made: the public page's version token moves with them. */
  commits(): number;
}

/**
 * Times are bigint milliseconds and ids bigint identities, as in SQLite: both fit a double exactly,
 * so they are read as numbers. Set on this pool only, not on the pg module for everyone.
 */
export const types = new pg.TypeOverrides();
types.setTypeParser(20 /* int8 */, (value: string) => Number(value));

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_TRIES = 5;

/** The URL with its password replaced, for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

const isWrite = (text: string) => !/^\s*(SELECT|WITH)\b/i.test(text);

export function createDb(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle connection the server drops (a restart, a failover) must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  let commits = 0;
  const connOf = (client: pg.Pool | pg.PoolClient): Conn => ({
    query: async <R>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as R[],
    run: async (text, values) => (await client.query(text, values)).rowCount ?? 0,
  });
  const onPool = connOf(pool);
  return {
    pool,
    async query<R>(text: string, values?: unknown[]) {
      const rows = await onPool.query<R>(text, values);
      if (isWrite(text)) commits += 1;
      return rows;
    },
    async run(text, values) {
      const n = await onPool.run(text, values);
      if (isWrite(text)) commits += 1;
      return n;
    },
    async tx(fn) {
      for (let attempt = 1; ; attempt += 1) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(connOf(client));
          await client.query('COMMIT');
          commits += 1;
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          if (attempt < MAX_TRIES && RETRYABLE.has((error as { code?: string }).code ?? '')) continue;
          throw error;
        } finally {
          client.release();
        }
      }
    },
    commits: () => commits,
  };
}
