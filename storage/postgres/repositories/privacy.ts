import type { Erasure, ErasureHooks, Holdings, PersonKeys, PrivacyStore } from '../../../src/ports/store.ts';
import { scrubDigest } from '../../../src/privacy/erasure.ts';
import { sortOutboxRows, type OutboxRow } from '../../repositories/privacy.ts';
import { HOUR_MS } from '../../repositories/activity.ts';
import { toParticipant, type Row as ParticipantRow } from '../../repositories/participants.ts';
import { toSuggestion, type SuggestionRow } from '../../repositories/suggestions.ts';
import type { Conn, Db } from '../pool.ts';

type PollRow = { id: number; question: string; options: string; anonymous: number; open: boolean };

const ownSuggestions = (c: Conn, person: PersonKeys) =>
  c.query<SuggestionRow>('SELECT * FROM suggestions WHERE sender_key IN ($1, $2) OR sender_id = $3 ORDER BY created_at, id', [person.named, person.anonymous, person.id]);

const pollsAt = (c: Conn, now: number) =>
  c.query<PollRow>('SELECT id, question, options, anonymous, closed_at IS NULL AND (closes_at IS NULL OR closes_at > $1) AS open FROM polls ORDER BY id', [now]);

const outboxOf = async (c: Conn, person: PersonKeys, hooks: ErasureHooks, suggestionIds: ReadonlySet<number>) =>
  sortOutboxRows(await c.query<OutboxRow>('SELECT id, workspace_id, recipient, payload, label, status, created_at FROM outbox ORDER BY id'), person, hooks, suggestionIds);

/**
 * Erasure, access requests and retention, finding a person's records by every key they can carry,
 * as SQLite's does. Erasure is one transaction. PostgreSQL has no `secure_delete` and no checkpoint
 * to force here: erased rows linger as dead tuples until autovacuum reuses their space, and in the
 * WAL until it is recycled (the README says so to operators).
 */
