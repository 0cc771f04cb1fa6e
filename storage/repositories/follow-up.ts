import type { Database } from 'better-sqlite3';
import type { FollowUpStore, ModerationStep } from '../../src/ports/follow-up.ts';
import { outboxInserter } from './outbox.ts';
import { toPoll } from './polls.ts';
import type { Progress } from '../../src/domain/follow-up.ts';
import { toSuggestion, type SuggestionRow } from './suggestions.ts';

type Action = 'approve' | 'hide' | 'restore' | 'status' | 'topic';

export function createFollowUpStore(db: Database): FollowUpStore {
  const byId = db.prepare<[number], SuggestionRow>('SELECT * FROM suggestions WHERE id = ?');
  const queue = db.prepare<[number], SuggestionRow>(
    "SELECT * FROM suggestions WHERE publishable = 1 AND status = 'new' AND approved_at IS NULL ORDER BY created_at, id LIMIT ?",
  );
  const consented = db.prepare<[], SuggestionRow>('SELECT * FROM suggestions WHERE publishable = 1 ORDER BY created_at, id');
  const log = db.prepare<[number, string, Action, string | null, number]>(
    'INSERT INTO moderation_log (suggestion_id, member_id, action, detail, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const approve = db.prepare<[number, number]>("UPDATE suggestions SET approved_at = ?, status = 'new' WHERE id = ?");
  const hide = db.prepare<[number]>("UPDATE suggestions SET status = 'hidden' WHERE id = ?");
  const restore = db.prepare<[number]>("UPDATE suggestions SET status = 'new' WHERE id = ?");
  const topic = db.prepare<[string, number]>('UPDATE suggestions SET topic = ?, topic_proposed = 0 WHERE id = ?');
  const progress = db.prepare<[string, string | null, number, number]>('UPDATE suggestions SET progress = ?, status_note = ?, progress_at = ? WHERE id = ?');
  const reason = db.prepare<[number], { detail: string | null }>(
    "SELECT detail FROM moderation_log WHERE suggestion_id = ? AND action = 'hide' ORDER BY id DESC LIMIT 1",
  );
  const sentBy = db.prepare<[number, string], { id: number }>('SELECT id FROM suggestions WHERE id = ? AND sender_key IN (SELECT value FROM json_each(?))');
  // Replies and status changes are the two ways a member speaks to a sender; the latest one is answered.
  const responder = db.prepare<{ id: number }, { member_id: string }>(
    `SELECT member_id FROM (
       SELECT member_id, created_at, 1 AS kind, id FROM replies WHERE suggestion_id = @id
       UNION ALL SELECT member_id, created_at, 0 AS kind, id FROM moderation_log WHERE suggestion_id = @id AND action = 'status'
     ) ORDER BY created_at DESC, kind DESC, id DESC LIMIT 1`,
  );
  const insertAnswer = db.prepare<[number, string, string, number]>('INSERT INTO sender_answers (suggestion_id, member_id, text, created_at) VALUES (?, ?, ?, ?)');
  const queued = db.prepare<[string], { id: number }>('SELECT id FROM outbox WHERE dedupe_key = ?');
  const changes = db.prepare<[number, number, number], SuggestionRow>(
    'SELECT * FROM suggestions WHERE progress_at >= ? AND progress_at < ? ORDER BY progress_at DESC, id DESC LIMIT ?',
  );
  const answers = db.prepare<[number, number, number], SuggestionRow & { answer_text: string; answered_at: number }>(
    `SELECT s.*, a.text AS answer_text, a.created_at AS answered_at FROM sender_answers a JOIN suggestions s ON s.id = a.suggestion_id
     WHERE a.created_at >= ? AND a.created_at < ? ORDER BY a.created_at DESC, a.id DESC LIMIT ?`,
  );
  const enqueue = outboxInserter(db);
  type Range = { start: number; end: number };
  const reportSuggestions = db.prepare<Range, { area: string | null; industry: string | null; size_band: string | null; topic: string; progress: string; n: number }>(
    `SELECT area, industry, size_band, topic, progress, count(*) AS n FROM suggestions
     WHERE created_at >= @start AND created_at < @end AND survey_id IS NULL GROUP BY area, industry, size_band, topic, progress`,
  );
  const reportPolls = db.prepare<Range, Parameters<typeof toPoll>[0]>(
    `SELECT * FROM polls WHERE created_at < @end AND (closed_at IS NULL OR closed_at >= @start) AND (closes_at IS NULL OR closes_at >= @start) ORDER BY id`,
  );
  const tallies = db.prepare<[number], { option: number; votes: number }>('SELECT option, votes FROM poll_tallies WHERE poll_id = ?');
  const optionVotes = db.prepare<[number], { area: string | null; industry: string | null; size_band: string | null; option: number; n: number }>(
    'SELECT area, industry, size_band, option, count(*) AS n FROM votes WHERE poll_id = ? GROUP BY area, industry, size_band, option',
  );
  // A voter's segment is the same on each of their choices in a poll (taken when they voted).
  const segmentVoters = db.prepare<[number], { area: string | null; industry: string | null; size_band: string | null; n: number }>(
    'SELECT area, industry, size_band, count(DISTINCT voter_key) AS n FROM votes WHERE poll_id = ? GROUP BY area, industry, size_band',
  );

  /** Runs one moderation step and its record together; null (and nothing written) if the suggestion is gone. */
  const step = (action: Action, update: (id: number, now: number) => void) =>
    db.transaction((s: ModerationStep, detail: string | null) => {
      if (!byId.get(s.suggestionId)) return null;
      update(s.suggestionId, s.now.getTime());
      log.run(s.suggestionId, s.memberId, action, detail, s.now.getTime());
      return toSuggestion(byId.get(s.suggestionId)!);
    });
  const approveStep = step('approve', (id, now) => approve.run(now, id));
  const hideStep = step('hide', (id) => hide.run(id));
  const restoreStep = step('restore', (id) => restore.run(id));
  const recordAnswer = db.transaction((a: Parameters<FollowUpStore['recordAnswer']>[0], message: Parameters<FollowUpStore['recordAnswer']>[1]) => {
    const earlier = queued.get(message.dedupeKey);
    if (earlier) return earlier.id;
    insertAnswer.run(a.suggestionId, a.memberId, a.text, a.now.getTime());
    return enqueue([message], a.now)[0]!;
  });
  const setProgress = db.transaction((c: Parameters<FollowUpStore['setProgress']>[0], notice: Parameters<FollowUpStore['setProgress']>[1]) => {
    if (!byId.get(c.suggestionId)) return null;
    progress.run(c.progress, c.note, c.now.getTime(), c.suggestionId);
    log.run(c.suggestionId, c.memberId, 'status', c.progress, c.now.getTime());
    if (notice) enqueue([notice], c.now);
    return toSuggestion(byId.get(c.suggestionId)!);
  });

  return {
    async reviewQueue(limit) {
      return queue.all(limit).map(toSuggestion);
    },
    async consented() {
      return consented.all().map(toSuggestion);
    },
    approve: async (s) => approveStep.immediate(s, null),
    hide: async (s) => hideStep.immediate(s, s.reason),
    restore: async (s) => restoreStep.immediate(s, null),
    moveTopic: async (s) => step('topic', (id) => topic.run(s.topic, id)).immediate(s, s.topic),
    setProgress: async (c, notice) => setProgress.immediate(c, notice),
    async hiddenReason(id) {
      return reason.get(id)?.detail ?? null;
    },
    async sentBy(id, senderKeys) {
      return sentBy.get(id, JSON.stringify(senderKeys)) !== undefined;
    },
    async lastResponder(id) {
      return responder.get({ id })?.member_id ?? null;
    },
    recordAnswer: async (a, message) => recordAnswer.immediate(a, message),
    async reportInput(period) {
      const range = { start: period.start.getTime(), end: period.end.getTime() };
      const seg = (r: { area: string | null; industry: string | null; size_band: string | null; n: number }) => ({ area: r.area, industry: r.industry, sizeBand: r.size_band, count: r.n });
      const polls = reportPolls.all(range).map((row) => {
        const poll = toPoll(row);
        const counts = poll.options.map(() => 0);
        for (const t of tallies.all(poll.id)) if (t.option < counts.length) counts[t.option] = t.votes;
        return { poll, voters: row.voters, counts };
      });
      return {
        suggestions: reportSuggestions.all(range).map((r) => ({ ...seg(r), topic: r.topic, progress: r.progress as Progress })),
        polls,
        votes: polls.flatMap(({ poll }) => optionVotes.all(poll.id).map((r) => ({ ...seg(r), pollId: poll.id, option: r.option }))),
        voters: polls.flatMap(({ poll }) => segmentVoters.all(poll.id).map((r) => ({ ...seg(r), pollId: poll.id }))),
      };
    },
    async statusChangesIn(period, limit) {
      return changes.all(period.start.getTime(), period.end.getTime(), limit).map(toSuggestion);
    },
    async answersIn(period, limit) {
      return answers.all(period.start.getTime(), period.end.getTime(), limit).map((row) => ({ suggestion: toSuggestion(row), text: row.answer_text, createdAt: new Date(row.answered_at) }));
    },
  };
}
