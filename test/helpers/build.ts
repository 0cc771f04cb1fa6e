import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const STAMP = join(ROOT, 'dist', '.built');
const INPUTS = ['src', 'adapters', 'storage', 'tsconfig.json', 'bin/build.mjs', 'package.json'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Vitest's global setup: the tests that start `bin/innspill.mjs` as a real process run dist/, so
 * dist/ is rebuilt first whenever a source is newer than the last build. `npm test` after an edit
 * then tests the edit, with no manual `npm run build`.
 */
export default function buildDist(): void {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  if (Math.max(...INPUTS.map((p) => newest(join(ROOT, p)))) <= built) return;
  execFileSync(process.execPath, [join(ROOT, 'bin/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
