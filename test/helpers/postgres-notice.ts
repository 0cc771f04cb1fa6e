/**
 * Vitest's global setup: says once, plainly, when the storage contract ran on SQLite only. The
 * PostgreSQL half runs when TEST_DATABASE_URL names a server it may create schemas on; `.ci/run`
 * starts a throwaway cluster and sets it. Nothing is skipped either way: without a server the
 * PostgreSQL tests are simply not defined.
 */
export default function postgresNotice(): void {
  if (process.env.TEST_DATABASE_URL) return;
  process.stdout.write(
    '\nNOTE: the PostgreSQL half of the tests did not run (TEST_DATABASE_URL is not set): the storage contract, the two-replica\n' +
      '      test, innspill copy and the composition on PostgreSQL. Only SQLite was tested.\n' +
      '      To run it: TEST_DATABASE_URL=postgres://user@host/db npm test   (each test uses a schema of its own and drops it),\n' +
      '      or: bash .ci/run   (installs PostgreSQL if needed and starts a throwaway cluster).\n\n',
  );
}
