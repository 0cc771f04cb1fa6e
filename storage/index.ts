import type { Store } from '../src/ports/store.ts';
import { migrate, schemaVersion } from './migrations/index.ts';
import { openCheckedDatabase, openDatabase } from './open.ts';
import { superviseCheckpoints, type Checkpointer } from './checkpointer.ts';
import { createEventLog } from './repositories/events.ts';
import { createDigestRunStore, createOutboxStore } from './repositories/outbox.ts';
import { createMemberStore } from './repositories/members.ts';
import { createParticipantStore } from './repositories/participants.ts';
import { createPlatformStateStore } from './repositories/platform-state.ts';
import { createPollStore } from './repositories/polls.ts';
import { createPrivacyStore } from './repositories/privacy.ts';
import { createReportStore } from './repositories/reports.ts';
import { createSuggestionStore } from './repositories/suggestions.ts';
import { createFollowUpStore } from './repositories/follow-up.ts';
import { createSurveyStore } from './repositories/surveys.ts';
import { createDocumentStore } from './repositories/documents.ts';
import { createPublicSiteStore } from './repositories/public-site.ts';
import { createUnitOfWork } from './unit-of-work.ts';
import { createSendSlotStore } from './repositories/send-slots.ts';
import { createLeaseStore } from './repositories/leases.ts';

export { migrate, schemaVersion, LATEST_VERSION, DatabaseFromFutureError } from './migrations/index.ts';
export { openDatabase, DatabaseUnusableError } from './open.ts';
export { holdsKeyedData, recordedKeyCheck, recordKeyCheck } from './key-check.ts';
export { createReadinessProbe } from './readiness.ts';
export { rekeyLegacyRecords } from './repositories/privacy.ts';

/** Opens (and migrates) the SQLite database and returns the core's storage ports on it. */
export interface OpenOptions {
  migrate?: boolean;
  /** For a long-running server: verify the file (`quick_check`) and checkpoint the WAL on a worker thread; problems are passed here. */
  onCheckpointError?: (message: string) => void;
}

/**
 * An empty in-memory database with every migration applied, made once per process: each new
 * in-memory store (the tests, hundreds of them, and the playground) starts as a copy of it, which
 * takes about 3 ms where running the migrations takes 20-50.
 */
let migratedImage: Buffer | null = null;
function emptyMigratedImage(): Buffer {
  if (!migratedImage) {
    const db = openDatabase(':memory:');
    try {
      migrate(db);
      migratedImage = db.serialize();
    } finally {
      db.close();
    }
  }
  return migratedImage;
}

export function openSqliteStore(path: string, options: OpenOptions = {}): Store & { db: ReturnType<typeof openDatabase> } {
  const image = path === ':memory:' && options.migrate !== false ? emptyMigratedImage() : undefined;
  const db = openCheckedDatabase(path, Boolean(options.onCheckpointError), image);
  try {
    if (options.migrate !== false) migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  let checkpointer: Checkpointer | null = null;
  if (options.onCheckpointError && path !== ':memory:') {
    checkpointer = superviseCheckpoints(db, path, options.onCheckpointError);
  }
  return {
    db,
    participants: createParticipantStore(db),
    suggestions: createSuggestionStore(db),
    polls: createPollStore(db),
    members: createMemberStore(db),
    privacy: createPrivacyStore(db),
    reports: createReportStore(db),
    events: createEventLog(db),
    platformState: createPlatformStateStore(db),
    outbox: createOutboxStore(db),
    digestRuns: createDigestRunStore(db),
    followUp: createFollowUpStore(db),
    surveys: createSurveyStore(db),
    documents: createDocumentStore(db),
    publicSite: createPublicSiteStore(db),
    unitOfWork: createUnitOfWork(db),
    sendSlots: createSendSlotStore(db),
    leases: createLeaseStore(db),
    schemaVersion: () => schemaVersion(db),
    close: () => {
      db.close();
      return checkpointer?.stop() ?? Promise.resolve();
    },
  };
}
