import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { BenchRow } from './digest.ts';

const ROOT = resolve(import.meta.dirname, '..');
const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/**
 * The whole test suite (`vitest run`, as `npm test` runs it after `tsc --noEmit`), timed from its
 * start to its end, with the machine's load beside it: the goal is for a quiet machine.
 */
export async function benchTests(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-bench-tests-'));
  const out = join(dir, 'report.json');
  // The package's command (its `bin`), which its exports do not name.
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  try {
    const loadBefore = loadAverage();
    const started = performance.now();
    const code = await new Promise<number | null>((done) => {
      const child = spawn(process.execPath, [vitest, 'run', '--reporter=json', `--outputFile=${out}`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('close', done);
    });
    const seconds = (performance.now() - started) / 1000;
    const report = JSON.parse(readFileSync(out, 'utf8')) as { numTotalTests: number; numPassedTests: number; testResults: { assertionResults: { duration?: number | null }[] }[] };
    // The tests' own time added up over both workers: steadier than the wall time on a shared machine.
    const testSeconds = report.testResults.flatMap((file) => file.assertionResults).reduce((sum, test) => sum + (test.duration ?? 0), 0) / 1000;
    return [
      {
        name: 'test suite (vitest run)',
        figures: {
          'wall (s)': Math.round(seconds),
          'test time, sum (s)': Math.round(testSeconds),
          files: report.testResults.length,
          'tests passed': `${report.numPassedTests}/${report.numTotalTests}`,
          'load avg before → after': `${loadBefore} → ${loadAverage()}`,
        },
        goal: '< 60 s on a quiet machine, all pass',
        met: code === 0 && seconds < 60,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
