import type { Database } from 'better-sqlite3';
import type { Erasure, ErasureHooks, Holdings, PersonKeys, PrivacyStore, Pruned, RetentionCutoffs } from '../../src/ports/store.ts';
import { digestMentions, scrubDigest } from '../../src/privacy/erasure.ts';
import { HOUR_MS } from './activity.ts';
import { toParticipant, type Row as ParticipantRow } from './participants.ts';
import { toSuggestion, type SuggestionRow } from './suggestions.ts';

export interface OutboxRow {
  id: number;
  workspace_id: string;
  recipient: string;
  payload: string;
  label: string;
  status: string;
  created_at: number;
}

/** Outbox rows addressed to the person, in clear or sealed, or answering one of their suggestions; and digests that mention their suggestions. */
export function sortOutboxRows(rows: Iterable<OutboxRow>, person: PersonKeys, hooks: ErasureHooks, suggestionIds: ReadonlySet<number>): { to: OutboxRow[]; digests: OutboxRow[] } {
  const to: OutboxRow[] = [];
  const digests: OutboxRow[] = [];
  for (const row of rows) {
    const recipient = JSON.parse(row.recipient) as { kind: string; userId?: string; sealed?: string | null };
    const payload = JSON.parse(row.payload) as { type: string; suggestionId?: number; digest?: unknown };
    const theirs =
      row.label === person.id ||
      (recipient.kind === 'user' && recipient.userId === person.userId && row.workspace_id === person.workspaceId) ||
      (recipient.kind === 'sealed' && typeof recipient.sealed === 'string' && hooks.sealedIsTheirs(recipient.sealed)) ||
      // A reply or status notice to them, or their own answer to a member, about one of their suggestions.
      (['reply', 'status', 'answer'].includes(payload.type) && payload.suggestionId !== undefined && suggestionIds.has(payload.suggestionId));
    if (theirs) to.push(row);
    else if (payload.type === 'digest' && digestMentions(payload.digest, suggestionIds)) digests.push(row);
  }
  return { to, digests };
}

/**
 * Erasure, access requests and retention. A person's records are found by every key they can carry:
 * their id where it is stored in clear, and each pseudonym the core derives with the key file. Old
 * keys (the named pseudonym on votes and activity, a delivery id with the person's id) are searched
 * too, so data written before pseudonyms had separate purposes goes as well.
 */
