import type { Database } from 'better-sqlite3';
import type { Poll, PollAudience } from '../../src/domain/poll.ts';
import type { NewPoll, NewRound, PollStore } from '../../src/ports/store.ts';
import type { NewOutboxMessage } from '../../src/ports/outbox.ts';
import { createSeriesRows } from './poll-series.ts';
import type { VoteRow } from '../../src/ports/unit-of-work.ts';
import { fromMs, toMs } from './rows.ts';
import { outboxInserter } from './outbox.ts';

export interface Row {
  id: number;
  question: string;
  options: string;
  multiple_choice: number;
  anonymous: number;
  results_visibility: string;
  closes_at: number | null;
  closed_at: number | null;
  audience: string;
  channel_platform: string | null;
  channel_workspace: string | null;
  channel_id: string | null;
  creator_id: string;
  workspace_key: string;
  created_at: number;
  voters: number;
  starts_at: number | null;
  series_id: number | null;
  round: number | null;
  deleted_at: number | null;
}

export function toPoll(row: Row): Poll {
  const audience: PollAudience =
    row.audience === 'everyone'
      ? { kind: 'everyone' }
      : { kind: 'channel', platform: row.channel_platform!, workspaceId: row.channel_workspace!, channelId: row.channel_id! };
  return {
    id: row.id,
    question: row.question,
    options: JSON.parse(row.options) as string[],
    multipleChoice: row.multiple_choice === 1,
    anonymous: row.anonymous === 1,
    resultsVisibility: row.results_visibility as Poll['resultsVisibility'],
    closesAt: fromMs(row.closes_at),
    closedAt: fromMs(row.closed_at),
    audience,
    creatorId: row.creator_id,
    workspaceKey: row.workspace_key,
    createdAt: new Date(row.created_at),
    startsAt: fromMs(row.starts_at),
    seriesId: row.series_id,
    round: row.round,
    deletedAt: fromMs(row.deleted_at),
  };
}

/**
 * The poll and vote rows a vote's unit of work writes, as plain synchronous steps inside the
 * caller's transaction; what to write is the core's decision (`src/usecases/cast-vote.ts`).
 */
