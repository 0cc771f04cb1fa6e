import type { DigestInput, DigestPeriod, DigestSuggestion } from '../digest/model.ts';
import type { Participant, ParticipantId, Profile, Segment } from '../domain/participant.ts';
import type { Poll, PollAudience, PollSettings, Tally } from '../domain/poll.ts';
import type { Suggestion } from '../domain/suggestion.ts';
import type { PollResult } from '../polls/results.ts';
import type { SegmentGroup } from '../privacy/published.ts';
import type { DigestRunStore, NewOutboxMessage, OutboxStore } from './outbox.ts';
import type { FollowUpStore } from './follow-up.ts';
import type { SurveyStore } from './surveys.ts';
import type { DocumentStore, PublicSiteStore } from './public-site.ts';
import type { UnitOfWork } from './unit-of-work.ts';
import type { SendSlotStore } from './send-slots.ts';
import type { LeaseStore } from './leases.ts';

/**
 * The storage ports. Every method is one atomic step; where a rule needs a read and a write together
 * (a vote), the use case decides inside a `unitOfWork` transaction and storage only persists. Methods return
 * promises so a server database can stand in for SQLite without changing the core.
 */

export interface TouchParticipant {
  id: ParticipantId;
  platform: string;
  workspaceId: string;
  userId: string;
  locale: string;
  now: Date;
  /** An anonymous action: the row is created if new, but its last-seen day is not moved, so no time ties the two. */
  quiet?: boolean;
}

export interface ParticipantStore {
  /** Creates or refreshes the participant and returns it with its profile. */
  touch(input: TouchParticipant): Promise<Participant>;
  get(id: ParticipantId): Promise<Participant | null>;
  saveProfile(id: ParticipantId, profile: Profile, now: Date): Promise<void>;
  /** Every participant, for sends to everyone; optionally only one platform. */
  list(platform?: string): Promise<Participant[]>;
  /** How many participants have each full segment: what the small-group rule counts. */
  segmentGroups(): Promise<SegmentGroup[]>;
}

export interface NewSuggestion {
  workspaceKey: string;
  /** Keyed hash of the sender (of its own purpose when anonymous): finds their own suggestions without storing who they are. */
  senderKey: string;
  /** The sender's activity pseudonym, for participation counts. */
  activityKey: string;
  /** Null when anonymous. */
  senderId: ParticipantId | null;
  /** Sealed sender id, kept only for anonymous suggestions so a member's reply can reach them. */
  sealedSender: string | null;
  topic: string;
  text: string;
  anonymous: boolean;
  publishable: boolean;
  companyName: string | null;
  segment: Segment;
  createdAt: Date;
  /** A platform's delivery id (Slack event_id, Teams activity id): a replay stores nothing new. */
  dedupeKey?: string;
  /** The topic was proposed from the words (no topic was chosen). */
  topicProposed?: boolean;
}

export interface SuggestionStore {
  add(input: NewSuggestion): Promise<{ suggestion: Suggestion; duplicate: boolean }>;
  get(id: number): Promise<Suggestion | null>;
  /** The sealed or plain sender, for a reply; null if deleted. `anonymous` with no sealed sender: the reply window has passed. */
  replyTarget(id: number): Promise<{ senderId: ParticipantId | null; sealedSender: string | null; anonymous: boolean } | null>;
  /** Newest first, over all of a person's pseudonyms (named and anonymous). */
  listBySenders(senderKeys: string[], limit: number): Promise<Suggestion[]>;
  /** Keeps a member's reply and queues its delivery in one transaction; returns the outbox id (the earlier one if the key is queued already). */
  recordReply(reply: { suggestionId: number; memberId: ParticipantId; text: string; now: Date }, message: NewOutboxMessage): Promise<number>;
}

