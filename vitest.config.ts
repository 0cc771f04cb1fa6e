import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when a source changed: the few tests that start the real binary run it.
    // Says when the PostgreSQL half of the storage contract did not run (no TEST_DATABASE_URL).
    globalSetup: ['test/helpers/build.ts', 'test/helpers/postgres-notice.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The machine has two cores; spawned CLI processes and HTTP servers need room.
    maxWorkers: 2,
  },
});
