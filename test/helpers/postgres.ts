import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach } from 'vitest';

/** The PostgreSQL server the tests may use (`bash .ci/run` starts a throwaway one); none means those tests are not registered. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? null;

export interface PostgresSchema {
  /** The server's URL with this schema first on `search_path`: a database of its own, as far as Innspill can tell. */
  url: string;
  /** SQL for assertions; `$schema.` before a table name stands for this schema. */
  query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<R[]>;
}

const types = new pg.TypeOverrides();
types.setTypeParser(20, Number);

/**
 * A fresh, empty schema per call on `server`, dropped after the test: tests on two workers, or two
 * tests in a row, never meet. Register in a file's top level (it adds the hooks).
 */
export function usePostgresSchemas(server: string): () => Promise<PostgresSchema> {
  const admin = new pg.Pool({ connectionString: server, max: 2, types });
  admin.on('error', () => {});
  const made: string[] = [];
  afterEach(async () => {
    for (const schema of made.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
  afterAll(() => admin.end());
  return async () => {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    made.push(schema);
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(server);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      url: url.toString(),
      query: async <R>(sql: string, values?: unknown[]) => (await admin.query(sql.replaceAll('$schema.', `${schema}.`), values)).rows as R[],
    };
  };
}
