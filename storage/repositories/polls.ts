import type { Database } from 'better-sqlite3';
import { decideVote, mayVoteFrom, type Poll, type PollAudience } from '../../src/domain/poll.ts';
import { segmentOf, workspaceKey } from '../../src/domain/participant.ts';
import type { CastVote, NewPoll, NewRound, PollStore, VoteOutcome } from '../../src/ports/store.ts';
import { createSeriesRows } from './poll-series.ts';
import { fromMs, toMs } from './rows.ts';
import { outboxInserter } from './outbox.ts';
import { activityRecorder } from './activity.ts';
import { participantToucher, segmentGroupCounter } from './participants.ts';
import { publishableSegment } from '../../src/privacy/published.ts';

interface Row {
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
 * Group commit: votes that arrive in the same turn of the event loop share one transaction (each
 * in its own savepoint, so one failing vote takes no other with it). Every vote still resolves only
 * after the commit that holds it, so nothing is acknowledged before it is stored; a burst of clicks
 * writes each touched page once per batch instead of once per click.
 */
function groupCommit(db: Database, one: (v: CastVote) => VoteOutcome) {
  let queue: { vote: CastVote; resolve: (o: VoteOutcome) => void; reject: (e: unknown) => void }[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    let results: ({ ok: VoteOutcome } | { error: unknown })[];
    try {
      // Immediate, so two processes voting at once queue on the write lock instead of failing mid-way.
      results = db
        .transaction(() =>
          batch.map((b) => {
            try {
              return { ok: one(b.vote) };
            } catch (error) {
              return { error };
            }
          }),
        )
        .immediate();
    } catch (error) {
      for (const b of batch) b.reject(error);
      return;
    }
    batch.forEach((b, i) => {
      const r = results[i]!;
      if ('ok' in r) b.resolve(r.ok);
      else b.reject(r.error);
    });
  };
  return {
    submit: (vote: CastVote) =>
      new Promise<VoteOutcome>((resolve, reject) => {
        if (queue.push({ vote, resolve, reject }) === 1) setImmediate(flush);
      }),
  };
}

export function createPollStore(db: Database): PollStore {
  const touch = participantToucher(db);
  const insert = db.prepare(
    `INSERT INTO polls (question, options, multiple_choice, anonymous, results_visibility, closes_at, audience,
       channel_platform, channel_workspace, channel_id, creator_id, workspace_key, created_at, starts_at, series_id, round)
     VALUES (@question, @options, @multiple, @anonymous, @visibility, @closesAt, @audience,
       @channelPlatform, @channelWorkspace, @channelId, @creatorId, @workspaceKey, @createdAt, @startsAt, @seriesId, @round)
     RETURNING *`,
  );
  const byId = db.prepare<[number], Row>('SELECT * FROM polls WHERE id = ?');
  const choicesOf = db.prepare<[number, string], { option: number }>('SELECT option FROM votes WHERE poll_id = ? AND voter_key = ? ORDER BY option');
  const deleteChoices = db.prepare<[number, string]>('DELETE FROM votes WHERE poll_id = ? AND voter_key = ?');
  const insertVote = db.prepare(
    `INSERT INTO votes (poll_id, voter_key, option, single, area, industry, size_band, voted_at)
     VALUES (@pollId, @voterKey, @option, @single, @area, @industry, @sizeBand, @votedAt)`,
  );
  const deleteVote = db.prepare<[number, string, number]>('DELETE FROM votes WHERE poll_id = ? AND voter_key = ? AND option = ?');
  const claimDelivery = db.prepare<[string, number]>(
    `INSERT INTO processed_events (source, key, seen_at) VALUES ('vote', ?, ?) ON CONFLICT DO NOTHING`,
  );
  const counts = db.prepare<[number], { option: number; n: number }>('SELECT option, votes AS n FROM poll_tallies WHERE poll_id = ?');
  const increment = db.prepare<[number, number]>(
    'INSERT INTO poll_tallies (poll_id, option, votes) VALUES (?, ?, 1) ON CONFLICT (poll_id, option) DO UPDATE SET votes = votes + 1',
  );
  const decrement = db.prepare<[number, number]>('UPDATE poll_tallies SET votes = votes - 1 WHERE poll_id = ? AND option = ?');
  const addVoters = db.prepare<[number, number]>('UPDATE polls SET voters = voters + ? WHERE id = ?');
  const noteActivity = activityRecorder(db);
  const segmentGroups = segmentGroupCounter(db);
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
    // A scheduled poll's posts wait in the outbox until its time: nothing is sent before `next_attempt_at`.
    enqueue(
      [...(p.broadcast ?? []), ...(p.post ? [p.post] : [])].map((b) => ({ ...b, payload: { type: 'poll' as const, pollId: poll.id }, dedupeKey: `poll:${poll.id}:${b.label}` })),
      p.startsAt ?? p.createdAt,
    );
    // Queued now for their times; whether each goes (not voted, not stopped, still open) is decided when due.
    for (const at of p.remindAt ?? []) {
      enqueue(
        (p.broadcast ?? []).map((b) => ({
          ...b,
          payload: { type: 'poll_reminder' as const, pollId: poll.id, participantId: b.label },
          dedupeKey: `poll:${poll.id}:remind:${at.getTime()}:${b.label}`,
        })),
        at,
      );
    }
    return poll;
  });

  const castVote = db.transaction((v: CastVote): VoteOutcome => {
    const row = byId.get(v.pollId);
    if (!row) return { ok: false, code: 'poll_not_found', poll: null };
    const poll = toPoll(row);
    if (!mayVoteFrom(poll, workspaceKey(v.voter))) return { ok: false, code: 'poll_other_workspace', poll };
    const voter = touch({ ...v.voter, now: v.now, quiet: poll.anonymous });
    const current = choicesOf.all(v.pollId, v.voterKey).map((r) => r.option);
    // Only a multiple-choice click can undo itself when replayed; in single choice a replay changes
    // nothing, so the delivery needs no record (one write less on the busiest path).
    if (v.dedupeKey && poll.multipleChoice && claimDelivery.run(v.dedupeKey, v.now.getTime()).changes === 0) {
      return { ok: true, poll, choices: current, change: 'unchanged', duplicate: true };
    }
    const decision = decideVote(poll, current, v.option, v.now);
    if (!decision.ok) return { ok: false, code: decision.code, poll };
    if (decision.change === 'unchanged') return { ok: true, poll, choices: decision.choices, change: 'unchanged', duplicate: false };
    const segment = poll.anonymous ? publishableSegment(segmentOf(voter.profile), segmentGroups(), v.minGroupSize) : segmentOf(voter.profile);
    if (decision.change === 'moved') {
      deleteChoices.run(v.pollId, v.voterKey);
      for (const old of current) decrement.run(v.pollId, old);
    }
    if (decision.change === 'removed') {
      deleteVote.run(v.pollId, v.voterKey, v.option);
      decrement.run(v.pollId, v.option);
    } else {
      insertVote.run({ pollId: v.pollId, voterKey: v.voterKey, option: v.option, single: poll.multipleChoice ? 0 : 1, ...segment, votedAt: v.now.getTime() });
      increment.run(v.pollId, v.option);
    }
    const voterDelta = Number(decision.choices.length > 0) - Number(current.length > 0);
    if (voterDelta) addVoters.run(voterDelta, v.pollId);
    noteActivity(v.activityKey, segment, v.now);
    return { ok: true, poll, choices: decision.choices, change: decision.change, duplicate: false };
  });

  const votes = groupCommit(db, castVote);

  // A round copies the series' first poll; moving `next_at` on first is what makes it happen once.
  const startRound = db.transaction((r: NewRound): Poll | null => {
    const moved = series.advance(r.seriesId, r.expectedNextAt, r.nextAt);
    if (!moved) return null;
    const first = byId.get(moved.firstPollId);
    if (!first) return null;
    const template = toPoll(first);
    return create(
      {
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
      },
      { seriesId: r.seriesId, round: moved.round },
    );
  });
  const roundsOf = db.prepare<[number], Row>('SELECT * FROM polls WHERE series_id = ? AND deleted_at IS NULL ORDER BY round');
  // `voters = 0` in the same statement: a vote committed first makes the edit change nothing.
  const editTexts = db.prepare<[string, string, number]>('UPDATE polls SET question = ?, options = ? WHERE id = ? AND voters = 0 AND deleted_at IS NULL');
  const markDeleted = db.prepare<[number, number, number]>(
    "UPDATE polls SET deleted_at = ?, closed_at = coalesce(closed_at, ?), question = '', options = '[]', voters = 0 WHERE id = ? AND deleted_at IS NULL",
  );
  const dropVotes = db.prepare<[number]>('DELETE FROM votes WHERE poll_id = ?');
  const dropTallies = db.prepare<[number]>('DELETE FROM poll_tallies WHERE poll_id = ?');
  const dropPosts = db.prepare<[number]>(
    "DELETE FROM outbox WHERE status = 'pending' AND json_extract(payload, '$.type') = 'poll' AND json_extract(payload, '$.pollId') = ?",
  );
  const stopSeries = db.prepare<[number]>('UPDATE poll_series SET next_at = NULL WHERE id = (SELECT series_id FROM polls WHERE id = ?)');
  const remove = db.transaction((pollId: number, now: Date) => {
    if (markDeleted.run(now.getTime(), now.getTime(), pollId).changes === 0) return;
    dropVotes.run(pollId);
    dropTallies.run(pollId);
    dropPosts.run(pollId);
    stopSeries.run(pollId);
  });
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
    async edit(pollId, question, options) {
      const changed = db.transaction(() => editTexts.run(question, JSON.stringify(options), pollId).changes > 0).immediate();
      const row = byId.get(pollId);
      if (!row || row.deleted_at !== null) return { ok: false, code: 'poll_not_found' };
      return changed ? { ok: true, poll: toPoll(row) } : { ok: false, code: 'poll_has_votes' };
    },
    async remove(pollId, now) {
      remove.immediate(pollId, now);
      const row = byId.get(pollId);
      return row ? toPoll(row) : null;
    },
    async rounds(seriesId) {
      return roundsOf.all(seriesId).map(toPoll);
    },
    async get(id) {
      const row = byId.get(id);
      return row ? toPoll(row) : null;
    },
    castVote: (v) => votes.submit(v),
    async choices(pollId, voterKey) {
      return choicesOf.all(pollId, voterKey).map((r) => r.option);
    },
    async tally(pollId) {
      const row = byId.get(pollId);
      const result = { counts: Array.from({ length: row ? (JSON.parse(row.options) as string[]).length : 0 }, () => 0), voters: row?.voters ?? 0 };
      for (const c of counts.all(pollId)) if (c.option < result.counts.length) result.counts[c.option] = c.n;
      return result;
    },
    async setClosed(pollId, closedAt, now) {
      db.transaction(() => {
        close.run(toMs(closedAt), pollId);
        if (!closedAt) clearPastClose.run(pollId, now.getTime());
      }).immediate();
      const row = byId.get(pollId);
      return row ? toPoll(row) : null;
    },
    async listOpen(workspaceKey, now, limit) {
      return open.all(workspaceKey, now.getTime(), now.getTime(), limit).map(toPoll);
    },
    // A different pseudonym in every poll, so each poll is looked up on its own (by the primary key).
    async votesBy(voterKeyIn) {
      return allPolls.all().flatMap((row) => {
        const choices = choicesOf.all(row.id, voterKeyIn(row.id)).map((r) => r.option);
        return choices.length ? [{ poll: toPoll(row), choices }] : [];
      });
    },
  };
}