export interface NewPoll extends PollSettings {
  question: string;
  options: string[];
  audience: PollAudience;
  creatorId: ParticipantId;
  workspaceKey: string;
  createdAt: Date;
  /** For a poll to everyone: whom to send it to, queued in the outbox in the same transaction. */
  broadcast?: Pick<NewOutboxMessage, 'platform' | 'workspaceId' | 'recipient' | 'label'>[];
  /** A scheduled poll (`--at`): posted and open from this time; its posts (broadcast, `post`) are queued for it. */
  startsAt?: Date | null;
  /** A scheduled channel poll: the channel post, queued in the outbox for `startsAt`. */
  post?: Pick<NewOutboxMessage, 'platform' | 'workspaceId' | 'recipient' | 'label'>;
  /** Reminders (`--remind`): at each time, one to every `broadcast` recipient, decided when due. */
  remindAt?: Date[];
  /** A recurring poll (`--every`): this poll is its first round, and the series is made with it. */
  series?: { cron: string; nextAt: Date; closeAfterMs: number | null; remindAfterMs: number[] };
}

/** A recurring poll: later rounds copy the first round's question, options, settings and audience. */
export interface PollSeries {
  id: number;
  cron: string;
  closeAfterMs: number | null;
  /** Each round's reminders, this long after it starts. */
  remindAfterMs: number[];
  /** When the next round is due; null once stopped. */
  nextAt: Date | null;
  rounds: number;
  first: Poll;
}

/** A new round of a series, started only if the series' next round is still `expectedNextAt` (no double rounds). */
export interface NewRound {
  seriesId: number;
  expectedNextAt: Date;
  /** The round after this one; null stops the series. */
  nextAt: Date | null;
  startsAt: Date;
  closesAt: Date | null;
  createdAt: Date;
  broadcast?: NewPoll['broadcast'];
  post?: NewPoll['post'];
  remindAt?: Date[];
}

export interface PollStore {
  create(input: NewPoll): Promise<Poll>;
  get(id: number): Promise<Poll | null>;
  choices(pollId: number, voterKey: string): Promise<number[]>;
  tally(pollId: number): Promise<Tally>;
  /** Closes (with a time) or reopens (null) the poll; reopening also clears a closing time that has passed. */
  setClosed(pollId: number, closedAt: Date | null, now: Date): Promise<Poll | null>;
  /** Open polls a workspace's participants can vote in: their own channel polls and polls to everyone. */
  listOpen(workspaceKey: string, now: Date, limit: number): Promise<Poll[]>;
  /** A person's votes, found by their pseudonym in each poll. */
  votesBy(voterKeyIn: (pollId: number) => string): Promise<{ poll: Poll; choices: number[] }[]>;
  /** Series whose next round is due at or before `now`. */
  dueSeries(now: Date): Promise<PollSeries[]>;
  /** Starts a round (poll, posts queued for `startsAt`, series moved on) in one transaction; null if another process did. */
  startRound(round: NewRound): Promise<Poll | null>;
  /** A series' rounds, first to last. */
  rounds(seriesId: number): Promise<Poll[]>;
}

export interface MemberStore {
  add(id: ParticipantId, now: Date): Promise<boolean>;
  remove(id: ParticipantId): Promise<boolean>;
  list(): Promise<ParticipantId[]>;
  isMember(id: ParticipantId): Promise<boolean>;
}

/** Every value a person's records can be found by; the pseudonyms come from the key file. */
export interface PersonKeys {
  id: ParticipantId;
  workspaceId: string;
  userId: string;
  named: string;
  anonymous: string;
  activity: string;
  voter(pollId: number): string;
}

/** What only the core (with the key) or the adapters know about a person's records. */
export interface ErasureHooks {
  /** True for a sealed outbox recipient that opens to this person. */
  sealedIsTheirs(sealed: string): boolean;
  /** The adapters' records about the person (DM channels, conversation references). */
  state: { namespace: string; key: string }[];
}

export interface Erasure {
  participant: boolean;
  suggestions: number;
  votes: number;
  activity: number;
  replies: number;
  /** A sender's answers to members (follow-up), by them or to them. */
  answers: number;
  outbox: number;
  digests: number;
  platformState: number;
}

