import type { FollowUpStore, ModerationStep } from '../../../src/ports/follow-up.ts';
import type { Progress } from '../../../src/domain/follow-up.ts';
import { toPoll, type Row as PollRow } from '../../repositories/polls.ts';
import { toSuggestion, type SuggestionRow } from '../../repositories/suggestions.ts';
import type { Conn, Db } from '../pool.ts';
import { enqueue, recordAndQueueOnce } from './outbox.ts';

type Action = 'approve' | 'hide' | 'restore' | 'status' | 'topic';
type SegmentCount = { area: string | null; industry: string | null; size_band: string | null; n: number };

const byId = async (c: Conn, id: number) => (await c.query<SuggestionRow>('SELECT * FROM suggestions WHERE id = $1', [id]))[0];
const log = (c: Conn, s: ModerationStep, action: Action, detail: string | null) =>
  c.run('INSERT INTO moderation_log (suggestion_id, member_id, action, detail, created_at) VALUES ($1, $2, $3, $4, $5)', [s.suggestionId, s.memberId, action, detail, s.now.getTime()]);

export function createPgFollowUpStore(db: Db): FollowUpStore {
  /** One moderation step and its record together; null (and nothing written) if the suggestion is gone. The row is locked so steps on it queue. */
  const step = (s: ModerationStep, action: Action, detail: string | null, update: (c: Conn) => Promise<unknown>) =>
    db.tx(async (c) => {
      if ((await c.query('SELECT 1 FROM suggestions WHERE id = $1 FOR UPDATE', [s.suggestionId])).length === 0) return null;
      await update(c);
      await log(c, s, action, detail);
      return toSuggestion((await byId(c, s.suggestionId))!);
    });
  const seg = (r: SegmentCount) => ({ area: r.area, industry: r.industry, sizeBand: r.size_band, count: r.n });

  return {
    reviewQueue: async (limit) =>
      (await db.query<SuggestionRow>("SELECT * FROM suggestions WHERE publishable = 1 AND status = 'new' AND approved_at IS NULL ORDER BY created_at, id LIMIT $1", [limit])).map(
        toSuggestion,
      ),
    consented: async () => (await db.query<SuggestionRow>('SELECT * FROM suggestions WHERE publishable = 1 ORDER BY created_at, id')).map(toSuggestion),
    approve: (s) => step(s, 'approve', null, (c) => c.run("UPDATE suggestions SET approved_at = $1, status = 'new' WHERE id = $2", [s.now.getTime(), s.suggestionId])),
    hide: (s) => step(s, 'hide', s.reason, (c) => c.run("UPDATE suggestions SET status = 'hidden' WHERE id = $1", [s.suggestionId])),
    restore: (s) => step(s, 'restore', null, (c) => c.run("UPDATE suggestions SET status = 'new' WHERE id = $1", [s.suggestionId])),
    moveTopic: (s) => step(s, 'topic', s.topic, (c) => c.run('UPDATE suggestions SET topic = $1, topic_proposed = 0 WHERE id = $2', [s.topic, s.suggestionId])),
    setProgress: (change, notice) =>
      step(change, 'status', change.progress, async (c) => {
        await c.run('UPDATE suggestions SET progress = $1, status_note = $2, progress_at = $3 WHERE id = $4', [change.progress, change.note, change.now.getTime(), change.suggestionId]);
        if (notice) await enqueue(c, [notice], change.now);
      }),
    async hiddenReason(id) {
      const [row] = await db.query<{ detail: string | null }>("SELECT detail FROM moderation_log WHERE suggestion_id = $1 AND action = 'hide' ORDER BY id DESC LIMIT 1", [id]);
      return row?.detail ?? null;
    },
    sentBy: async (id, senderKeys) => (await db.query('SELECT 1 FROM suggestions WHERE id = $1 AND sender_key = ANY($2::text[])', [id, senderKeys])).length > 0,
    async lastResponder(id) {
      // Replies and status changes are the two ways a member speaks to a sender; the latest one is answered.
      const [row] = await db.query<{ member_id: string }>(
        `SELECT member_id FROM (
           SELECT member_id, created_at, 1 AS kind, id FROM replies WHERE suggestion_id = $1
           UNION ALL SELECT member_id, created_at, 0 AS kind, id FROM moderation_log WHERE suggestion_id = $1 AND action = 'status'
         ) AS spoken ORDER BY created_at DESC, kind DESC, id DESC LIMIT 1`,
        [id],
      );
      return row?.member_id ?? null;
    },
    recordAnswer: (a, message) =>
      db.tx((c) =>
        recordAndQueueOnce(c, message, a.now, () =>
          c.run('INSERT INTO sender_answers (suggestion_id, member_id, text, created_at) VALUES ($1, $2, $3, $4)', [a.suggestionId, a.memberId, a.text, a.now.getTime()]),
        ),
      ),
    async reportInput(period) {
      const range = [period.start.getTime(), period.end.getTime()];
      const rows = await db.query<PollRow>(
        `SELECT * FROM polls WHERE created_at < $2 AND (closed_at IS NULL OR closed_at >= $1) AND (closes_at IS NULL OR closes_at >= $1) ORDER BY id`,
        range,
      );
      const polls = [];
      const votes = [];
      const voters = [];
      for (const row of rows) {
        const poll = toPoll(row);
        const counts = poll.options.map(() => 0);
        for (const t of await db.query<{ option: number; votes: number }>('SELECT option, votes FROM poll_tallies WHERE poll_id = $1', [poll.id])) {
          if (t.option < counts.length) counts[t.option] = t.votes;
        }
        polls.push({ poll, voters: row.voters, counts });
        const byOption = await db.query<SegmentCount & { option: number }>(
          'SELECT area, industry, size_band, option, count(*) AS n FROM votes WHERE poll_id = $1 GROUP BY area, industry, size_band, option',
          [poll.id],
        );
        votes.push(...byOption.map((r) => ({ ...seg(r), pollId: poll.id, option: r.option })));
        // A voter's segment is the same on each of their choices in a poll (taken when they voted).
        const bySegment = await db.query<SegmentCount>(
          'SELECT area, industry, size_band, count(DISTINCT voter_key) AS n FROM votes WHERE poll_id = $1 GROUP BY area, industry, size_band',
          [poll.id],
        );
        voters.push(...bySegment.map((r) => ({ ...seg(r), pollId: poll.id })));
      }
      const suggestions = await db.query<SegmentCount & { topic: string; progress: string }>(
        `SELECT area, industry, size_band, topic, progress, count(*) AS n FROM suggestions
         WHERE created_at >= $1 AND created_at < $2 AND survey_id IS NULL GROUP BY area, industry, size_band, topic, progress`,
        range,
      );
      return { suggestions: suggestions.map((r) => ({ ...seg(r), topic: r.topic, progress: r.progress as Progress })), polls, votes, voters };
    },
    statusChangesIn: async (period, limit) =>
      (
        await db.query<SuggestionRow>('SELECT * FROM suggestions WHERE progress_at >= $1 AND progress_at < $2 ORDER BY progress_at DESC, id DESC LIMIT $3', [
          period.start.getTime(),
          period.end.getTime(),
          limit,
        ])
      ).map(toSuggestion),
    answersIn: async (period, limit) =>
      (
        await db.query<SuggestionRow & { answer_text: string; answered_at: number }>(
          `SELECT s.*, a.text AS answer_text, a.created_at AS answered_at FROM sender_answers a JOIN suggestions s ON s.id = a.suggestion_id
           WHERE a.created_at >= $1 AND a.created_at < $2 ORDER BY a.created_at DESC, a.id DESC LIMIT $3`,
          [period.start.getTime(), period.end.getTime(), limit],
        )
      ).map((row) => ({ suggestion: toSuggestion(row), text: row.answer_text, createdAt: new Date(row.answered_at) })),
  };
}
