import { join } from 'node:path';
import { actorFrom } from '../src/domain/participant.ts';
import { DEFAULT_TOPICS } from '../src/domain/suggestion.ts';
import { createInnspill, type Innspill } from '../src/innspill.ts';
import type { Store } from '../src/ports/store.ts';
import { createIdentityVault } from '../src/privacy/vault.ts';
import { openSqliteStore } from '../storage/index.ts';

/**
 * One open Slack poll of four options in channel C1 of workspace T1, through the core on whatever
 * store it runs on, with its message posted at `1.1` there, so each vote keeps it current as a
 * server would (the Slack adapter's `slack.poll_post` record).
 */
/** The bench's poll: its buttons carry what they were drawn for, as Innspill's own do (`pollRevision`). */
export const BENCH_POLL = { question: 'Hvilken dag passer best?', options: ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag'] };

export async function createBenchPoll(core: Innspill, store: Store) {
  const creator = actorFrom({ platform: 'slack', workspaceId: 'T1', userId: 'UCREATOR' }, 'nb');
  const poll = await core.createPoll(
    creator,
    { ...BENCH_POLL, multipleChoice: false, anonymous: false, resultsAfterClose: false, everyone: false, closes: null },
    { channelId: 'C1' },
  );
  await store.platformState.put('slack.poll_post', `${poll.id}:T1:C1:1.1`, { teamId: 'T1', channel: 'C1', ts: '1.1', locale: 'nb' }, new Date());
  return poll;
}

/**
 * A core on SQLite in WAL mode on disk, opened as `innspill serve` opens it (checkpoints on a worker
 * thread), with the bench's poll.
 */
export async function benchCoreWithPoll(dir: string) {
  const store = openSqliteStore(join(dir, 'bench.db'), { onCheckpointError: (message) => process.stderr.write(`${message}\n`) });
  const core = createInnspill({
    store,
    vault: createIdentityVault(Buffer.alloc(32, 3)),
    clock: () => new Date(),
    settings: { topics: DEFAULT_TOPICS, defaultLocale: 'nb', timeZone: 'Europe/Oslo', participantPolls: true, digestChannels: [], emptyDigest: 'note', minGroupSize: 5, publishMode: 'review', retentionDays: 30, replyWindowDays: 180 },
  });
  return { store, core, poll: await createBenchPoll(core, store) };
}