export function createPrivacyStore(db: Database): PrivacyStore {
  const participant = db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ?');
  const member = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM members WHERE id = ?');
  const suggestions = db.prepare<[string, string, string], SuggestionRow>(
    'SELECT * FROM suggestions WHERE sender_key IN (?, ?) OR sender_id = ? ORDER BY created_at, id',
  );
  const polls = db.prepare<{ now: number }, { id: number; question: string; options: string; anonymous: number; open: number }>(
    `SELECT id, question, options, anonymous, closed_at IS NULL AND (closes_at IS NULL OR closes_at > @now) AS open FROM polls ORDER BY id`,
  );
  const votesIn = db.prepare<[string, number], { option: number; voted_at: number }>('SELECT option, voted_at FROM votes WHERE voter_key = ? AND poll_id = ?');
  const activity = db.prepare<[string, string], { hour: number; area: string | null; industry: string | null; size_band: string | null }>(
    'SELECT hour, area, industry, size_band FROM activity WHERE person_key IN (?, ?) ORDER BY hour',
  );
  const replies = db.prepare<[string], { id: number; suggestion_id: number | null; text: string; created_at: number }>(
    'SELECT id, suggestion_id, text, created_at FROM replies WHERE member_id = ? ORDER BY id',
  );
  // A sender's answers on their suggestions, and answers sent to them as a member.
  const answers = db.prepare<[string, string], { id: number; suggestion_id: number; text: string; created_at: number }>(
    'SELECT id, suggestion_id, text, created_at FROM sender_answers WHERE member_id = ? OR suggestion_id IN (SELECT value FROM json_each(?)) ORDER BY id',
  );
  const outboxRows = db.prepare<[], OutboxRow>('SELECT id, workspace_id, recipient, payload, label, status, created_at FROM outbox ORDER BY id');
  const stateRow = db.prepare<[string, string], { updated_at: number }>('SELECT updated_at FROM platform_state WHERE namespace = ? AND key = ?');

  const outboxOf = (person: PersonKeys, hooks: ErasureHooks, suggestionIds: ReadonlySet<number>) => sortOutboxRows(outboxRows.iterate(), person, hooks, suggestionIds);

  function holdings(person: PersonKeys, hooks: ErasureHooks): Holdings {
    const p = participant.get(person.id);
    const own = suggestions.all(person.named, person.anonymous, person.id);
    const ids = new Set(own.map((s) => s.id));
    const outbox = outboxOf(person, hooks, ids);
    return {
      participant: p ? toParticipant(p) : null,
      member: member.get(person.id) !== undefined,
      suggestions: own.map((s) => ({ ...toSuggestion(s), sealedSender: s.sealed_sender !== null })),
      votes: polls.all({ now: 0 }).flatMap((poll) => {
        const labels = JSON.parse(poll.options) as string[];
        return [person.voter(poll.id), person.named].flatMap((key) =>
          votesIn.all(key, poll.id).map((v) => ({
            pollId: poll.id,
            question: poll.question,
            anonymousPoll: poll.anonymous === 1,
            option: v.option,
            optionLabel: labels[v.option] ?? null,
            votedAt: new Date(v.voted_at),
          })),
        );
      }),
      activity: activity.all(person.activity, person.named).map((a) => ({ hour: new Date(a.hour * HOUR_MS), area: a.area, industry: a.industry, sizeBand: a.size_band })),
      replies: replies.all(person.id).map((r) => ({ id: r.id, suggestionId: r.suggestion_id, text: r.text, createdAt: new Date(r.created_at) })),
      answers: answers.all(person.id, JSON.stringify([...ids])).map((a) => ({ id: a.id, suggestionId: a.suggestion_id, text: a.text, createdAt: new Date(a.created_at) })),
      outbox: outbox.to.map((o) => ({ id: o.id, status: o.status, label: o.label, type: (JSON.parse(o.payload) as { type: string }).type, createdAt: new Date(o.created_at) })),
      digestsMentioning: outbox.digests.map((o) => o.id),
      platformState: hooks.state.flatMap((s) => {
        const row = stateRow.get(s.namespace, s.key);
        return row ? [{ ...s, updatedAt: new Date(row.updated_at) }] : [];
      }),
    };
  }

  const deleteVotes = db.prepare<[string, number], { option: number }>('DELETE FROM votes WHERE voter_key = ? AND poll_id = ? RETURNING option');
  const decrement = db.prepare<[number, number]>('UPDATE poll_tallies SET votes = votes - 1 WHERE poll_id = ? AND option = ?');
  const dropVoter = db.prepare<[number]>('UPDATE polls SET voters = voters - 1 WHERE id = ?');
  const deleteReplies = db.prepare<[string, string]>(
    'DELETE FROM replies WHERE member_id = ? OR suggestion_id IN (SELECT value FROM json_each(?))',
  );
  const deleteAnswers = db.prepare<[string, string]>(
    'DELETE FROM sender_answers WHERE member_id = ? OR suggestion_id IN (SELECT value FROM json_each(?))',
  );
  // What they did as a member stays on the record, by no one in particular (as a poll's creator does).
  const anonymiseModeration = db.prepare<[string]>("UPDATE moderation_log SET member_id = 'erased' WHERE member_id = ?");
  const deleteSuggestions = db.prepare<[string]>('DELETE FROM suggestions WHERE id IN (SELECT value FROM json_each(?))');
  const deleteActivity = db.prepare<[string, string]>('DELETE FROM activity WHERE person_key IN (?, ?)');
  const deleteParticipant = db.prepare<[string]>('DELETE FROM participants WHERE id = ?');
  const deleteMember = db.prepare<[string]>('DELETE FROM members WHERE id = ?');
  const anonymisePolls = db.prepare<[string]>("UPDATE polls SET creator_id = 'erased' WHERE creator_id = ?");
  const deleteOutbox = db.prepare<[number]>('DELETE FROM outbox WHERE id = ?');
  const rewritePayload = db.prepare<[string, number]>('UPDATE outbox SET payload = ? WHERE id = ?');
  const deleteDeliveries = db.prepare<[string]>("DELETE FROM processed_events WHERE key LIKE ? ESCAPE '\\'");
  const deleteState = db.prepare<[string, string]>('DELETE FROM platform_state WHERE namespace = ? AND key = ?');

  const forget = db.transaction((person: PersonKeys, hooks: ErasureHooks, now: number): Erasure => {
    const own = suggestions.all(person.named, person.anonymous, person.id);
    const ids = new Set(own.map((s) => s.id));
    const outbox = outboxOf(person, hooks, ids);
    let votes = 0;
    for (const poll of polls.all({ now })) {
      const removed = [person.voter(poll.id), person.named].flatMap((key) => deleteVotes.all(key, poll.id));
      votes += removed.length;
      // A closed poll keeps its result; only an open one gives the vote back.
      if (!poll.open || removed.length === 0) continue;
      for (const r of removed) decrement.run(poll.id, r.option);
      dropVoter.run(poll.id);
    }
    const idList = JSON.stringify([...ids]);
    const replies = deleteReplies.run(person.id, idList).changes;
    const answers = deleteAnswers.run(person.id, idList).changes;
    anonymiseModeration.run(person.id);
    deleteSuggestions.run(idList);
    const activity = deleteActivity.run(person.activity, person.named).changes;
    const wasParticipant = deleteParticipant.run(person.id).changes > 0;
    deleteMember.run(person.id);
    anonymisePolls.run(person.id);
    for (const o of outbox.to) deleteOutbox.run(o.id);
    for (const o of outbox.digests) {
      const payload = JSON.parse(o.payload) as { digest: unknown };
      const scrubbed = scrubDigest(payload.digest, ids);
      if (scrubbed === null) deleteOutbox.run(o.id);
      else rewritePayload.run(JSON.stringify({ ...payload, digest: scrubbed }), o.id);
    }
    deleteDeliveries.run(`${person.id.replace(/[\\%_]/g, '\\$&')}:%`);
    const platformState = hooks.state.reduce((n, s) => n + deleteState.run(s.namespace, s.key).changes, 0);
    return {
      participant: wasParticipant,
      suggestions: ids.size,
      votes,
      activity,
      replies,
      answers,
      outbox: outbox.to.length,
      digests: outbox.digests.length,
      platformState,
    };
  });

  const pruneSent = db.prepare<[number]>("DELETE FROM outbox WHERE status = 'sent' AND sent_at < ?");
  const pruneDigests = db.prepare<[number]>("DELETE FROM outbox WHERE status IN ('sent', 'dead') AND json_extract(payload, '$.type') = 'digest' AND created_at < ?");
  const pruneDead = db.prepare<[number]>("DELETE FROM outbox WHERE status = 'dead' AND created_at < ?");
  const pruneDeliveries = db.prepare<[number]>('DELETE FROM processed_events WHERE seen_at < ?');
  const pruneState = db.prepare<[string, number]>('DELETE FROM platform_state WHERE namespace = ? AND updated_at < ?');
  const unseal = db.prepare<[number]>('UPDATE suggestions SET sealed_sender = NULL WHERE sealed_sender IS NOT NULL AND created_at < ?');
  const prune = db.transaction((c: RetentionCutoffs): Pruned => ({
    outbox: pruneSent.run(c.sentBefore.getTime()).changes + pruneDigests.run(c.digestsBefore.getTime()).changes + pruneDead.run(c.deadBefore.getTime()).changes,
    deliveryRecords: pruneDeliveries.run(c.deliveryRecordsBefore.getTime()).changes,
    platformState: c.shortLivedNamespaces.reduce((n, ns) => n + pruneState.run(ns, c.deliveryRecordsBefore.getTime()).changes, 0),
    sealedSenders: unseal.run(c.sealedSendersBefore.getTime()).changes,
  }));

  /** Pages the deletions freed are zeroed (secure_delete); a truncating checkpoint leaves no copy in the WAL either. */
  const checkpoint = () => db.pragma('wal_checkpoint(TRUNCATE)');

  return {
    async forget(person, hooks, now) {
      const result = forget.immediate(person, hooks, now.getTime());
      checkpoint();
      return result;
    },
    holdings: async (person, hooks) => holdings(person, hooks),
    async prune(cutoffs) {
      const result = prune.immediate(cutoffs);
      checkpoint();
      return result;
    },
  };
}

