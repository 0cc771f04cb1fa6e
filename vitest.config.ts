import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when a source changed: the few tests that start the real binary run it.
    globalSetup: ['test/helpers/build.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The machine has two cores; spawned CLI processes and HTTP servers need room.
    maxWorkers: 2,
  },
});
