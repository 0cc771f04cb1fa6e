import type { Database } from 'better-sqlite3';
import type { Tx, UnitOfWork } from '../src/ports/unit-of-work.ts';
import { voteRows } from './repositories/polls.ts';
import { participantToucher, segmentGroupCounter } from './repositories/participants.ts';
import { deliveryClaimer } from './repositories/events.ts';
import { activityRecorder } from './repositories/activity.ts';

/** A unit of work that left its transaction to wait for something else (a timer, I/O, another `run`). */
export class UnitOfWorkLeftTransaction extends Error {
  constructor() {
    super('a unit of work awaited something outside its transaction; it was rolled back');
  }
}

/**
 * The SQLite primitives, each a synchronous statement behind a promise, checked against `live` so a
 * work that outlived its transaction cannot write into someone else's.
 */
function sqliteTx(db: Database): (live: () => void) => Tx {
  const rows = voteRows(db);
  const touch = participantToucher(db);
  const groups = segmentGroupCounter(db);
  const claim = deliveryClaimer(db);
  const note = activityRecorder(db);
  const step =
    <A extends unknown[], R>(live: () => void, f: (...args: A) => R) =>
    async (...args: A): Promise<R> => {
      live();
      return f(...args);
    };
  return (live) => ({
    polls: { get: step(live, rows.poll), addToTally: step(live, rows.addToTally), addVoters: step(live, rows.addVoters) },
    votes: { choices: step(live, rows.choices), insert: step(live, rows.insert), delete: step(live, rows.delete) },
    participants: { touch: step(live, touch), segmentGroups: step(live, groups) },
    deliveries: { claim: step(live, claim) },
    activity: { note: step(live, note) },
  });
}

interface Pending {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: units of work that arrive in the same turn of the event loop share one IMMEDIATE
 * transaction, each in its own savepoint (one failing work takes no other with it), and each is
 * resolved only after the commit that holds it. A burst of clicks writes each touched page once per
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
  const tx = sqliteTx(db);
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
    try {
      begin.run();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    const settled: { p: Pending; ok: boolean; value: unknown }[] = [];
    let next = 0;
    let current: object | null = null;

    const end = () => {
      current = null;
      try {
        commit.run();
      } catch (error) {
        if (db.inTransaction) rollback.run();
        for (const s of settled) s.p.reject(error);
        return;
      }
      for (const s of settled) (s.ok ? s.p.resolve : s.p.reject)(s.value);
    };
    const settle = (p: Pending, ok: boolean, value: unknown) => {
      if (ok) release.run();
      else {
        rollbackTo.run();
        release.run();
      }
      settled.push({ p, ok, value });
    };
    const start = () => {
      if (next === batch.length) return end();
      const p = batch[next++]!;
      savepoint.run();
      const token = {};
      current = token;
      const live = () => {
        if (current !== token) throw new UnitOfWorkLeftTransaction();
      };
      let done: Promise<unknown>;
      try {
        done = p.work(tx(live));
      } catch (error) {
        done = Promise.reject(error);
      }
      done.then(
        (value) => {
          if (current !== token) return;
          settle(p, true, value);
          start();
        },
        (error) => {
          if (current !== token) return;
          settle(p, false, error);
          start();
        },
      );
    };

    queueMicrotask(() =>
      process.nextTick(() => {
        if (current === null) return;
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
