import { join } from 'node:path';
import { actorFrom } from '../src/domain/participant.ts';
import { DEFAULT_TOPICS } from '../src/domain/suggestion.ts';
import { createInnspill } from '../src/innspill.ts';
import { createIdentityVault } from '../src/privacy/vault.ts';
import { openSqliteStore } from '../storage/index.ts';

/**
 * A core on SQLite in WAL mode on disk, opened as `innspill serve` opens it (checkpoints on a worker
 * thread), with one open Slack poll of four options in channel C1 of workspace T1.
 */
export async function benchCoreWithPoll(dir: string) {
  const store = openSqliteStore(join(dir, 'bench.db'), { onCheckpointError: (message) => process.stderr.write(`${message}\n`) });
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
  return { store, core, poll };
}
