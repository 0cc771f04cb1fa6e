import type { NewPoll, PollStore } from '../../../src/ports/store.ts';
import { toMs } from '../../repositories/rows.ts';
import { toPoll, type Row } from '../../repositories/polls.ts';
import type { Conn, Db } from '../pool.ts';
import { enqueue } from './outbox.ts';

export const choicesOf = async (c: Conn, pollId: number, voterKey: string) =>
  (await c.query<{ option: number }>('SELECT option FROM votes WHERE poll_id = $1 AND voter_key = $2 ORDER BY option', [pollId, voterKey])).map((r) => r.option);

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
