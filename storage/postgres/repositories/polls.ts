import { decideVote, mayVoteFrom } from '../../../src/domain/poll.ts';
import { segmentOf, workspaceKey } from '../../../src/domain/participant.ts';
import type { CastVote, NewPoll, PollStore, VoteOutcome } from '../../../src/ports/store.ts';
import { publishableSegment } from '../../../src/privacy/published.ts';
import { toMs } from '../../repositories/rows.ts';
import { toPoll, type Row } from '../../repositories/polls.ts';
import type { Conn, Db } from '../pool.ts';
import { enqueue } from './outbox.ts';
import { recordActivity } from './activity.ts';
import { segmentGroups, touchParticipant } from './participants.ts';

const choicesOf = async (c: Conn, pollId: number, voterKey: string) =>
  (await c.query<{ option: number }>('SELECT option FROM votes WHERE poll_id = $1 AND voter_key = $2 ORDER BY option', [pollId, voterKey])).map((r) => r.option);

/**
 * One click in one transaction, as in SQLite. The poll's row is locked first (`FOR UPDATE`): clicks
 * on one poll from any number of connections or replicas then queue on that one lock, so the tally,
 * the voter count and the dedupe record are read and written by one click at a time, and every
 * click takes its locks in the same order (poll, then voter), which cannot deadlock.
 */
async function castVote(c: Conn, v: CastVote): Promise<VoteOutcome> {
  const [row] = await c.query<Row>('SELECT * FROM polls WHERE id = $1 FOR UPDATE', [v.pollId]);
  if (!row) return { ok: false, code: 'poll_not_found', poll: null };
  const poll = toPoll(row);
  if (!mayVoteFrom(poll, workspaceKey(v.voter))) return { ok: false, code: 'poll_other_workspace', poll };
  const voter = await touchParticipant(c, { ...v.voter, now: v.now, quiet: poll.anonymous });
  const current = await choicesOf(c, v.pollId, v.voterKey);
  // Only a multiple-choice click can undo itself when replayed (see SQLite's).
  if (
    v.dedupeKey &&
    poll.multipleChoice &&
    (await c.run(`INSERT INTO processed_events (source, key, seen_at) VALUES ('vote', $1, $2) ON CONFLICT DO NOTHING`, [v.dedupeKey, v.now.getTime()])) === 0
  ) {
    return { ok: true, poll, choices: current, change: 'unchanged', duplicate: true };
  }
  const decision = decideVote(poll, current, v.option, v.now);
  if (!decision.ok) return { ok: false, code: decision.code, poll };
  if (decision.change === 'unchanged') return { ok: true, poll, choices: decision.choices, change: 'unchanged', duplicate: false };
  const segment = poll.anonymous ? publishableSegment(segmentOf(voter.profile), await segmentGroups(c), v.minGroupSize) : segmentOf(voter.profile);
  const decrement = (option: number) => c.run('UPDATE poll_tallies SET votes = votes - 1 WHERE poll_id = $1 AND option = $2', [v.pollId, option]);
  if (decision.change === 'moved') {
    await c.run('DELETE FROM votes WHERE poll_id = $1 AND voter_key = $2', [v.pollId, v.voterKey]);
    for (const old of current) await decrement(old);
  }
  if (decision.change === 'removed') {
    await c.run('DELETE FROM votes WHERE poll_id = $1 AND voter_key = $2 AND option = $3', [v.pollId, v.voterKey, v.option]);
    await decrement(v.option);
  } else {
    await c.run(
      `INSERT INTO votes (poll_id, voter_key, option, single, area, industry, size_band, voted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [v.pollId, v.voterKey, v.option, poll.multipleChoice ? 0 : 1, segment.area, segment.industry, segment.sizeBand, v.now.getTime()],
    );
    await c.run('INSERT INTO poll_tallies (poll_id, option, votes) VALUES ($1, $2, 1) ON CONFLICT (poll_id, option) DO UPDATE SET votes = poll_tallies.votes + 1', [
      v.pollId,
      v.option,
    ]);
  }
  const voterDelta = Number(decision.choices.length > 0) - Number(current.length > 0);
  if (voterDelta) await c.run('UPDATE polls SET voters = voters + $1 WHERE id = $2', [voterDelta, v.pollId]);
  await recordActivity(c, v.activityKey, segment, v.now);
  return { ok: true, poll, choices: decision.choices, change: decision.change, duplicate: false };
}

export function createPgPollStore(db: Db): PollStore {
  const byId = async (c: Conn, id: number) => (await c.query<Row>('SELECT * FROM polls WHERE id = $1', [id]))[0];
  return {
    create: (p: NewPoll) =>
      db.tx(async (c) => {
        const channel = p.audience.kind === 'channel' ? p.audience : null;
        const [row] = await c.query<Row>(
          `INSERT INTO polls (question, options, multiple_choice, anonymous, results_visibility, closes_at, audience,
             channel_platform, channel_workspace, channel_id, creator_id, workspace_key, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
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
          ],
        );
        const poll = toPoll(row!);
        await enqueue(
          c,
          (p.broadcast ?? []).map((b) => ({ ...b, payload: { type: 'poll' as const, pollId: poll.id }, dedupeKey: `poll:${poll.id}:${b.label}` })),
          p.createdAt,
        );
        return poll;
      }),
    async get(id) {
      const row = await byId(db, id);
      return row ? toPoll(row) : null;
    },
    castVote: (v) => db.tx((c) => castVote(c, v)),
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
