import type { Database } from 'better-sqlite3';
import type { Poll } from '../src/domain/poll.ts';
import type { Tx, UnitOfWork } from '../src/ports/unit-of-work.ts';
import { voteRows } from './repositories/polls.ts';
import { participantToucher, segmentGroupCounter } from './repositories/participants.ts';
import { deliveryClaimer } from './repositories/events.ts';
import { activityRecorder } from './repositories/activity.ts';
import { pollChanges } from './repositories/poll-changes.ts';
import { outboxInserter, sentRefsReader } from './repositories/outbox.ts';

/** A unit of work that left its transaction to wait for something else (a timer, I/O, another `run`). */
export class UnitOfWorkLeftTransaction extends Error {
  constructor() {
    super('a unit of work awaited something outside its transaction; it was rolled back');
  }
}

/**
 * The SQLite primitives: each runs its statement synchronously, at the call, and hands back a
 * settled promise; `live` refuses a call made while no unit of work is being driven.
 *
 * A poll is read once per transaction: a burst of clicks on one poll shares one group commit, and
 * nothing a vote writes is part of a `Poll` (only its counts change), while the write lock keeps
 * every other writer, in this process or another, out until the commit. `newTransaction` forgets
 * what was read, so nothing read survives the transaction it was read in; an edit or a delete, or a
 * work rolled back to its savepoint, forgets it too.
 */
function sqliteTx(db: Database, live: () => void): { tx: Tx; newTransaction(): void } {
  const rows = voteRows(db);
  const polls = new Map<number, Poll | null>();
  const poll = (id: number) => {
    let read = polls.get(id);
    if (read === undefined) polls.set(id, (read = rows.poll(id)));
    return read;
  };
  const touch = participantToucher(db);
  const groups = segmentGroupCounter(db);
  const claim = deliveryClaimer(db);
  const note = activityRecorder(db);
  const changes = pollChanges(db);
  const sentRefs = sentRefsReader(db);
  const enqueue = outboxInserter(db);
  const settled = <R>(value: R) => Promise.resolve(value);
  const tx: Tx = {
    polls: {
      get: (id) => (live(), settled(poll(id))),
      addToTally: (pollId, option, delta) => (live(), settled(rows.addToTally(pollId, option, delta))),
      addVoters: (pollId, delta) => (live(), settled(rows.addVoters(pollId, delta))),
      // An edit or a delete changes the poll itself: the next read in this transaction sees it.
      edit: (pollId, question, options) => (live(), polls.delete(pollId), settled(changes.edit(pollId, question, options))),
      remove: (pollId, now) => (live(), polls.delete(pollId), settled(changes.remove(pollId, now))),
    },
    outbox: {
      sentRefs: (pollId) => (live(), settled(sentRefs(pollId))),
      enqueue: (messages, now) => (live(), settled(enqueue(messages, now))),
    },
    votes: {
      choices: (pollId, voterKey) => (live(), settled(rows.choices(pollId, voterKey))),
      insert: (vote) => (live(), settled(rows.insert(vote))),
      delete: (pollId, voterKey, options) => (live(), settled(rows.delete(pollId, voterKey, options))),
    },
    participants: {
      touch: (input) => (live(), settled(touch(input))),
      segmentGroups: () => (live(), settled(groups())),
    },
    deliveries: { claim: (source, key, now) => (live(), settled(claim(source, key, now))) },
    activity: { note: (personKey, segment, at) => (live(), settled(note(personKey, segment, at))) },
  };
  return { tx, newTransaction: () => polls.clear() };
}

