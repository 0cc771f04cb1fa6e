import type { Participant, Segment } from '../domain/participant.ts';
import type { Poll } from '../domain/poll.ts';
import type { NewOutboxMessage, SentRef } from './outbox.ts';
import type { SegmentGroup } from '../privacy/published.ts';
import type { TouchParticipant } from './store.ts';

/**
 * One transaction per use case: the core reads, decides and tells storage what to write, all
 * through `tx`; storage only persists. Everything `work` does through `tx` commits together or not
 * at all (a failing work leaves no trace), and `run` settles only after the commit, so nothing is
 * acknowledged before it is stored.
 *
 * A work must await nothing but `tx`: a store may refuse a work that leaves its transaction to wait
 * for something else (SQLite does, see `storage/unit-of-work.ts`), and a nested `run` would wait
 * for a transaction that cannot start before this one ends.
 */
export interface UnitOfWork {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** One stored vote: a voter (by their pseudonym in this poll) chose one option. */
export interface VoteRow {
  pollId: number;
  voterKey: string;
  option: number;
  /** The poll is single choice: storage keeps at most one such row per voter (a last line of defence). */
  single: boolean;
  /** The segment the vote is counted under, already cut to what the core allows to be kept. */
  segment: Segment;
  votedAt: Date;
}

/** The persistence primitives a use case may use inside its transaction. Each does exactly what it says. */
export interface Tx {
  polls: {
    get(id: number): Promise<Poll | null>;
    /** Adds `delta` to one option's running count. */
    addToTally(pollId: number, option: number, delta: number): Promise<void>;
    /** Adds `delta` to the poll's count of people with at least one choice. */
    addVoters(pollId: number, delta: number): Promise<void>;
    /**
     * New question and options, written only while no one has voted and the poll is not deleted
     * (checked in the same statement, after any vote being decided); false when nothing changed.
     */
    edit(pollId: number, question: string, options: string[]): Promise<boolean>;
    /**
     * Deletes the poll: its votes and counts go, its question and options are blanked, posts still
     * waiting in the outbox are dropped and its series stops; the row stays so its messages can say
     * so. False if it was deleted already (or never was).
     */
    remove(pollId: number, now: Date): Promise<boolean>;
  };
  outbox: {
    /**
     * The poll's posted copies: its sent `poll` and `poll_reminder` messages that have a platform
     * reference (a reminder is a full poll card too). Not those skipped when due (a `skipped:`
     * reference, nothing posted); sealed recipients never have one.
     */
    sentRefs(pollId: number): Promise<SentRef[]>;
    /** Queues messages, skipping keys already queued; returns the ids of those queued now. They go only if the work commits. */
    enqueue(messages: NewOutboxMessage[], now: Date): Promise<number[]>;
  };
  votes: {
    /** The voter's current options, ascending. */
    choices(pollId: number, voterKey: string): Promise<number[]>;
    insert(vote: VoteRow): Promise<void>;
    /** Deletes the voter's rows for these options. */
    delete(pollId: number, voterKey: string, options: readonly number[]): Promise<void>;
  };
  participants: {
    /** Creates or refreshes the participant (`quiet`: keeps its last-seen day) and returns it. */
    touch(input: TouchParticipant): Promise<Participant>;
    /** How many participants have each full segment: what the small-group rule counts. */
    segmentGroups(): Promise<SegmentGroup[]>;
  };
  deliveries: {
    /** Records a delivery key under a source; false if it was recorded already (a replay). */
    claim(source: string, key: string, now: Date): Promise<boolean>;
  };
  activity: {
    /** Notes that a person (by their activity pseudonym) did something in the hour of `at`. */
    note(personKey: string, segment: Segment, at: Date): Promise<void>;
  };
}