export function createPgPrivacyStore(db: Db): PrivacyStore {
  async function holdings(c: Conn, person: PersonKeys, hooks: ErasureHooks): Promise<Holdings> {
    const [p] = await c.query<ParticipantRow>('SELECT * FROM participants WHERE id = $1', [person.id]);
    const own = await ownSuggestions(c, person);
    const ids = new Set(own.map((s) => s.id));
    const outbox = await outboxOf(c, person, hooks, ids);
    const votes: Holdings['votes'] = [];
    for (const poll of await pollsAt(c, 0)) {
      const labels = JSON.parse(poll.options) as string[];
      for (const key of [person.voter(poll.id), person.named]) {
        for (const v of await c.query<{ option: number; voted_at: number }>('SELECT option, voted_at FROM votes WHERE voter_key = $1 AND poll_id = $2', [key, poll.id])) {
          votes.push({ pollId: poll.id, question: poll.question, anonymousPoll: poll.anonymous === 1, option: v.option, optionLabel: labels[v.option] ?? null, votedAt: new Date(v.voted_at) });
        }
      }
    }
    const activity = await c.query<{ hour: number; area: string | null; industry: string | null; size_band: string | null }>(
      'SELECT hour, area, industry, size_band FROM activity WHERE person_key IN ($1, $2) ORDER BY hour',
      [person.activity, person.named],
    );
    const replies = await c.query<{ id: number; suggestion_id: number | null; text: string; created_at: number }>(
      'SELECT id, suggestion_id, text, created_at FROM replies WHERE member_id = $1 ORDER BY id',
      [person.id],
    );
    // A sender's answers on their suggestions, and answers sent to them as a member.
    const answers = await c.query<{ id: number; suggestion_id: number; text: string; created_at: number }>(
      'SELECT id, suggestion_id, text, created_at FROM sender_answers WHERE member_id = $1 OR suggestion_id = ANY($2::bigint[]) ORDER BY id',
      [person.id, [...ids]],
    );
    const platformState: Holdings['platformState'] = [];
    for (const s of hooks.state) {
      const [row] = await c.query<{ updated_at: number }>('SELECT updated_at FROM platform_state WHERE namespace = $1 AND key = $2', [s.namespace, s.key]);
      if (row) platformState.push({ ...s, updatedAt: new Date(row.updated_at) });
    }
    return {
      participant: p ? toParticipant(p) : null,
      member: (await c.query('SELECT 1 FROM members WHERE id = $1', [person.id])).length > 0,
      suggestions: own.map((s) => ({ ...toSuggestion(s), sealedSender: s.sealed_sender !== null })),
      votes,
      activity: activity.map((a) => ({ hour: new Date(a.hour * HOUR_MS), area: a.area, industry: a.industry, sizeBand: a.size_band })),
      replies: replies.map((r) => ({ id: r.id, suggestionId: r.suggestion_id, text: r.text, createdAt: new Date(r.created_at) })),
      answers: answers.map((a) => ({ id: a.id, suggestionId: a.suggestion_id, text: a.text, createdAt: new Date(a.created_at) })),
      outbox: outbox.to.map((o) => ({ id: o.id, status: o.status, label: o.label, type: (JSON.parse(o.payload) as { type: string }).type, createdAt: new Date(o.created_at) })),
      digestsMentioning: outbox.digests.map((o) => o.id),
      platformState,
    };
  }

  async function forget(c: Conn, person: PersonKeys, hooks: ErasureHooks, now: number): Promise<Erasure> {
    const own = await ownSuggestions(c, person);
    const ids = new Set(own.map((s) => s.id));
    const idList = [...ids];
    const outbox = await outboxOf(c, person, hooks, ids);
    let votes = 0;
    for (const poll of await pollsAt(c, now)) {
      const removed: { option: number }[] = [];
      for (const key of [person.voter(poll.id), person.named]) {
        removed.push(...(await c.query<{ option: number }>('DELETE FROM votes WHERE voter_key = $1 AND poll_id = $2 RETURNING option', [key, poll.id])));
      }
      votes += removed.length;
      // A closed poll keeps its result; only an open one gives the vote back.
      if (!poll.open || removed.length === 0) continue;
      for (const r of removed) await c.run('UPDATE poll_tallies SET votes = votes - 1 WHERE poll_id = $1 AND option = $2', [poll.id, r.option]);
      await c.run('UPDATE polls SET voters = voters - 1 WHERE id = $1', [poll.id]);
    }
    const replies = await c.run('DELETE FROM replies WHERE member_id = $1 OR suggestion_id = ANY($2::bigint[])', [person.id, idList]);
    const answers = await c.run('DELETE FROM sender_answers WHERE member_id = $1 OR suggestion_id = ANY($2::bigint[])', [person.id, idList]);
    // What they did as a member stays on the record, by no one in particular (as a poll's creator does).
    await c.run("UPDATE moderation_log SET member_id = 'erased' WHERE member_id = $1", [person.id]);
    await c.run('DELETE FROM suggestions WHERE id = ANY($1::bigint[])', [idList]);
    const activity = await c.run('DELETE FROM activity WHERE person_key IN ($1, $2)', [person.activity, person.named]);
    const wasParticipant = (await c.run('DELETE FROM participants WHERE id = $1', [person.id])) > 0;
    await c.run('DELETE FROM members WHERE id = $1', [person.id]);
    await c.run("UPDATE polls SET creator_id = 'erased' WHERE creator_id = $1", [person.id]);
    for (const o of outbox.to) await c.run('DELETE FROM outbox WHERE id = $1', [o.id]);
    for (const o of outbox.digests) {
      const payload = JSON.parse(o.payload) as { digest: unknown };
      const scrubbed = scrubDigest(payload.digest, ids);
      if (scrubbed === null) await c.run('DELETE FROM outbox WHERE id = $1', [o.id]);
      else await c.run('UPDATE outbox SET payload = $1 WHERE id = $2', [JSON.stringify({ ...payload, digest: scrubbed }), o.id]);
    }
    await c.run("DELETE FROM processed_events WHERE key LIKE $1 ESCAPE '\\'", [`${person.id.replace(/[\\%_]/g, '\\$&')}:%`]);
    let platformState = 0;
    for (const s of hooks.state) platformState += await c.run('DELETE FROM platform_state WHERE namespace = $1 AND key = $2', [s.namespace, s.key]);
    return { participant: wasParticipant, suggestions: ids.size, votes, activity, replies, answers, outbox: outbox.to.length, digests: outbox.digests.length, platformState };
  }

  return {
    forget: (person, hooks, now) => db.tx((c) => forget(c, person, hooks, now.getTime())),
    holdings: (person, hooks) => holdings(db, person, hooks),
    prune: (cut) =>
      db.tx(async (c) => ({
        outbox:
          (await c.run("DELETE FROM outbox WHERE status = 'sent' AND sent_at < $1", [cut.sentBefore.getTime()])) +
          (await c.run("DELETE FROM outbox WHERE status IN ('sent', 'dead') AND payload::jsonb ->> 'type' = 'digest' AND created_at < $1", [cut.digestsBefore.getTime()])) +
          (await c.run("DELETE FROM outbox WHERE status = 'dead' AND created_at < $1", [cut.deadBefore.getTime()])),
        deliveryRecords: await c.run('DELETE FROM processed_events WHERE seen_at < $1', [cut.deliveryRecordsBefore.getTime()]),
        platformState: await c.run('DELETE FROM platform_state WHERE namespace = ANY($1::text[]) AND updated_at < $2', [[...cut.shortLivedNamespaces], cut.deliveryRecordsBefore.getTime()]),
        sealedSenders: await c.run('UPDATE suggestions SET sealed_sender = NULL WHERE sealed_sender IS NOT NULL AND created_at < $1', [cut.sealedSendersBefore.getTime()]),
      })),
  };
}