/** Everything held about one person: what an access request gets, and what erasure removes. */
export interface Holdings {
  participant: Participant | null;
  member: boolean;
  suggestions: (Suggestion & { sealedSender: boolean })[];
  votes: { pollId: number; question: string; anonymousPoll: boolean; option: number; optionLabel: string | null; votedAt: Date }[];
  activity: { hour: Date; area: string | null; industry: string | null; sizeBand: string | null }[];
  replies: { id: number; suggestionId: number | null; text: string; createdAt: Date }[];
  answers: { id: number; suggestionId: number; text: string; createdAt: Date }[];
  outbox: { id: number; status: string; label: string; type: string; createdAt: Date }[];
  digestsMentioning: number[];
  platformState: { namespace: string; key: string; updatedAt: Date }[];
}

/** Cut-off times for `maintenance`: rows older than these go. */
export interface RetentionCutoffs {
  sentBefore: Date;
  digestsBefore: Date;
  deadBefore: Date;
  deliveryRecordsBefore: Date;
  sealedSendersBefore: Date;
  /** Namespaces of short-lived adapter records, pruned with the delivery records. */
  shortLivedNamespaces: readonly string[];
}

export interface Pruned {
  outbox: number;
  deliveryRecords: number;
  platformState: number;
  sealedSenders: number;
}

export interface PrivacyStore {
  /** Removes every row about the person in one transaction, then checkpoints so the WAL keeps no copy. */
  forget(person: PersonKeys, hooks: ErasureHooks, now: Date): Promise<Erasure>;
  holdings(person: PersonKeys, hooks: ErasureHooks): Promise<Holdings>;
  prune(cutoffs: RetentionCutoffs): Promise<Pruned>;
}

export interface ReportStore {
  /** A period's aggregates; its polls come from `pollTallies`, chosen and read by the core. */
  digestInput(period: DigestPeriod, previous: DigestPeriod | null): Promise<Omit<DigestInput, 'polls'>>;
  /** One page of a period's suggestions on a topic, oldest first: the digest's "see all". */
  suggestionsIn(period: DigestPeriod, topic: string, offset: number, limit: number): Promise<DigestSuggestion[]>;
  /** Every poll with its running counts, oldest first: which are shown, and how, is the core's rule (`src/polls/results.ts`). */
  pollTallies(): Promise<PollResult[]>;
}

export interface EventLog {
  /** Records a delivery id; false if it was already seen (a retry or replay) within the last week. */
  firstDelivery(source: string, key: string, now: Date): Promise<boolean>;
}

/**
 * Small records an adapter keeps about its platform (a Slack installation, a Teams conversation
 * reference, where a poll was posted), as JSON under a namespace, so storage needs no platform
 * knowledge. Keys sort, so a prefix lists a group (`<pollId>:` lists a poll's posts).
 */
export interface PlatformStateStore {
  put(namespace: string, key: string, value: unknown, now: Date): Promise<void>;
  get<T = unknown>(namespace: string, key: string): Promise<T | null>;
  delete(namespace: string, key: string): Promise<boolean>;
  /** Deletes every key that starts with the prefix; returns how many went. */
  deletePrefix(namespace: string, prefix: string): Promise<number>;
  list<T = unknown>(namespace: string, prefix: string, limit?: number): Promise<{ key: string; value: T }[]>;
}

export interface Store {
  participants: ParticipantStore;
  suggestions: SuggestionStore;
  polls: PollStore;
  members: MemberStore;
  privacy: PrivacyStore;
  reports: ReportStore;
  events: EventLog;
  platformState: PlatformStateStore;
  outbox: OutboxStore;
  digestRuns: DigestRunStore;
  followUp: FollowUpStore;
  surveys: SurveyStore;
  documents: DocumentStore;
  publicSite: PublicSiteStore;
  /** One transaction per use case, for the use cases that decide and write together (a vote). */
  unitOfWork: UnitOfWork;
  /** Rate-limit windows shared by every process on the database. */
  sendSlots: SendSlotStore;
  leases: LeaseStore;
  schemaVersion(): number;
  /**
   * Closes this connection at once; the promise settles when the store's other connections (a
   * server's checkpoint worker) have closed too, and with them the last writes to the database's files.
   */
  close(): Promise<void>;
}