interface Pending {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: units of work that arrive in the same turn of the event loop share one IMMEDIATE
 * transaction, and each is resolved only after the commit that holds it. A batch first runs
 * without savepoints (two statements less per work, on the busiest path); if any work fails or
 * strays, that attempt is rolled back whole and the batch runs again with a savepoint per work, so
 * one failing work takes no other with it. Running a work twice is safe because a work decides
 * only from what it reads through `tx`, and nothing is resolved before the commit. A burst of clicks writes each touched page once per
 * batch instead of once per click. Immediate, so two processes on one file queue on the write lock
 * instead of failing mid-way.
 *
 * Why nothing else on this connection can slip into the open transaction: better-sqlite3 has one
 * connection for every repository, and a statement run while a transaction is open joins it. The
 * transaction is opened in a `setImmediate` callback, when the microtask queue is empty, and the
 * primitives run their statements synchronously, so the works advance only through microtasks that
 * descend from them. The transaction is ended (committed, or the straying work's savepoint rolled
 * back) before the microtask queue has drained: a `nextTick` queued from a microtask runs only once
 * the queue is empty, and if a work is still pending then, it is waiting for something outside its
 * transaction, so it is rolled back and refused (`UnitOfWorkLeftTransaction`) and the works after it
 * go to the next batch. No timer, I/O callback or other request therefore runs while the
 * transaction is open.
 */
export function createUnitOfWork(db: Database): UnitOfWork {
  // Set while a work is being driven inside the open transaction; a work that strayed past its
  // transaction finds it null (its flush has ended, and a flush never outlives its turn).
  let driving: Pending | null = null;
  const { tx, newTransaction } = sqliteTx(db, () => {
    if (driving === null) throw new UnitOfWorkLeftTransaction();
  });
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const savepoint = db.prepare('SAVEPOINT unit_of_work');
  const release = db.prepare('RELEASE unit_of_work');
  const rollbackTo = db.prepare('ROLLBACK TO unit_of_work');
  let queue: Pending[] = [];
  let scheduled = false;

  const schedule = () => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };

  function flush() {
    scheduled = false;
    const batch = queue;
    queue = [];
    attempt(batch, false);
  }

  function attempt(batch: Pending[], careful: boolean) {
    try {
      newTransaction();
      begin.run();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    const settled: { p: Pending; ok: boolean; value: unknown }[] = [];
    let next = 0;
    let abandoned = false;

    // The quick attempt failed: nothing of it stays, and the batch goes again, one savepoint per work.
    const again = () => {
      abandoned = true;
      driving = null;
      rollback.run();
      attempt(batch, true);
    };
    const end = () => {
      driving = null;
      try {
        commit.run();
      } catch (error) {
        if (db.inTransaction) rollback.run();
        for (const s of settled) s.p.reject(error);
        return;
      }
      for (const s of settled) (s.ok ? s.p.resolve : s.p.reject)(s.value);
    };
    /** Records a work's outcome; false when the quick attempt must give way to the careful one. */
    const settle = (p: Pending, ok: boolean, value: unknown): boolean => {
      if (!careful) {
        if (!ok) {
          again();
          return false;
        }
      } else if (ok) release.run();
      else {
        rollbackTo.run();
        release.run();
        // What the failed work read may include its own undone changes.
        newTransaction();
      }
      settled.push({ p, ok, value });
      return true;
    };
    const start = () => {
      if (next === batch.length) return end();
      const p = batch[next++]!;
      if (careful) savepoint.run();
      driving = p;
      let done: Promise<unknown>;
      try {
        done = p.work(tx);
      } catch (error) {
        done = Promise.reject(error);
      }
      done.then(
        (value) => {
          if (abandoned || driving !== p) return;
          if (settle(p, true, value)) start();
        },
        (error) => {
          if (abandoned || driving !== p) return;
          if (settle(p, false, error)) start();
        },
      );
    };

    queueMicrotask(() =>
      process.nextTick(() => {
        if (abandoned || driving === null) return;
        if (!careful) return again();
        settle(batch[next - 1]!, false, new UnitOfWorkLeftTransaction());
        queue = batch.slice(next).concat(queue);
        end();
        schedule();
      }),
    );
    start();
  }

  return {
    run: <T>(work: (tx: Tx) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      }),
  };
}
