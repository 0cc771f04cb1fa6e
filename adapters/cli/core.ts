import { openSqliteStore, rekeyLegacyRecords } from '../../storage/index.ts';
import { personKeys } from '../../src/usecases/privacy.ts';
import { parseParticipantId } from '../../src/domain/participant.ts';
import { createInnspill, type Innspill } from '../../src/innspill.ts';
import { createSecretBox, type SealBox } from '../../src/privacy/seal.ts';
import { createIdentityVault } from '../../src/privacy/vault.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { loadSecret } from './secret.ts';
import { platformRecords } from './platform-records.ts';
import { loadTopicKeywords } from './topic-keywords.ts';
import { cronTimes } from '../scheduler/cron-times.ts';

/*
 * The core on the configured database: what every command that reads or writes needs, and no more.
 * The server's pieces (HTTP, platforms, scheduler, public site) are in app.ts, so a command such as
 * `members list` loads none of them.
 */

export interface AppOptions {
  logger: Logger;
  clock?: () => Date;
}

export function createCore(config: Config, options: AppOptions & { server?: boolean }): { store: ReturnType<typeof openSqliteStore>; core: Innspill; secrets: SealBox } {
  const store = openSqliteStore(
    config.databasePath,
    // A server checkpoints on a worker thread, so no request waits for a disk flush.
    options.server ? { onCheckpointError: (message) => options.logger.error(message) } : {},
  );
  const clock = options.clock ?? (() => new Date());
  // The topic keywords are read once, when first needed: `members list` never reads them.
  let loaded: { keywords: ReturnType<typeof loadTopicKeywords> } | null = null;
  const keywords = () => (loaded ??= { keywords: loadTopicKeywords() }).keywords;
  let secret: Buffer;
  try {
    // A database from before pseudonyms had separate purposes is moved to them the first time it meets its key.
    secret = loadSecret(config.databasePath, store.db, clock(), (key) => {
      const vault = createIdentityVault(key);
      rekeyLegacyRecords(store.db, (id) => personKeys({ vault }, parseParticipantId(id)));
    });
    // A server reads the topic keywords at start, so a broken file stops the start with its reason.
    if (options.server) keywords();
  } catch (error) {
    store.close();
    throw error;
  }
  const core = createInnspill({
    store,
    platformRecords,
    cron: cronTimes,
    vault: createIdentityVault(secret),
    clock,
    settings: {
      topics: config.topics,
      defaultLocale: config.defaultLocale,
      timeZone: config.digestTimeZone,
      participantPolls: config.participantPolls,
      digestChannels: config.digestChannels,
      emptyDigest: config.emptyDigest,
      minGroupSize: config.minGroupSize,
      publishMode: config.publishMode,
      retentionDays: config.retentionDays,
      replyWindowDays: config.replyWindowDays,
      projectMembers: config.projectMembersPublic,
      topicKeywords: keywords,
    },
  });
  return { store, core, secrets: createSecretBox(secret) };
}

