import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pino } from 'pino';
import { createCore } from '../adapters/cli/core.ts';
import { loadConfig } from '../adapters/cli/config.ts';
import buildDist from '../test/helpers/build.ts';
import { benchBroadcast } from './broadcast.ts';
import type { BenchRow } from './digest.ts';
import { createBenchPoll } from './poll-core.ts';
import { startBenchPostgres } from './postgres-server.ts';
import { child, combine, CONNECTIONS, load, SIGNING_SECRET, SLICE_S, SLICES, WARMUP_S, type Slice } from './slack.ts';

const BIN = resolve(import.meta.dirname, '../bin/innspill.mjs');

interface Serve {
  port: number;
  proc: ChildProcess;
}

/** `innspill serve` as an operator runs it (the compiled program); resolves once it says on which port it listens. */
async function startServe(env: Record<string, string>): Promise<Serve> {
  const proc = spawn(process.execPath, [BIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const port = await new Promise<number>((ok, fail) => {
    proc.stderr!.on('data', (d: Buffer) => {
      // Only the tail is kept (the pipe is read to the end, so a chatty server never blocks on it).
      log = (log + d.toString()).slice(-4000);
      const match = /"port":(\d+)/.exec(log);
      if (match) ok(Number(match[1]));
    });
    proc.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${log}`)));
  });
  return { port, proc };
}

/** The bench's poll made through the core on the database `env` names, as the servers will open it (and with the key file they will read). */
async function pollOn(env: Record<string, string>): Promise<number> {
  const { store, core } = await createCore(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
  try {
    return (await createBenchPoll(core, store)).id;
  } finally {
    await store.close();
  }
}

/** One slice of load split evenly between replicas, at the same total connections; their figures summed (latencies: the worse). */
async function loadSplit(servers: Serve[], pollId: number, responseUrl: string, seconds: number): Promise<Slice> {
  const parts = await Promise.all(servers.map((s) => load(s.port, pollId, responseUrl, seconds, CONNECTIONS / servers.length)));
  const sum = (f: (s: Slice) => number) => parts.reduce((n, s) => n + f(s), 0);
  return { rps: sum((s) => s.rps), total: sum((s) => s.total), errors: sum((s) => s.errors), p50: Math.max(...parts.map((s) => s.p50)), p99: Math.max(...parts.map((s) => s.p99)) };
}

interface Setup {
  name: string;
  servers: Serve[];
  pollId: number;
}

/**
 * Vote clicks against one `serve` on SQLite, one on PostgreSQL, two on one PostgreSQL database, and
 * one on PostgreSQL that does not wait for its commits' flush (as SQLite in WAL mode does not),
 * in the same run, loaded in turn in short slices (the order rotating) so that each meets the same
 * moments of a busy machine. Each has a fresh database, a poll made beforehand through the core,
 * and the same fast fake Web API.
 */
async function measureVotes(fresh: (settings?: string) => Promise<string>, dir: string): Promise<BenchRow[]> {
  const api = await child('slack-fake-api.ts', ['0']);
  const servers: Serve[] = [];
  try {
    const responseUrl = `${api.info.url.replace(/\/api\/$/, '')}/respond/bench`;
    const slackEnv = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: api.info.url };
    const databases: { name: string; replicas: number; env: Record<string, string> }[] = [
      { name: 'SQLite, one serve', replicas: 1, env: { DATABASE_PATH: join(dir, 'sqlite', 'innspill.db') } },
      { name: 'PostgreSQL, one serve', replicas: 1, env: { DATABASE_URL: await fresh(), DATABASE_PATH: join(dir, 'pg1', 'innspill.db') } },
      { name: 'PostgreSQL, two serve', replicas: 2, env: { DATABASE_URL: await fresh(), DATABASE_PATH: join(dir, 'pg2', 'innspill.db') } },
      // SQLite's durability (WAL, synchronous=NORMAL: no flush per commit; a power cut may lose the last commits, never consistency).
      { name: 'PostgreSQL, one serve, synchronous_commit=off', replicas: 1, env: { DATABASE_URL: await fresh('-c synchronous_commit=off'), DATABASE_PATH: join(dir, 'pg1-async', 'innspill.db') } },
    ];
    const setups: Setup[] = [];
    for (const db of databases) {
      mkdirSync(dirname(db.env.DATABASE_PATH!), { recursive: true });
      const env = { ...db.env, ...slackEnv };
      const pollId = await pollOn(env);
      const started: Serve[] = [];
      for (let r = 0; r < db.replicas; r += 1) started.push(await startServe(env));
      servers.push(...started);
      setups.push({ name: db.name, servers: started, pollId });
    }
    const run = (s: Setup, seconds: number) => loadSplit(s.servers, s.pollId, responseUrl, seconds);
    for (const s of setups) await run(s, WARMUP_S);
    const slices = new Map<Setup, Slice[]>(setups.map((s) => [s, []]));
    for (let i = 0; i < SLICES; i += 1) {
      for (let j = 0; j < setups.length; j += 1) {
        const s = setups[(i + j) % setups.length]!;
        slices.get(s)!.push(await run(s, SLICE_S));
      }
    }
    const [sqlite, pg1, pg2, pgAsync] = setups.map((s) => combine(slices.get(s)!));
    const figures = (r: ReturnType<typeof combine>) => ({ 'req/s': Math.round(r.rps), 'p50 (ms)': r.p50, 'p99 (ms)': r.p99, errors: r.errors, requests: r.total });
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    return [
      { name: `vote clicks, ${setups[0]!.name}, ${CONNECTIONS} connections`, figures: figures(sqlite!), goal: 'baseline', met: sqlite!.errors === 0 },
      { name: `vote clicks, ${setups[1]!.name}, ${CONNECTIONS} connections`, figures: { ...figures(pg1!), 'pg1/SQLite': ratio(pg1!.rps, sqlite!.rps) }, goal: 'figures', met: pg1!.errors === 0 },
      {
        name: `vote clicks, ${setups[2]!.name} on one database, ${CONNECTIONS / 2} connections each`,
        figures: { ...figures(pg2!), 'pg2/pg1': ratio(pg2!.rps, pg1!.rps) },
        // On one 2-core machine the replicas share the CPU with PostgreSQL and the load generator:
        // a second replica adds no CPU here, only another process to schedule.
        goal: 'figures, no error (replicas on one 2-core host add no CPU)',
        met: pg2!.errors === 0,
      },
      {
        name: `vote clicks, ${setups[3]!.name}, ${CONNECTIONS} connections`,
        figures: { ...figures(pgAsync!), 'ratio to SQLite': ratio(pgAsync!.rps, sqlite!.rps) },
        goal: 'figures (durability as SQLite\'s)',
        met: pgAsync!.errors === 0,
      },
    ];
  } finally {
    for (const s of servers) s.proc.kill();
    api.proc.kill();
  }
}

/**
 * `npm run bench -- postgres`: vote clicks on PostgreSQL with one and two replicas against SQLite,
 * and a poll to 5,000 participants delivered by two replicas on one PostgreSQL database.
 */
export async function benchPostgres(): Promise<BenchRow[]> {
  // The servers run the compiled program, as installed: rebuilt first if a source is newer.
  buildDist();
  const server = startBenchPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'innspill-bench-pg-votes-'));
  try {
    process.stderr.write(`PostgreSQL: ${server.origin}\n`);
    const votes = await measureVotes(() => server.fresh(), dir);
    const broadcast = await benchBroadcast('poll', { databaseUrl: await server.fresh(), replicas: 2 });
    return [...votes, ...broadcast];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}
