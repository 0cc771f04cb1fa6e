import { openSqliteStore } from '../../storage/index.ts';
import { createInnspill } from '../../src/innspill.ts';
import { createIdentityVault } from '../../src/privacy/vault.ts';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';
import { actorFrom, type Platform } from '../../src/domain/participant.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import type { DigestChannel } from '../../src/usecases/delivery.ts';
import type { TopicKeywords } from '../../src/topics/match.ts';
import { cronTimes } from '../../adapters/scheduler/cron-times.ts';
import type { PlatformRecords } from '../../src/usecases/context.ts';
import type { Store } from '../../src/ports/store.ts';

/** A settable clock for tests: starts at `start`, moves only when told. */
export interface FakeClock {
  (): Date;
  set(d: Date | string): void;
  advance(ms: number): void;
}

export function fakeClock(start: Date | string = '2026-11-23T09:00:00Z'): FakeClock {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  clock.set = (d: Date | string) => void (now = new Date(d).getTime());
  clock.advance = (ms: number) => void (now += ms);
  return clock;
}

type CoreOptions = { clock?: FakeClock; participantPolls?: boolean; digestChannels?: DigestChannel[]; emptyDigest?: 'note' | 'skip'; minGroupSize?: number; publishMode?: 'review' | 'immediate'; platformRecords?: PlatformRecords; replyWindowDays?: number; topicKeywords?: TopicKeywords };

/** A real core on an in-memory SQLite database (or a file, for tests that need one). */
export function testCore(options: CoreOptions & { path?: string } = {}) {
  const store = openSqliteStore(options.path ?? ':memory:');
  return { store, ...coreOn(store, options) };
}

/** A real core on a store of any kind (a contract test's SQLite or PostgreSQL database). */
export function coreOn(store: Store, options: CoreOptions = {}) {
  const clock = options.clock ?? fakeClock();
  const core = createInnspill({
    store,
    vault: createIdentityVault(Buffer.alloc(32, 7)),
    cron: cronTimes,
    ...(options.platformRecords ? { platformRecords: options.platformRecords } : {}),
    clock,
    settings: {
      topics: DEFAULT_TOPICS,
      defaultLocale: 'nb',
      timeZone: 'Europe/Oslo',
      participantPolls: options.participantPolls ?? true,
      digestChannels: options.digestChannels ?? [],
      emptyDigest: options.emptyDigest ?? 'note',
      minGroupSize: options.minGroupSize ?? 5,
      publishMode: options.publishMode ?? 'review',
      retentionDays: 30,
      replyWindowDays: options.replyWindowDays ?? 180,
      ...(options.topicKeywords ? { topicKeywords: () => options.topicKeywords } : {}),
    },
  });
  return { core, clock };
}

export function actor(userId = 'U1', options: { platform?: Platform; workspaceId?: string; locale?: Locale } = {}) {
  return actorFrom({ platform: options.platform ?? 'slack', workspaceId: options.workspaceId ?? 'T1', userId }, options.locale ?? 'nb');
}
