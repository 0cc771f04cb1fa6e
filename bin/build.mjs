#!/usr/bin/env node
// `npm run build`, and the package's `prepare` (so `npm install` and `npm ci` run it): bundles the
// program into dist/ with esbuild. Type checking is `npm run typecheck` (tsc), which `npm test` runs.
//
// Why a bundle rather than tsc's one file per source: a command starts by loading modules, and
// Node's ESM loader costs about half a millisecond of CPU per module before any of its code runs.
// `members list` loaded ~255 of them (zod alone is 95, 64 of them locales); bundled, it loads 35
// files, and zod is cut down to what our schemas use (see BENCHMARKS.md, "Fourth pass").
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist');

/**
 * Packages stay where npm put them and load as Node loads them, except the two every command
 * loads: zod, whose ESM build is 95 small modules that tree-shake to a fraction, and commander,
 * which Node would otherwise load as CommonJS and scan for its exports (~10 ms per start). The
 * platform SDKs are imported only by the commands that need them, so they stay separate in any
 * case; better-sqlite3 and pg carry native code or optional requires that a bundle would break.
 */
const BUNDLED = ['zod', 'commander'];
const otherPackagesExternal = {
  name: 'other-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || BUNDLED.some((name) => args.path === name || args.path.startsWith(`${name}/`))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  // Every entry and chunk lands in dist/adapters/cli/, beside main.js (which bin/innspill.mjs
  // runs): the code that finds files from its own place keeps finding them there (version.ts and
  // topic-keywords.ts go up to the package root; checkpointer.ts starts checkpoint-worker.js from
  // beside itself).
  entryPoints: { main: 'adapters/cli/main.ts', 'checkpoint-worker': 'storage/checkpoint-worker.ts' },
  outdir: join(OUT, 'adapters/cli'),
  bundle: true,
  // Each lazily imported part (a command's work, Slack, Teams, the server) stays a chunk of its own,
  // loaded only by the commands that import it.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.18',
  plugins: [otherPackagesExternal],
  // commander is CommonJS: its require() of Node's own modules needs a require in the ESM output.
  banner: { js: "import { createRequire as __innspillRequire } from 'node:module'; const require = __innspillRequire(import.meta.url);" },
  logLevel: 'warning',
});
