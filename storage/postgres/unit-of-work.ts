import type { Tx, UnitOfWork } from '../../src/ports/unit-of-work.ts';
import { toPoll, type Row } from '../repositories/polls.ts';
import type { Conn, Db } from './pool.ts';
import { choicesOf } from './repositories/polls.ts';
import { recordActivity } from './repositories/activity.ts';
import { segmentGroups, touchParticipant } from './repositories/participants.ts';
import { claimDelivery } from './repositories/events.ts';

/**
 * The PostgreSQL primitives on one transaction's connection. Reading a poll locks its row
 * (`FOR UPDATE`): units of work on one poll, from any number of connections or replicas, then
 * queue on that one lock, so a vote's read of the current choices and its writes are never
 * interleaved with another's, and every vote takes its locks in the same order (poll, then voter),
 * which cannot deadlock.
 */
function pgTx(c: Conn): Tx {
  return {
    polls: {
      async get(id) {
        const [row] = await c.query<Row>('SELECT * FROM polls WHERE id = $1 FOR UPDATE', [id]);
        return row ? toPoll(row) : null;
      },
      // A count only falls below what was added to it, so the row to take from exists (and an
      // insert of a negative count would break the table's check before any conflict is seen).
      async addToTally(pollId, option, delta) {
        await c.run(
          delta > 0
            ? 'INSERT INTO poll_tallies (poll_id, option, votes) VALUES ($1, $2, $3) ON CONFLICT (poll_id, option) DO UPDATE SET votes = poll_tallies.votes + excluded.votes'
            : 'UPDATE poll_tallies SET votes = votes + $3 WHERE poll_id = $1 AND option = $2',
          [pollId, option, delta],
        );
      },
      async addVoters(pollId, delta) {
        await c.run('UPDATE polls SET voters = voters + $1 WHERE id = $2', [delta, pollId]);
      },
    },
    votes: {
      choices: (pollId, voterKey) => choicesOf(c, pollId, voterKey),
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
}

/**
 * One transaction per work, on a connection of its own from the pool. A serialisation failure or
 * deadlock is retried from the start by `db.tx`, which is safe because a work only decides from
 * what it reads through `tx`.
 */
export function createPgUnitOfWork(db: Db): UnitOfWork {
  return { run: (work) => db.tx((c) => work(pgTx(c))) };
}
