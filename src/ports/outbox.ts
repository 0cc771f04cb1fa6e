import type { OutboundPayload, Recipient } from './delivery.ts';

/**
 * A recipient as the outbox keeps it: in clear, or sealed (a reply to an anonymous sender), opened
 * only by the worker at the moment of sending. Once sent, a sealed recipient is dropped (`sealed: null`).
 */
export type StoredRecipient = Recipient | { kind: 'sealed'; sealed: string | null };

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';

export interface NewOutboxMessage {
  platform: 'slack' | 'teams';
  workspaceId: string;
  recipient: StoredRecipient;
  payload: OutboundPayload;
  /** Unique per message: queuing the same key again is a no-op. */
  dedupeKey: string;
  /** Who or what it is for, in words an operator reads in `outbox list` (a member id, a poll). */
  label: string;
}

export interface OutboxRecord extends NewOutboxMessage {
  id: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** Parts of a message in several (a long digest) the platform has accepted so far. */
  partsSent: number;
}

/** A message the platform accepted, with the reference it gave (a Teams activity id), to update it later. */
export interface SentRef {
  platform: 'slack' | 'teams';
  workspaceId: string;
  recipient: Recipient;
  platformRef: string;
}

export interface OutboxStore {
  /** Pending messages whose time has come, oldest first. */
  due(now: Date, limit: number): Promise<OutboxRecord[]>;
  /** The earliest time a pending message becomes due, for the worker's next wake-up. */
  nextDue(): Promise<Date | null>;
  /** Takes a pending message for sending; false if another worker got it first. */
  claim(id: number, owner: string, now: Date, leaseUntil: Date): Promise<boolean>;
  markSent(id: number, now: Date, platformRef: string | null): Promise<void>;
  /** Back to pending for a later try; `countAttempt` false for a rate-limit wait, which is no failure. */
  reschedule(id: number, at: Date, error: string, countAttempt: boolean): Promise<void>;
  markDead(id: number, error: string): Promise<void>;
  /** Records that the platform has accepted the message's first `sent` parts (never lowers the count). */
  recordPartsSent(id: number, sent: number): Promise<void>;
  /**
   * Messages left in `sending` by a process that died (its claim expired, or `ownerIsGone` says
   * so): they may or may not have reached the platform, and no platform offers an idempotency key
   * to ask, so they are marked dead rather than sent again. Returns them so they can be reported.
   * With several processes on one database each expired claim is recovered once, by whichever gets
   * to it first, and a claim taken afresh in the meantime is left alone.
   */
  recoverInterrupted(now: Date, ownerIsGone: (owner: string) => boolean): Promise<OutboxRecord[]>;
  list(statuses: OutboxStatus[], limit: number): Promise<OutboxRecord[]>;
  get(id: number): Promise<OutboxRecord | null>;
  getMany(ids: number[]): Promise<OutboxRecord[]>;
  /** A dead message goes back to pending with its tries reset. */
  retry(id: number, now: Date): Promise<boolean>;
  /**
   * Keeps a message the platform took outside the outbox (a poll posted as the answer in a Teams
   * turn) as sent, with its reference, so the unit of work's `outbox.sentRefs` finds it and it is updated like the outbox's
   * own. A key kept already is left as it is.
   */
  recordSent(message: NewOutboxMessage, platformRef: string, now: Date): Promise<void>;
}

export interface DigestRun {
  id: number;
  slot: Date;
  periodStart: Date;
  periodEnd: Date;
  manual: boolean;
}

export interface DigestRunStore {
  latest(): Promise<DigestRun | null>;
  /**
   * Records the run for a slot and queues its messages in one transaction. Returns null when the
   * slot was already claimed (by this or another process), or a recorded run's period already
   * reaches past this one's start (two processes built a digest of the same period: one is sent),
   * and then queues nothing. Each message's
   * `dedupeKey` (the member id) is made unique per run by the store.
   */
  record(run: Omit<DigestRun, 'id'>, messages: NewOutboxMessage[], now: Date): Promise<{ run: DigestRun; messageIds: number[] } | null>;
}
