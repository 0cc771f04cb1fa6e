import { personKeys } from '../../src/usecases/privacy.ts';
import { parseParticipantId } from '../../src/domain/participant.ts';
import { createInnspill, type Innspill } from '../../src/innspill.ts';
import { createSecretBox, type SealBox } from '../../src/privacy/seal.ts';
import { createIdentityVault } from '../../src/privacy/vault.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { loadSecret } from './secret.ts';
import { platformRecords } from './platform-records.ts';
import { openConfiguredDatabase } from './database.ts';
import type { Store } from '../../src/ports/store.ts';
import type { ReadinessSource } from '../http/ready.ts';
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

/** A server logs its checkpoint worker's errors; a command's short run needs no logger (so loads no pino). */
type CoreOptions = { clock?: () => Date } & ({ server: true; logger: Logger } | { server?: false; logger?: Logger });

export async function createCore(
  config: Config,
  options: CoreOptions,
): Promise<{ store: Store; core: Innspill; secrets: SealBox; readiness: () => ReadinessSource }> {
  const { store, keyRecords, readiness, rekeyLegacy } = await openConfiguredDatabase(
    config,
    options.server ? { server: true, onCheckpointError: (message) => options.logger.error(message) } : {},
  );
  const clock = options.clock ?? (() => new Date());
  // The topic keywords are read once, when first needed: `members list` never reads them.
  let loaded: { keywords: ReturnType<typeof loadTopicKeywords> } | null = null;
  const keywords = () => (loaded ??= { keywords: loadTopicKeywords() }).keywords;
  let secret: Buffer;
  try {
    // A database from before pseudonyms had separate purposes is moved to them the first time it meets its key.
    secret = await loadSecret(config.databasePath, keyRecords, clock(), (key) => {
      const vault = createIdentityVault(key);
      rekeyLegacy((id) => personKeys({ vault }, parseParticipantId(id)));
    });
    // A server reads the topic keywords at start, so a broken file stops the start with its reason.
    if (options.server) keywords();
  } catch (error) {
    await store.close();
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
  return { store, core, secrets: createSecretBox(secret), readiness };
}

