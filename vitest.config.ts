import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Files that only make sense on PostgreSQL (`*.postgres.test.ts`) run when TEST_DATABASE_URL names a server.
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? [] : ['test/**/*.postgres.test.ts'])],
    // Builds dist/ when a source changed: the few tests that start the real binary run it.
    // Says when the PostgreSQL half of the storage contract did not run (no TEST_DATABASE_URL).
    globalSetup: ['test/helpers/build.ts', 'test/helpers/postgres-notice.ts'],
    // A guard against hangs, not a measure of speed: with modules shared in a worker, the first test
    // to load Bolt and the Agents SDK (a `digest --send`) pays their import, 5 s at load 15 and over
    // 20 s at load 22 on the shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The machine has two cores; spawned CLI processes and HTTP servers need room.
    maxWorkers: 2,
    // Test files in one worker share its loaded modules instead of importing Bolt, the Agents SDK,
    // zod and our ~300 modules again for each of 88 files: importing was most of the suite's CPU
    // (test/core, slack and teams: 200 s -> 69 s at load 12). No test depends on a fresh module
    // state; the few that change process state (NODE_ENV, fake timers) put it back.
    isolate: false,
    // Keeps each module's transformed code on disk between runs (keyed by its content and the
    // config), so a run after an edit transforms only what changed: in a sample of 40 files,
    // vitest's transform time 7 s -> 1.5 s and its import time 15 s -> 6 s. Ignored by git;
    // `npx vitest --clearCache` empties it.
    experimental: { fsModuleCache: true, fsModuleCachePath: '.cache/vitest-modules' },
  },
});
