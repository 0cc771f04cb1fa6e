import type { DigestPeriod } from '../digest/model.ts';
import type { Progress } from '../domain/follow-up.ts';
import type { ParticipantId } from '../domain/participant.ts';
import type { Suggestion } from '../domain/suggestion.ts';
import type { NewOutboxMessage } from './outbox.ts';
import type { Poll } from '../domain/poll.ts';
import type { ReportInput } from '../report/model.ts';

/** A member's step on a suggestion, written with its record in `moderation_log` in one transaction. */
export interface ModerationStep {
  suggestionId: number;
  memberId: ParticipantId;
  now: Date;
}

export interface StatusChange extends ModerationStep {
  progress: Progress;
  note: string | null;
}

/**
 * The follow-up loop's storage: moderation, statuses, topics and a sender's answers. Each method
 * returns the suggestion as it is afterwards, or null if there is no such suggestion.
 */
export interface FollowUpStore {
  /** Consented suggestions that are neither hidden nor approved, oldest first (the rule is `awaitsReview`). */
  reviewQueue(limit: number): Promise<Suggestion[]>;
  /** Every consented suggestion, oldest first: the core decides which are published. */
  consented(): Promise<Suggestion[]>;
  approve(step: ModerationStep): Promise<Suggestion | null>;
  hide(step: ModerationStep & { reason: string | null }): Promise<Suggestion | null>;
  restore(step: ModerationStep): Promise<Suggestion | null>;
  moveTopic(step: ModerationStep & { topic: string }): Promise<Suggestion | null>;
  /** Sets the status and note, and queues the sender's notice (if they can be reached) in the same transaction. */
  setProgress(change: StatusChange, notice: NewOutboxMessage | null): Promise<Suggestion | null>;
  /** The reason a suggestion was hidden, for members. */
  hiddenReason(suggestionId: number): Promise<string | null>;
  /** Whether the person with these pseudonyms (named, anonymous) sent the suggestion. */
  sentBy(suggestionId: number, senderKeys: string[]): Promise<boolean>;
  /** The member who last replied to the suggestion's sender or set its status: whom an answer goes to. */
  lastResponder(suggestionId: number): Promise<ParticipantId | null>;
  /** Keeps the sender's answer and queues it to the member in one transaction; returns the outbox id. */
  recordAnswer(answer: { suggestionId: number; memberId: ParticipantId; text: string; now: Date }, message: NewOutboxMessage): Promise<number>;
  /**
   * A period's suggestions and polls aggregated by segment: suggestions sent in it, and polls open at
   * some moment of it with all their votes. The core applies the visibility and small-group rules.
   */
  reportInput(period: DigestPeriod): Promise<{ suggestions: ReportInput['suggestions']; polls: { poll: Poll; voters: number; counts: number[] }[]; votes: ReportInput['votes']; voters: ReportInput['voters'] }>;
  /** Suggestions whose status changed in the period, newest first. */
  statusChangesIn(period: DigestPeriod, limit: number): Promise<Suggestion[]>;
  /** Senders' answers to a member's reply or status note in the period, newest first, with their suggestion. */
  answersIn(period: DigestPeriod, limit: number): Promise<{ suggestion: Suggestion; text: string; createdAt: Date }[]>;
}
