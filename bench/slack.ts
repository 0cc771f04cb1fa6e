import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { signSlackRequest } from '../adapters/slack/verify.ts';
import { pollRevision } from '../src/domain/poll.ts';
import { BENCH_POLL } from './poll-core.ts';
import type { BenchRow } from './digest.ts';


/** Shared with the server processes through their arguments. */
export const SIGNING_SECRET = 'bench-signing-secret';
export const CONNECTIONS = 32;
/** Each server is measured for SLICES × SLICE_S seconds, in turns with the other. */
export const SLICES = 6;
export const SLICE_S = 2;
export const WARMUP_S = 2;
/**
 * A pause after each slice, longer than the checkpoint worker's one-second round: what a server
 * leaves behind (its WAL checkpoint, a poll message update) is done before the other is loaded,
 * instead of taking its CPU.
 */
const SETTLE_MS = 1500;

/** Starts a bench script in its own process and reads the JSON line it prints when ready. */
export async function child(script: string, args: string[]): Promise<{ proc: ChildProcess; info: Record<string, any> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((ok, fail) => {
    const rl = createInterface({ input: proc.stdout! });
    rl.once('line', (l) => ok(l));
    proc.once('exit', (code) => fail(new Error(`${script} exited with ${code}`)));
  });
  return { proc, info: JSON.parse(line) };
}

/** The revision Innspill's buttons on the bench poll carry; bare Bolt gets the same value. */
const BENCH_REVISION = pollRevision(BENCH_POLL);

/** Numbers the bench's voters across every load, so each click is by someone no one has seen before. */
let clicks = 0;

/** A click on the poll by a user no one has seen before, signed as Slack signs it. */
export function clickRequest(pollId: number, responseUrl: string) {
  return (request: autocannon.Request) => {
    clicks += 1;
    const n = clicks;
    const option = n % 4;
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'bench' },
      user: { id: `UB${process.pid}x${n}`, username: 'bench', team_id: 'T1' },
      api_app_id: 'A1',
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1' },
      trigger_id: `t${n}`,
      channel: { id: 'C1', name: 'bench' },
      response_url: responseUrl,
      actions: [{ type: 'button', block_id: `poll:${pollId}:option:${option}`, action_id: `innspill_vote_${option}`, value: `${pollId}:${option}:${BENCH_REVISION}`, action_ts: `${Date.now() / 1000}` }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const ts = String(Math.floor(Date.now() / 1000));
    return {
      ...request,
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signSlackRequest(SIGNING_SECRET, ts, body) },
    };
  };
}

export async function load(port: number, pollId: number, responseUrl: string, seconds: number, connections = CONNECTIONS) {
  const sign = clickRequest(pollId, responseUrl);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: sign,
      },
    ],
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors, total: result.requests.total };
}

export type Slice = Awaited<ReturnType<typeof load>>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Slices of one server's load taken together: requests over their time, the median slice's latencies. */
export function combine(slices: Slice[]) {
  const total = slices.reduce((n, s) => n + s.total, 0);
  return { rps: total / (slices.length * SLICE_S), p50: median(slices.map((s) => s.p50)), p99: median(slices.map((s) => s.p99)), errors: slices.reduce((n, s) => n + s.errors, 0), total };
}

/**
 * Both servers side by side on one fake Web API, loaded in turn in short slices (bare, ours, ours,
 * bare, …): on a shared machine whose load swings from one minute to the next, each server then
 * meets the same conditions, and the ratio compares the servers rather than the moments.
 */
async function measurePair(apiDelayMs: number) {
  const api = await child('slack-fake-api.ts', [String(apiDelayMs)]);
  const bare = await child('slack-server.ts', ['bare', api.info.url, SIGNING_SECRET]);
  const ours = await child('slack-server.ts', ['innspill', api.info.url, SIGNING_SECRET]);
  try {
    const responseUrl = `${api.info.url.replace(/\/api\/$/, '')}/respond/bench`;
    const run = (server: typeof bare, seconds: number) => load(server.info.port, server.info.pollId, responseUrl, seconds);
    await run(bare, WARMUP_S);
    await run(ours, WARMUP_S);
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));
    const slices: { bare: Slice[]; ours: Slice[] } = { bare: [], ours: [] };
    for (let i = 0; i < SLICES; i += 1) {
      const order = i % 2 === 0 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const);
      for (const which of order) {
        slices[which].push(await run(which === 'bare' ? bare : ours, SLICE_S));
        await new Promise((settled) => setTimeout(settled, SETTLE_MS));
      }
    }
    return { bare: combine(slices.bare), ours: combine(slices.ours) };
  } finally {
    ours.proc.kill();
    bare.proc.kill();
    api.proc.kill();
  }
}

/** The committed vote alone (bench/vote-commit.ts), in a process of its own. */
function voteCommit(): { votesPerSecond: number; cpuMicrosPerVote: number } {
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'vote-commit.ts')], { encoding: 'utf8' }));
}

/**
 * Signed vote clicks on one poll from distinct users at fixed concurrency, against our server and
 * against a bare Bolt app that acks, stores nothing and posts the same confirmation, in the same
 * run; then again with a Web API that takes 1.5 s to answer (which must not reach the acks). Last,
 * the committed vote alone, to show what is left of a click without HTTP.
 */
export async function benchSlack(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const delay of [0, 1500]) {
    const { bare, ours } = await measurePair(delay);
    const ratio = ours.rps / bare.rps;
    const api = delay ? 'Web API 1.5 s' : 'Web API fast';
    const figures = (r: typeof ours) => ({ 'req/s': Math.round(r.rps), 'p50 (ms)': r.p50, 'p99 (ms)': r.p99, errors: r.errors, requests: r.total });
    rows.push({ name: `bare Bolt, ${CONNECTIONS} connections, ${api}`, figures: figures(bare), goal: 'baseline', met: bare.errors === 0 });
    rows.push({
      name: `Innspill votes, ${CONNECTIONS} connections, ${api}`,
      figures: { ...figures(ours), 'ratio to bare': Math.round(ratio * 100) / 100 },
      goal: '≥ 1.0 × bare (stretch 1.3), p99 ≤ bare',
      met: ratio >= 1 && ours.p99 <= bare.p99 && ours.errors === 0,
    });
  }
  const commit = voteCommit();
  rows.push({
    name: 'vote commit alone (core.vote, WAL on disk, 32 in flight)',
    figures: { 'votes/s': commit.votesPerSecond, 'process CPU per vote (µs)': commit.cpuMicrosPerVote },
    goal: 'what is left of a click',
    met: true,
  });
  return rows;
}
