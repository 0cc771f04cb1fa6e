import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import buildDist from '../test/helpers/build.ts';
import type { BenchRow } from './digest.ts';

const BIN = resolve(import.meta.dirname, '../bin/innspill.mjs');
const RUNS = 10;

/**
 * Median wall time of a command line over RUNS runs (after 2 warm-ups), by Debian's hyperfine, and
 * its mean CPU time (user + system), which a busy machine inflates far less than the wall time.
 */
function hyperfine(command: string, env: Record<string, string>): { wall: number; cpu: number } {
  const out = join(mkdtempSync(join(tmpdir(), 'innspill-bench-hf-')), 'out.json');
  try {
    execFileSync('hyperfine', ['-N', '--warmup', '2', '--runs', String(RUNS), '--style', 'none', '--export-json', out, command], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const result = (JSON.parse(readFileSync(out, 'utf8')) as { results: { median: number; user: number; system: number }[] }).results[0]!;
    return { wall: result.median * 1000, cpu: (result.user + result.system) * 1000 };
  } finally {
    rmSync(resolve(out, '..'), { recursive: true, force: true });
  }
}

/** Peak RSS of one run, in MB, by GNU time. */
function peakRssMb(args: string[], env: Record<string, string>): number {
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return Math.round(Number(run.stderr.trim().split('\n').pop()) / 1024);
}

/** `innspill serve` from its start to its "listening" line, then its RSS after 3 s idle. */
function serveOnce(env: Record<string, string>): Promise<{ readyMs: number; idleRssMb: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { PATH: process.env.PATH ?? '', ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${log}`)));
    child.stderr.on('data', (d: Buffer) => {
      if (!log.includes('innspill is listening') && (log += d.toString()).includes('innspill is listening')) {
        const readyMs = performance.now() - started;
        setTimeout(() => {
          const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
          child.removeAllListeners('exit');
          child.once('exit', () => done({ readyMs, idleRssMb: Math.round(rss) }));
          child.kill('SIGTERM');
        }, 3000);
      }
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The command line as a user meets it: `innspill --help`, `members list` on an existing database,
 * and `serve` until it listens, all from the compiled program (dist/, built first if stale).
 */
export async function benchCli(): Promise<BenchRow[]> {
  buildDist();
  const dir = mkdtempSync(join(tmpdir(), 'innspill-bench-cli-'));
  try {
    const env = { DATABASE_PATH: join(dir, 'innspill.db'), LOG_LEVEL: 'warn' };
    execFileSync(process.execPath, [BIN, 'members', 'add', 'slack:T1:U1'], { env: { ...process.env, ...env } });
    const node = hyperfine(`${process.execPath} -e 0`, env);
    const help = hyperfine(`${process.execPath} ${BIN} --help`, env);
    const list = hyperfine(`${process.execPath} ${BIN} members list`, env);
    const helpRss = peakRssMb(['--help'], env);
    const listRss = peakRssMb(['members', 'list'], env);
    const serves: { readyMs: number; idleRssMb: number }[] = [];
    for (let i = 0; i < 3; i += 1) serves.push(await serveOnce({ DATABASE_PATH: join(dir, `serve-${i}.db`) }));
    const ready = median(serves.map((s) => s.readyMs));
    const idle = median(serves.map((s) => s.idleRssMb));
    const ms = (x: number) => Math.round(x);
    // On a busy machine every process starts slowly: the multiple of a bare `node` says what is ours.
    const times = (x: number) => Math.round((x / node.wall) * 10) / 10;
    return [
      { name: 'node -e 0 (for scale)', figures: { 'median (ms)': ms(node.wall), 'CPU (ms)': ms(node.cpu) }, goal: '', met: true },
      { name: 'innspill --help', figures: { 'median (ms)': ms(help.wall), '× node': times(help.wall), 'CPU (ms)': ms(help.cpu), 'peak RSS (MB)': helpRss }, goal: '< 300 ms, < 80 MB', met: help.wall < 300 && helpRss < 80 },
      { name: 'innspill members list (existing database)', figures: { 'median (ms)': ms(list.wall), '× node': times(list.wall), 'CPU (ms)': ms(list.cpu), 'peak RSS (MB)': listRss }, goal: '< 400 ms, < 80 MB', met: list.wall < 400 && listRss < 80 },
      { name: 'innspill serve (median of 3)', figures: { 'ready (ms)': ms(ready), '× node': times(ready), 'idle RSS (MB)': idle }, goal: 'ready < 800 ms, idle < 100 MB', met: ready < 800 && idle < 100 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
