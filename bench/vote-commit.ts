import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorFrom } from '../src/domain/participant.ts';
import { DEFAULT_TOPICS } from '../src/domain/suggestion.ts';
import { createInnspill } from '../src/innspill.ts';
import { createIdentityVault } from '../src/privacy/vault.ts';
import { openSqliteStore } from '../storage/index.ts';

/**
 * The committed vote alone, in a process of its own: `core.vote` on a store in WAL mode on disk, as
 * `serve` opens it, 32 votes in flight at a time (as 32 connections give), each by someone new.
 * Prints the votes per second and the CPU each vote costs this thread: what is left of a click once
 * HTTP, signatures and Slack are taken away.
 */
const SECONDS = 3;
const IN_FLIGHT = 32;

const dir = mkdtempSync(join(tmpdir(), 'innspill-bench-commit-'));
const store = openSqliteStore(join(dir, 'bench.db'), { onCheckpointError: (message) => process.stderr.write(`${message}\n`) });
try {
  const core = createInnspill({
    store,
    vault: createIdentityVault(Buffer.alloc(32, 3)),
    clock: () => new Date(),
    settings: { topics: DEFAULT_TOPICS, defaultLocale: 'nb', timeZone: 'Europe/Oslo', participantPolls: true, digestChannels: [], emptyDigest: 'note', minGroupSize: 5, publishMode: 'review', retentionDays: 30, replyWindowDays: 180 },
  });
  const creator = actorFrom({ platform: 'slack', workspaceId: 'T1', userId: 'UCREATOR' }, 'nb');
  const poll = await core.createPoll(
    creator,
    { question: 'Hvilken dag passer best?', options: ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag'], multipleChoice: false, anonymous: false, resultsAfterClose: false, everyone: false, closes: null },
    { channelId: 'C1' },
  );
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