/**
 * Moves records written before pseudonyms had separate purposes (anonymous suggestions, votes and
 * activity under the person's one key) to their own pseudonyms, in one transaction. Run when a
 * database first meets its key file; safe to run again.
 */
export function rekeyLegacyRecords(db: Database, keysOf: (id: string) => PersonKeys): { suggestions: number; votes: number; activity: number } {
  const participantIds = db.prepare<[], { id: string }>('SELECT id FROM participants');
  const rekeySuggestions = db.prepare<[string, string]>('UPDATE suggestions SET sender_key = ? WHERE sender_key = ? AND anonymous = 1');
  const votedPolls = db.prepare<[string], { poll_id: number }>('SELECT DISTINCT poll_id FROM votes WHERE voter_key = ?');
  const rekeyVotes = db.prepare<[string, string, number]>('UPDATE votes SET voter_key = ? WHERE voter_key = ? AND poll_id = ?');
  const rekeyActivity = db.prepare<[string, string]>('UPDATE activity SET person_key = ? WHERE person_key = ?');
  return db.transaction((keysOf: (id: string) => PersonKeys) => {
    const moved = { suggestions: 0, votes: 0, activity: 0 };
    for (const { id } of participantIds.all()) {
      const k = keysOf(id);
      moved.suggestions += rekeySuggestions.run(k.anonymous, k.named).changes;
      for (const { poll_id } of votedPolls.all(k.named)) moved.votes += rekeyVotes.run(k.voter(poll_id), k.named, poll_id).changes;
      moved.activity += rekeyActivity.run(k.activity, k.named).changes;
    }
    return moved;
  }).immediate(keysOf);
}

