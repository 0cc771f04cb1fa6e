import type { Tx, UnitOfWork } from '../../src/ports/unit-of-work.ts';
import { toPoll, type Row } from '../repositories/polls.ts';
import type { Conn, Db } from './pool.ts';
import { choicesOf, lockPoll } from './repositories/polls.ts';
import { recordActivity } from './repositories/activity.ts';
import { segmentGroups, touchParticipant } from './repositories/participants.ts';
import { claimDelivery } from './repositories/events.ts';
import { editPollTexts, removePoll } from './repositories/poll-changes.ts';
import { enqueue, sentRefsOf } from './repositories/outbox.ts';

const VOTER_LOCK = "hashtext('innspill.voter')";

/**
 * The PostgreSQL primitives on one transaction's connection.
 *
 * What must not interleave is one voter's clicks on one poll (a read of their current choices and
 * the writes decided from it): the voter's advisory lock, taken before that read, orders them,
 * from any number of connections or replicas. Different voters run side by side. The running
 * counts are added with single atomic statements; they are collected and written at the end, in
 * option order, so the rows they lock are held only for the commit and always taken in the same
 * order (no deadlock between a vote moving A→B and another moving B→A).
 */
function pgTx(c: Conn): { tx: Tx; flush(): Promise<void> } {
  const tallies = new Map<string, { pollId: number; option: number; delta: number }>();
  const voters = new Map<number, number>();
  const tx: Tx = {
    polls: {
      async get(id) {
        await lockPoll(c, id, 'shared');
        const [row] = await c.query<Row>('SELECT * FROM polls WHERE id = $1', [id]);
        return row ? toPoll(row) : null;
      },
      async addToTally(pollId, option, delta) {
        const key = `${pollId}:${option}`;
        const held = tallies.get(key);
        tallies.set(key, { pollId, option, delta: (held?.delta ?? 0) + delta });
      },
      async addVoters(pollId, delta) {
        voters.set(pollId, (voters.get(pollId) ?? 0) + delta);
      },
      edit: (pollId, question, options) => editPollTexts(c, pollId, question, options),
      remove: (pollId, now) => removePoll(c, pollId, now),
    },
    outbox: { sentRefs: (pollId) => sentRefsOf(c, pollId), enqueue: (messages, now) => enqueue(c, messages, now) },
    votes: {
      async choices(pollId, voterKey) {
        await c.query(`SELECT pg_advisory_xact_lock(${VOTER_LOCK}, hashtext($1::text || ':' || $2::text))`, [pollId, voterKey]);
        return choicesOf(c, pollId, voterKey);
      },
      async insert(v) {
        await c.run(
          'INSERT INTO votes (poll_id, voter_key, option, single, area, industry, size_band, voted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [v.pollId, v.voterKey, v.option, v.single ? 1 : 0, v.segment.area, v.segment.industry, v.segment.sizeBand, v.votedAt.getTime()],
        );
      },
      async delete(pollId, voterKey, options) {
        await c.run('DELETE FROM votes WHERE poll_id = $1 AND voter_key = $2 AND option = ANY($3::int[])', [pollId, voterKey, [...options]]);
      },
    },
    participants: { touch: (p) => touchParticipant(c, p), segmentGroups: () => segmentGroups(c) },
    deliveries: { claim: (source, key, now) => claimDelivery(c, source, key, now) },
    activity: { note: (personKey, segment, at) => recordActivity(c, personKey, segment, at) },
  };
  async function flush() {
    const changes = [...tallies.values()].filter((t) => t.delta !== 0).sort((a, b) => a.pollId - b.pollId || a.option - b.option);
    for (const t of changes) {
      // A count only falls below what was added to it, so the row to take from exists (and an
      // insert of a negative count would break the table's check before any conflict is seen).
      await c.run(
        t.delta > 0
          ? 'INSERT INTO poll_tallies (poll_id, option, votes) VALUES ($1, $2, $3) ON CONFLICT (poll_id, option) DO UPDATE SET votes = poll_tallies.votes + excluded.votes'
          : 'UPDATE poll_tallies SET votes = votes + $3 WHERE poll_id = $1 AND option = $2',
        [t.pollId, t.option, t.delta],
      );
    }
    for (const [pollId, delta] of [...voters].sort(([a], [b]) => a - b)) {
      if (delta !== 0) await c.run('UPDATE polls SET voters = voters + $1 WHERE id = $2', [delta, pollId]);
    }
  }
  return { tx, flush };
}

/**
 * One transaction per work, on a connection of its own from the pool; the counts it collected are
 * written just before the commit. A serialisation failure or deadlock is retried from the start by
 * `db.tx`, which is safe because a work only decides from what it reads through `tx`.
 */
export function createPgUnitOfWork(db: Db): UnitOfWork {
  return {
    run: (work) =>
      db.tx(async (c) => {
        const { tx, flush } = pgTx(c);
        const result = await work(tx);
        await flush();
        return result;
      }),
  };
}
