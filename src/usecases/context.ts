import type { Locale } from '../i18n/locale.ts';
import type { ParticipantRef } from '../domain/participant.ts';
import type { IdentityVault } from '../privacy/vault.ts';
import type { Store } from '../ports/store.ts';
import type { CronTimes } from '../ports/cron.ts';
import type { DigestChannel } from './delivery.ts';
import type { PublicMember } from './project-group.ts';
import type { TopicKeywords } from '../topics/match.ts';

export interface CoreSettings {
  topics: readonly string[];
  defaultLocale: Locale;
  /** Where wall-clock times (poll closing, digest periods) are read. */
  timeZone: string;
  participantPolls: boolean;
  /** Channels that get the digest besides the members. */
  digestChannels: readonly DigestChannel[];
  /** A period with nothing new: send a short note, or nothing. */
  emptyDigest: 'note' | 'skip';
  /** No published cut (digest, export, public page) shows a group smaller than this (at least 3). */
  minGroupSize: number;
  /** `review`: consented suggestions wait for a member's approval; `immediate`: published at once. */
  publishMode: 'review' | 'immediate';
  /** Days that sent outbox rows and rendered digest payloads are kept. */
  retentionDays: number;
  /** Days a member can still reply to an anonymous suggestion's sender. */
  replyWindowDays: number;
  /** The project group as shown to participants (PROJECT_MEMBERS_PUBLIC); none if unset. */
  projectMembers?: readonly PublicMember[];
  /**
   * Keywords per topic for proposing a topic from a suggestion's words (none: no proposals). A
   * function, so a command that never takes free text never reads the keyword file.
   */
  topicKeywords?: () => TopicKeywords | undefined;
}

/** What the adapters keep about people and deliveries, named so erasure and retention reach it. */
export interface PlatformRecords {
  /** Keys of records about one person (a Slack DM channel, Teams conversation references). */
  personal(ref: ParticipantRef): { namespace: string; key: string }[];
  /** Namespaces of records needed only for days, pruned with the delivery records. */
  shortLived: readonly string[];
}

/** What every use case is given: ports, a clock tests can set, and settings. */
export interface CoreDeps {
  store: Store;
  vault: IdentityVault;
  clock: () => Date;
  settings: CoreSettings;
  /** The adapters' records; none in a core without platforms. */
  platformRecords?: PlatformRecords;
  /** Reads `--every` cron expressions (recurring polls); without it a recurring poll is refused. */
  cron?: CronTimes;
}
