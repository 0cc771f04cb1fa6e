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
    // Test files in one worker share its loaded modules instead of importing Bolt, the Agents SDK,
    // zod and our ~300 modules again for each of 88 files: importing was most of the suite's CPU
    // (test/core, slack and teams: 200 s -> 69 s at load 12). No test depends on a fresh module
    // state; the few that change process state (NODE_ENV, fake timers) put it back.
    isolate: false,
  },
});
