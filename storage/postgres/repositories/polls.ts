import type { Poll } from '../../../src/domain/poll.ts';
import type { NewPoll, NewRound, PollStore } from '../../../src/ports/store.ts';
import { fromMs, toMs } from '../../repositories/rows.ts';
import type { SeriesRow } from '../../repositories/poll-series.ts';
import { queuedWithPoll, roundOf, toPoll, type Row } from '../../repositories/polls.ts';
import type { Conn, Db } from '../pool.ts';
import { enqueue } from './outbox.ts';

/** The poll's advisory lock namespace (first key of the two-key form). */
const POLL_LOCK = "hashtext('innspill.poll')";

/**
 * Takes the poll's advisory lock: shared by votes (any number at once), exclusive for what changes
 * the poll under them (an edit, a delete), so no vote is decided on a poll that is being rewritten.
 */
export const lockPoll = (c: Conn, pollId: number, mode: 'shared' | 'exclusive') =>
  c.query(`SELECT ${mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(${POLL_LOCK}, $1::int)`, [pollId]);

export const choicesOf = async (c: Conn, pollId: number, voterKey: string) =>
  (await c.query<{ option: number }>('SELECT option FROM votes WHERE poll_id = $1 AND voter_key = $2 ORDER BY option', [pollId, voterKey])).map((r) => r.option);

/** A poll and what is queued with it (its posts, for its start; its reminders, for their times), in the caller's transaction. */
async function createPoll(c: Conn, p: NewPoll, round?: { seriesId: number; round: number }): Promise<Poll> {
  const channel = p.audience.kind === 'channel' ? p.audience : null;
  const seriesId =
    round?.seriesId ??
    (p.series
      ? (
          await c.query<{ id: number }>(
            'INSERT INTO poll_series (cron, close_after_ms, remind_after_ms, next_at, rounds, created_at) VALUES ($1, $2, $3, $4, 1, $5) RETURNING id',
            [p.series.cron, p.series.closeAfterMs, JSON.stringify(p.series.remindAfterMs), p.series.nextAt.getTime(), p.createdAt.getTime()],
          )
        )[0]!.id
      : null);
  const [row] = await c.query<Row>(
    `INSERT INTO polls (question, options, multiple_choice, anonymous, results_visibility, closes_at, audience,
       channel_platform, channel_workspace, channel_id, creator_id, workspace_key, created_at, starts_at, series_id, round)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING *`,
    [
      p.question,
      JSON.stringify(p.options),
      p.multipleChoice ? 1 : 0,
      p.anonymous ? 1 : 0,
      p.resultsVisibility,
      toMs(p.closesAt),
      p.audience.kind,
      channel?.platform ?? null,
      channel?.workspaceId ?? null,
      channel?.channelId ?? null,
      p.creatorId,
      p.workspaceKey,
      p.createdAt.getTime(),
      toMs(p.startsAt ?? null),
      seriesId,
      round?.round ?? (seriesId ? 1 : null),
    ],
  );
  const poll = toPoll(row!);
  for (const q of queuedWithPoll(p, poll.id)) await enqueue(c, q.messages, q.at);
  return poll;
}

/** A round copies the series' first poll; moving `next_at` on (only from the expected time) is what makes it happen once. */
async function startRound(c: Conn, r: NewRound): Promise<Poll | null> {
  const [moved] = await c.query<{ rounds: number }>('UPDATE poll_series SET next_at = $1, rounds = rounds + 1 WHERE id = $2 AND next_at = $3 RETURNING rounds', [
    toMs(r.nextAt),
    r.seriesId,
    r.expectedNextAt.getTime(),
  ]);
  if (!moved) return null;
  const [first] = await c.query<Row>('SELECT * FROM polls WHERE series_id = $1 ORDER BY round LIMIT 1', [r.seriesId]);
  if (!first) return null;
  return createPoll(c, roundOf(toPoll(first), r), { seriesId: r.seriesId, round: moved.rounds });
}

export function createPgPollStore(db: Db): PollStore {
  const byId = async (c: Conn, id: number) => (await c.query<Row>('SELECT * FROM polls WHERE id = $1', [id]))[0];
  const roundsOf = async (c: Conn, seriesId: number) =>
    (await c.query<Row>('SELECT * FROM polls WHERE series_id = $1 AND deleted_at IS NULL ORDER BY round', [seriesId])).map(toPoll);
  return {
    create: (p: NewPoll) => db.tx((c) => createPoll(c, p)),
    async dueSeries(now) {
      const due = await db.query<SeriesRow>('SELECT * FROM poll_series WHERE next_at IS NOT NULL AND next_at <= $1 ORDER BY next_at, id', [now.getTime()]);
      const found = [];
      for (const row of due) {
        const [first] = await roundsOf(db, row.id);
        if (first) {
          found.push({ id: row.id, cron: row.cron, closeAfterMs: row.close_after_ms, remindAfterMs: JSON.parse(row.remind_after_ms) as number[], nextAt: fromMs(row.next_at), rounds: row.rounds, first });
        }
      }
      return found;
    },
    startRound: (r) => db.tx((c) => startRound(c, r)),
    rounds: (seriesId) => roundsOf(db, seriesId),
    async get(id) {
      const row = await byId(db, id);
      return row ? toPoll(row) : null;
    },
    choices: (pollId, voterKey) => choicesOf(db, pollId, voterKey),
    async tally(pollId) {
      const row = await byId(db, pollId);
      const result = { counts: Array.from({ length: row ? (JSON.parse(row.options) as string[]).length : 0 }, () => 0), voters: row?.voters ?? 0 };
      const counts = await db.query<{ option: number; n: number }>('SELECT option, votes AS n FROM poll_tallies WHERE poll_id = $1', [pollId]);
      for (const c of counts) if (c.option < result.counts.length) result.counts[c.option] = c.n;
      return result;
    },
    async setClosed(pollId, closedAt, now) {
      await db.tx(async (c) => {
        await c.run('UPDATE polls SET closed_at = $1 WHERE id = $2', [toMs(closedAt), pollId]);
        if (!closedAt) await c.run('UPDATE polls SET closes_at = NULL WHERE id = $1 AND closes_at <= $2', [pollId, now.getTime()]);
      });
      const row = await byId(db, pollId);
      return row ? toPoll(row) : null;
    },
    listOpen: async (workspaceKey, now, limit) =>
      (
        await db.query<Row>(
          `SELECT * FROM polls
           WHERE (workspace_key = $1 OR audience = 'everyone') AND closed_at IS NULL AND (closes_at IS NULL OR closes_at > $2)
             AND (starts_at IS NULL OR starts_at <= $2)
           ORDER BY created_at DESC LIMIT $3`,
          [workspaceKey, now.getTime(), limit],
        )
      ).map(toPoll),
    async votesBy(voterKeyIn) {
      const polls = await db.query<Row>('SELECT * FROM polls ORDER BY created_at DESC, id DESC');
      const found = [];
      for (const row of polls) {
        const choices = await choicesOf(db, row.id, voterKeyIn(row.id));
        if (choices.length) found.push({ poll: toPoll(row), choices });
      }
      return found;
    },
  };
}