export function voteRows(db: Database) {
  const byId = db.prepare<[number], Row>('SELECT * FROM polls WHERE id = ?');
  const choicesOf = db.prepare<[number, string], { option: number }>('SELECT option FROM votes WHERE poll_id = ? AND voter_key = ? ORDER BY option');
  // Positional: binding by name costs a lookup per parameter, on the busiest statement there is.
  const insertVote = db.prepare<[number, string, number, number, string | null, string | null, string | null, number]>(
    `INSERT INTO votes (poll_id, voter_key, option, single, area, industry, size_band, voted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deleteVote = db.prepare<[number, string, number]>('DELETE FROM votes WHERE poll_id = ? AND voter_key = ? AND option = ?');
  // A count only falls below what was added to it, so the row to take from exists.
  const raise = db.prepare<[number, number, number]>(
    'INSERT INTO poll_tallies (poll_id, option, votes) VALUES (?, ?, ?) ON CONFLICT (poll_id, option) DO UPDATE SET votes = votes + excluded.votes',
  );
  const lower = db.prepare<[number, number, number]>('UPDATE poll_tallies SET votes = votes + ? WHERE poll_id = ? AND option = ?');
  const addVoters = db.prepare<[number, number]>('UPDATE polls SET voters = voters + ? WHERE id = ?');
  return {
    byId: (id: number) => byId.get(id),
    poll(id: number): Poll | null {
      const row = byId.get(id);
      return row ? toPoll(row) : null;
    },
    choices: (pollId: number, voterKey: string) => choicesOf.all(pollId, voterKey).map((r) => r.option),
    insert(v: VoteRow) {
      insertVote.run(v.pollId, v.voterKey, v.option, v.single ? 1 : 0, v.segment.area, v.segment.industry, v.segment.sizeBand, v.votedAt.getTime());
    },
    delete(pollId: number, voterKey: string, options: readonly number[]) {
      for (const option of options) deleteVote.run(pollId, voterKey, option);
    },
    addToTally: (pollId: number, option: number, delta: number) => void (delta > 0 ? raise.run(pollId, option, delta) : lower.run(delta, pollId, option)),
    addVoters: (pollId: number, delta: number) => void addVoters.run(delta, pollId),
  };
}

export function createPollStore(db: Database): PollStore {
  const insert = db.prepare(
    `INSERT INTO polls (question, options, multiple_choice, anonymous, results_visibility, closes_at, audience,
       channel_platform, channel_workspace, channel_id, creator_id, workspace_key, created_at, starts_at, series_id, round)
     VALUES (@question, @options, @multiple, @anonymous, @visibility, @closesAt, @audience,
       @channelPlatform, @channelWorkspace, @channelId, @creatorId, @workspaceKey, @createdAt, @startsAt, @seriesId, @round)
     RETURNING *`,
  );
  const rows = voteRows(db);
  const counts = db.prepare<[number], { option: number; n: number }>('SELECT option, votes AS n FROM poll_tallies WHERE poll_id = ?');
  const close = db.prepare<[number | null, number]>('UPDATE polls SET closed_at = ? WHERE id = ?');
  const clearPastClose = db.prepare<[number, number]>('UPDATE polls SET closes_at = NULL WHERE id = ? AND closes_at <= ?');
  const open = db.prepare<[string, number, number, number], Row>(
    `SELECT * FROM polls
     WHERE (workspace_key = ? OR audience = 'everyone') AND closed_at IS NULL AND (closes_at IS NULL OR closes_at > ?)
       AND (starts_at IS NULL OR starts_at <= ?)
     ORDER BY created_at DESC LIMIT ?`,
  );
  const allPolls = db.prepare<[], Row>('SELECT * FROM polls ORDER BY created_at DESC, id DESC');

  const enqueue = outboxInserter(db);
  const series = createSeriesRows(db);
  const create = db.transaction((p: NewPoll, round?: { seriesId: number; round: number }) => {
    const channel = p.audience.kind === 'channel' ? p.audience : null;
    const seriesId = round?.seriesId ?? (p.series ? series.insert(p.series, p.createdAt) : null);
    const poll = toPoll(
      insert.get({
        question: p.question,
        options: JSON.stringify(p.options),
        multiple: p.multipleChoice ? 1 : 0,
        anonymous: p.anonymous ? 1 : 0,
        visibility: p.resultsVisibility,
        closesAt: toMs(p.closesAt),
        audience: p.audience.kind,
        channelPlatform: channel?.platform ?? null,
        channelWorkspace: channel?.workspaceId ?? null,
        channelId: channel?.channelId ?? null,
        creatorId: p.creatorId,
        workspaceKey: p.workspaceKey,
        createdAt: p.createdAt.getTime(),
        startsAt: toMs(p.startsAt ?? null),
        seriesId,
        round: round?.round ?? (seriesId ? 1 : null),
      }) as Row,
    );
    for (const q of queuedWithPoll(p, poll.id)) enqueue(q.messages, q.at);
    return poll;
  });

  // A round copies the series' first poll; moving `next_at` on first is what makes it happen once.
  const startRound = db.transaction((r: NewRound): Poll | null => {
    const moved = series.advance(r.seriesId, r.expectedNextAt, r.nextAt);
    if (!moved) return null;
    const first = rows.byId(moved.firstPollId);
    if (!first) return null;
    return create(
      roundOf(toPoll(first), r),
      { seriesId: r.seriesId, round: moved.round },
    );
  });
  const roundsOf = db.prepare<[number], Row>('SELECT * FROM polls WHERE series_id = ? AND deleted_at IS NULL ORDER BY round');
  const firstOf = (seriesId: number) => roundsOf.get(seriesId);

  return {
    create: async (p: NewPoll) => create.immediate(p),
    async dueSeries(now) {
      return series.due(now).flatMap((row) => {
        const first = firstOf(row.id);
        return first ? [{ id: row.id, cron: row.cron, closeAfterMs: row.close_after_ms, remindAfterMs: JSON.parse(row.remind_after_ms) as number[], nextAt: fromMs(row.next_at), rounds: row.rounds, first: toPoll(first) }] : [];
      });
    },
    startRound: async (r) => startRound.immediate(r),
    async rounds(seriesId) {
      return roundsOf.all(seriesId).map(toPoll);
    },
    get: async (id) => rows.poll(id),
    choices: async (pollId, voterKey) => rows.choices(pollId, voterKey),
    async tally(pollId) {
      const row = rows.byId(pollId);
      const result = { counts: Array.from({ length: row ? (JSON.parse(row.options) as string[]).length : 0 }, () => 0), voters: row?.voters ?? 0 };
      for (const c of counts.all(pollId)) if (c.option < result.counts.length) result.counts[c.option] = c.n;
      return result;
    },
    async setClosed(pollId, closedAt, now) {
      db.transaction(() => {
        close.run(toMs(closedAt), pollId);
        if (!closedAt) clearPastClose.run(pollId, now.getTime());
      }).immediate();
      return rows.poll(pollId);
    },
    async listOpen(workspaceKey, now, limit) {
      return open.all(workspaceKey, now.getTime(), now.getTime(), limit).map(toPoll);
    },
    // A different pseudonym in every poll, so each poll is looked up on its own (by the primary key).
    async votesBy(voterKeyIn) {
      return allPolls.all().flatMap((row) => {
        const choices = rows.choices(row.id, voterKeyIn(row.id));
        return choices.length ? [{ poll: toPoll(row), choices }] : [];
      });
    },
  };
}

/** The next round of a series as a new poll: the first round's question, options, settings and audience, with the round's own times and posts. */
export function roundOf(template: Poll, r: NewRound): NewPoll {
  return {
    question: template.question,
    options: template.options,
    multipleChoice: template.multipleChoice,
    anonymous: template.anonymous,
    resultsVisibility: template.resultsVisibility,
    audience: template.audience,
    creatorId: template.creatorId,
    workspaceKey: template.workspaceKey,
    createdAt: r.createdAt,
    startsAt: r.startsAt,
    closesAt: r.closesAt,
    ...(r.broadcast ? { broadcast: r.broadcast } : {}),
    ...(r.post ? { post: r.post } : {}),
    ...(r.remindAt ? { remindAt: r.remindAt } : {}),
  };
}

/**
 * What is queued with a new poll, by the time it is due: its posts (broadcast and channel post) for
 * its start, so a scheduled poll's posts wait in the outbox; its reminders for their times, each
 * decided when due (not voted, not stopped, still open).
 */
export function queuedWithPoll(p: NewPoll, pollId: number): { at: Date; messages: NewOutboxMessage[] }[] {
  return [
    {
      at: p.startsAt ?? p.createdAt,
      messages: [...(p.broadcast ?? []), ...(p.post ? [p.post] : [])].map((b) => ({ ...b, payload: { type: 'poll' as const, pollId }, dedupeKey: `poll:${pollId}:${b.label}` })),
    },
    ...(p.remindAt ?? []).map((at) => ({
      at,
      messages: (p.broadcast ?? []).map((b) => ({
        ...b,
        payload: { type: 'poll_reminder' as const, pollId, participantId: b.label },
        dedupeKey: `poll:${pollId}:remind:${at.getTime()}:${b.label}`,
      })),
    })),
  ];
}
