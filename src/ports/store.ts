import type { DigestInput, DigestPeriod, DigestSuggestion } from '../digest/model.ts';
import type { Participant, ParticipantId, Profile, Segment } from '../domain/participant.ts';
import type { Poll, PollAudience, PollSettings, Tally } from '../domain/poll.ts';
import type { Suggestion, SuggestionStatus } from '../domain/suggestion.ts';
import type { ExportData } from '../export/model.ts';
import type { DigestRunStore, NewOutboxMessage, OutboxStore } from './outbox.ts';
import type { DocumentStore, PublicSiteStore } from './public-site.ts';

/**
 * The storage ports. Every method is one atomic step; where a rule needs a read and a write together
 * (a vote), the store runs the core's pure decision inside its own transaction. Methods return
 * promises so a server database can stand in for SQLite without changing the core.
 */

export interface TouchParticipant {
  id: ParticipantId;
  platform: string;
  workspaceId: string;
  userId: string;
  locale: string;
  now: Date;
}

export interface ParticipantStore {
  /** Creates or refreshes the participant and returns it with its profile. */
  touch(input: TouchParticipant): Promise<Participant>;
  get(id: ParticipantId): Promise<Participant | null>;
  saveProfile(id: ParticipantId, profile: Profile, now: Date): Promise<void>;
  /** Every participant, for sends to everyone; optionally only one platform. */
  list(platform?: string): Promise<Participant[]>;
}

export interface NewSuggestion {
  workspaceKey: string;
  /** Keyed hash of the sender: finds their own suggestions without storing who they are. */
  senderKey: string;
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
}

export interface SuggestionStore {
  add(input: NewSuggestion): Promise<{ suggestion: Suggestion; duplicate: boolean }>;
  get(id: number): Promise<Suggestion | null>;
  listBySender(senderKey: string, limit: number): Promise<Suggestion[]>;
  setStatus(id: number, status: SuggestionStatus): Promise<boolean>;
  /** The sealed or plain sender, for a reply; null if deleted. */
  replyTarget(id: number): Promise<{ senderId: ParticipantId | null; sealedSender: string | null } | null>;
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
}

/**
 * One click, done in one transaction: the voter is touched (their profile gives the vote its
 * segment), the poll read once, and the core's rules (`mayVoteFrom`, `decideVote`) applied.
 */
export interface CastVote {
  pollId: number;
  voter: Omit<TouchParticipant, 'now'>;
  /** The voter's pseudonym: votes never carry who cast them. */
  voterKey: string;
  option: number;
  now: Date;
  dedupeKey?: string;
}

export type VoteOutcome =
  | { ok: true; poll: Poll; choices: number[]; change: 'added' | 'moved' | 'removed' | 'unchanged'; duplicate: boolean }
  | { ok: false; code: 'poll_not_found' | 'poll_closed' | 'poll_bad_option' | 'poll_other_workspace'; poll: Poll | null };

export interface PollStore {
  create(input: NewPoll): Promise<Poll>;
  get(id: number): Promise<Poll | null>;
  castVote(input: CastVote): Promise<VoteOutcome>;
  choices(pollId: number, voterKey: string): Promise<number[]>;
  tally(pollId: number): Promise<Tally>;
  /** Closes (with a time) or reopens (null) the poll; reopening also clears a closing time that has passed. */
  setClosed(pollId: number, closedAt: Date | null, now: Date): Promise<Poll | null>;
  /** Open polls a workspace's participants can vote in: their own channel polls and polls to everyone. */
  listOpen(workspaceKey: string, now: Date, limit: number): Promise<Poll[]>;
  votesBy(voterKey: string): Promise<{ poll: Poll; choices: number[] }[]>;
}

export interface MemberStore {
  add(id: ParticipantId, now: Date): Promise<boolean>;
  remove(id: ParticipantId): Promise<boolean>;
  list(): Promise<ParticipantId[]>;
  isMember(id: ParticipantId): Promise<boolean>;
}

export interface PrivacyStore {
  /** Deletes a person's suggestions, votes and profile in one transaction. */
  forget(id: ParticipantId, senderKey: string): Promise<{ suggestions: number; votes: number }>;
}

export interface ReportStore {
  digestInput(period: DigestPeriod, previous: DigestPeriod | null): Promise<DigestInput>;
  /** One page of a period's suggestions on a topic, oldest first: the digest's "see all". */
  suggestionsIn(period: DigestPeriod, topic: string, offset: number, limit: number): Promise<DigestSuggestion[]>;
  exportData(now: Date): Promise<ExportData>;
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
  documents: DocumentStore;
  publicSite: PublicSiteStore;
  schemaVersion(): number;
  close(): void;
}
