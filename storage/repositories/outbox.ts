import type { Database, Statement } from 'better-sqlite3';
import type { DigestRunStore, NewOutboxMessage, OutboxRecord, OutboxStatus, OutboxStore, SentRef } from '../../src/ports/outbox.ts';
import { fromMs } from './rows.ts';

export interface Row {
  id: number;
  platform: 'slack' | 'teams';
  workspace_id: string;
  recipient: string;
  payload: string;
  dedupe_key: string;
  label: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
  parts_sent: number;
}

export function toRecord(row: Row): OutboxRecord {
  return {
    id: row.id,
    platform: row.platform,
    workspaceId: row.workspace_id,
    recipient: JSON.parse(row.recipient) as OutboxRecord['recipient'],
    payload: JSON.parse(row.payload) as OutboxRecord['payload'],
    dedupeKey: row.dedupe_key,
    label: row.label,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    sentAt: fromMs(row.sent_at),
    partsSent: row.parts_sent,
  };
}

/** Queues messages (skipping keys already queued) inside the caller's transaction; returns their ids. */
export function outboxInserter(db: Database): (messages: NewOutboxMessage[], now: Date) => number[] {
  const insert: Statement = db.prepare(
    `INSERT INTO outbox (platform, workspace_id, recipient, payload, dedupe_key, label, status, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
  );
  return (messages, now) =>
    messages.flatMap((m) => {
      const row = insert.get(m.platform, m.workspaceId, JSON.stringify(m.recipient), JSON.stringify(m.payload), m.dedupeKey, m.label, now.getTime(), now.getTime()) as
        | { id: number }
        | undefined;
      return row ? [row.id] : [];
    });
}

/** The unit of work's `outbox.sentRefs`, run at the call, on the caller's transaction. */
export function sentRefsReader(db: Database): (pollId: number) => SentRef[] {
  const sentRefs = db.prepare<[number], RefRow>(
    `SELECT platform, workspace_id, recipient, platform_ref FROM outbox
     WHERE status = 'sent' AND platform_ref IS NOT NULL AND platform_ref NOT LIKE 'skipped:%'
       AND json_extract(payload, '$.type') IN ('poll', 'poll_reminder') AND json_extract(payload, '$.pollId') = ? ORDER BY id`,
  );
  return (pollId) => sentRefs.all(pollId).map(toSentRef);
}

export function createOutboxStore(db: Database): OutboxStore {
  const due = db.prepare<[number, number], Row>(
    "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
  );
  const nextDue = db.prepare<[], { at: number | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending'");
  const claim = db.prepare<[string, number, number]>(
    "UPDATE outbox SET status = 'sending', claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE id = ? AND status = 'pending'",
  );
  const sent = db.prepare<{ at: number; ref: string | null; id: number }>(
    // A sealed recipient (a reply to an anonymous sender) is dropped once sent: the row keeps no recipient.
    // (nor the message's reference, which names the chat it went to).
    `UPDATE outbox SET status = 'sent', sent_at = @at, claimed_by = NULL, claimed_until = NULL, last_error = NULL,
       platform_ref = CASE WHEN json_extract(recipient, '$.kind') = 'sealed' THEN NULL ELSE @ref END,
       recipient = CASE WHEN json_extract(recipient, '$.kind') = 'sealed' THEN '{"kind":"sealed","sealed":null}' ELSE recipient END
     WHERE id = @id`,
  );
  const reschedule = db.prepare<[number, string, number, number]>(
    "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, attempts = attempts - ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?",
  );
  const dead = db.prepare<[string, number]>("UPDATE outbox SET status = 'dead', last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?");
  const sending = db.prepare<[], { id: number; claimed_by: string | null; claimed_until: number | null }>(
    "SELECT id, claimed_by, claimed_until FROM outbox WHERE status = 'sending'",
  );
  // Only the claim that was read: a message sent, put back and claimed afresh by another process
  // in between has a new claim, which is not this one to void.
  const interrupted = db.prepare<{ id: number; by: string | null; until: number | null }, Row>(
    `UPDATE outbox SET status = 'dead', claimed_by = NULL, claimed_until = NULL,
       last_error = 'interrupted while sending: it may have arrived, so it is not sent again automatically (innspill outbox retry ' || id || ' to send it anyway)'
     WHERE id = @id AND status = 'sending' AND claimed_by IS @by AND claimed_until IS @until RETURNING *`,
  );
  const byId = db.prepare<[number], Row>('SELECT * FROM outbox WHERE id = ?');
  const partsSent = db.prepare<[number, number]>('UPDATE outbox SET parts_sent = max(parts_sent, ?) WHERE id = ?');
  const retry = db.prepare<[number, number]>(
    "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL WHERE id = ? AND status = 'dead'",
  );
  const keepSent = db.prepare(
    `INSERT INTO outbox (platform, workspace_id, recipient, payload, dedupe_key, label, status, next_attempt_at, platform_ref, created_at, sent_at)
     VALUES (?, ?, ?, ?, ?, ?, 'sent', ?, ?, ?, ?)
     ON CONFLICT (dedupe_key) DO NOTHING`,
  );

  return {
    due: async (now, limit) => due.all(now.getTime(), limit).map(toRecord),
    async nextDue() {
      return fromMs(nextDue.get()!.at);
    },
    claim: async (id, owner, _now, leaseUntil) => claim.run(owner, leaseUntil.getTime(), id).changes === 1,
    markSent: async (id, now, ref) => void sent.run({ at: now.getTime(), ref, id }),
    reschedule: async (id, at, error, countAttempt) => void reschedule.run(at.getTime(), error.slice(0, 500), countAttempt ? 0 : 1, id),
    markDead: async (id, error) => void dead.run(error.slice(0, 500), id),
    recordPartsSent: async (id, sent) => void partsSent.run(sent, id),
    recoverInterrupted: async (now, ownerIsGone) =>
      sending
        .all()
        .filter((m) => (m.claimed_until ?? 0) < now.getTime() || (m.claimed_by !== null && ownerIsGone(m.claimed_by)))
        .flatMap((m) => interrupted.all({ id: m.id, by: m.claimed_by, until: m.claimed_until }).map(toRecord)),
    async list(statuses, limit) {
      const marks = statuses.map(() => '?').join(', ');
      return (db.prepare(`SELECT * FROM outbox WHERE status IN (${marks}) ORDER BY id LIMIT ?`).all(...statuses, limit) as Row[]).map(toRecord);
    },
    async get(id) {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    async getMany(ids) {
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toRecord(row)] : [];
      });
    },
    retry: async (id, now) => retry.run(now.getTime(), id).changes === 1,
    async recordSent(m, platformRef, now) {
      const at = now.getTime();
      keepSent.run(m.platform, m.workspaceId, JSON.stringify(m.recipient), JSON.stringify(m.payload), m.dedupeKey, m.label, at, platformRef, at, at);
    },
  };
}

export interface RefRow {
  platform: 'slack' | 'teams';
  workspace_id: string;
  recipient: string;
  platform_ref: string;
}

export const toSentRef = (row: RefRow): SentRef => ({
  platform: row.platform,
  workspaceId: row.workspace_id,
  recipient: JSON.parse(row.recipient) as SentRef['recipient'],
  platformRef: row.platform_ref,
});

export interface RunRow {
  id: number;
  slot: number;
  period_start: number;
  period_end: number;
  manual: number;
}

export const toRun = (r: RunRow) => ({ id: r.id, slot: new Date(r.slot), periodStart: new Date(r.period_start), periodEnd: new Date(r.period_end), manual: r.manual === 1 });

export function createDigestRunStore(db: Database): DigestRunStore {
  const latest = db.prepare<[], RunRow>('SELECT * FROM digest_runs ORDER BY period_end DESC, id DESC LIMIT 1');
  const insert = db.prepare<[number, number, number, number, number], RunRow>(
    `INSERT INTO digest_runs (slot, period_start, period_end, manual, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (slot) DO NOTHING RETURNING *`,
  );
  const covered = db.prepare<[number], { one: number }>('SELECT 1 AS one FROM digest_runs WHERE period_end > ? LIMIT 1');
  const enqueue = outboxInserter(db);
  const record = db.transaction((run: Parameters<DigestRunStore['record']>[0], messages: NewOutboxMessage[], now: Date) => {
    // Built on a view another process has since moved past: its period is (partly) sent already.
    if (covered.get(run.periodStart.getTime())) return null;
    const row = insert.get(run.slot.getTime(), run.periodStart.getTime(), run.periodEnd.getTime(), run.manual ? 1 : 0, now.getTime());
    if (!row) return null;
    const saved = toRun(row);
    return { run: saved, messageIds: enqueue(messages.map((m) => ({ ...m, dedupeKey: `digest:${saved.id}:${m.dedupeKey}` })), now) };
  });
  return {
    async latest() {
      const row = latest.get();
      return row ? toRun(row) : null;
    },
    record: async (run, messages, now) => record.immediate(run, messages, now),
  };
}
