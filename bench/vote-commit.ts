import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorFrom } from '../src/domain/participant.ts';
import { benchCoreWithPoll } from './poll-core.ts';

/**
 * The committed vote alone, in a process of its own: `core.vote` on a store in WAL mode on disk, as
 * `serve` opens it, 32 votes in flight at a time (as 32 connections give), each by someone new.
 * Prints the votes per second and the CPU each vote costs this thread: what is left of a click once
 * HTTP, signatures and Slack are taken away.
 */
const SECONDS = 3;
const IN_FLIGHT = 32;

const dir = mkdtempSync(join(tmpdir(), 'innspill-bench-commit-'));
const { store, core, poll } = await benchCoreWithPoll(dir);
try {
  let n = 0;
  const batch = () =>
    Promise.all(
      Array.from({ length: IN_FLIGHT }, () => {
        n += 1;
        return core.vote(actorFrom({ platform: 'slack', workspaceId: 'T1', userId: `UV${n}` }, 'nb'), poll.id, n % 4, { dedupeKey: `v${n}` });
      }),
    );
  // Warm-up: the statements prepared, the JIT done.
  for (let i = 0; i < 50; i += 1) await batch();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const first = n;
  while (performance.now() - start < SECONDS * 1000) await batch();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const votes = n - first;
  process.stdout.write(`${JSON.stringify({ votesPerSecond: Math.round(votes / seconds), cpuMicrosPerVote: Math.round(((used.user + used.system) / votes) * 10) / 10, votes })}\n`);
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
