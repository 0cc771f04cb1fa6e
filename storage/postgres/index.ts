import type { Store } from '../../src/ports/store.ts';
import { createDb, redactUrl, type Db } from './pool.ts';
import { migratePostgres, pgSchemaVersion } from './migrations/index.ts';
import { createPgKeyCheck } from './key-check.ts';
import { createPgReadinessProbe } from './readiness.ts';
import { createPgParticipantStore } from './repositories/participants.ts';
import { createPgSuggestionStore } from './repositories/suggestions.ts';
import { createPgPollStore } from './repositories/polls.ts';
import { createPgMemberStore } from './repositories/members.ts';
import { createPgPrivacyStore } from './repositories/privacy.ts';
import { createPgReportStore } from './repositories/reports.ts';
import { createPgEventLog } from './repositories/events.ts';
import { createPgPlatformStateStore } from './repositories/platform-state.ts';
import { createPgDigestRunStore, createPgOutboxStore } from './repositories/outbox.ts';
import { createPgFollowUpStore } from './repositories/follow-up.ts';
import { createPgSurveyStore } from './repositories/surveys.ts';
import { createPgDocumentStore } from './repositories/documents.ts';
import { createPgPublicSiteStore } from './repositories/public-site.ts';
import { createPgUnitOfWork } from './unit-of-work.ts';
import { createPgSendSlotStore } from './repositories/send-slots.ts';
import { createPgLeaseStore } from './repositories/leases.ts';

export { migratePostgres, pgSchemaVersion, PG_LATEST_VERSION } from './migrations/index.ts';
export { redactUrl, types as pgTypes } from './pool.ts';

export interface PostgresOptions {
  migrate?: boolean;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

export type PostgresStore = Store & {
  pg: Db;
  keyCheck: ReturnType<typeof createPgKeyCheck>;
  readiness: ReturnType<typeof createPgReadinessProbe>;
};

/** A database that cannot be reached or used: the message names it without its password. */
export class PostgresUnusableError extends Error {
  readonly code = 'database_unusable';
}

/** Connects a pool to `url`, migrates (unless told not to) and returns the core's storage ports on it. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
  const db = createDb(url, options.poolSize);
  let version: number;
  try {
    version = options.migrate === false ? await pgSchemaVersion(db) : (await migratePostgres(db.pool)).to;
  } catch (error) {
    await db.pool.end();
    if ((error as { code?: string }).code === 'database_from_future') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new PostgresUnusableError(`the database ${redactUrl(url)} cannot be used: ${reason}`);
  }
  let closing: Promise<void> | null = null;
  return {
    pg: db,
    keyCheck: createPgKeyCheck(db),
    readiness: createPgReadinessProbe(db),
    participants: createPgParticipantStore(db),
    suggestions: createPgSuggestionStore(db),
    polls: createPgPollStore(db),
    members: createPgMemberStore(db),
    privacy: createPgPrivacyStore(db),
    reports: createPgReportStore(db),
    events: createPgEventLog(db),
    platformState: createPgPlatformStateStore(db),
    outbox: createPgOutboxStore(db),
    digestRuns: createPgDigestRunStore(db),
    followUp: createPgFollowUpStore(db),
    surveys: createPgSurveyStore(db),
    documents: createPgDocumentStore(db),
    publicSite: createPgPublicSiteStore(db),
    unitOfWork: createPgUnitOfWork(db),
    sendSlots: createPgSendSlotStore(db),
    leases: createPgLeaseStore(db),
    // Known once migrated; `/readyz` asks the server itself.
    schemaVersion: () => version,
    close: () => (closing ??= db.pool.end()),
  };
}

/** `innspill migrate` on PostgreSQL: brings the database at `url` to the latest version and disconnects. */
export async function migratePostgresUrl(url: string): Promise<{ from: number; to: number }> {
  const db = createDb(url, 1);
  try {
    return await migratePostgres(db.pool);
  } catch (error) {
    if ((error as { code?: string }).code === 'database_from_future') throw error;
    throw new PostgresUnusableError(`the database ${redactUrl(url)} cannot be used: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await db.pool.end();
  }
}
