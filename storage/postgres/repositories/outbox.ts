import type { DigestRunStore, NewOutboxMessage, OutboxStore, SentRef } from '../../../src/ports/outbox.ts';
import { fromMs } from '../../repositories/rows.ts';
import { toRecord, toRun, toSentRef, type RefRow, type Row, type RunRow } from '../../repositories/outbox.ts';
import type { Conn, Db } from '../pool.ts';

/** Queues messages (skipping keys already queued, on the unique key) inside the caller's transaction; returns their ids. */
export async function enqueue(c: Conn, messages: NewOutboxMessage[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (const m of messages) {
    const [row] = await c.query<{ id: number }>(
      `INSERT INTO outbox (platform, workspace_id, recipient, payload, dedupe_key, label, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $7)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [m.platform, m.workspaceId, JSON.stringify(m.recipient), JSON.stringify(m.payload), m.dedupeKey, m.label, now.getTime()],
    );
    if (row) ids.push(row.id);
  }
  return ids;
}

/** The unit of work's `outbox.sentRefs`, on the caller's transaction. */
export async function sentRefsOf(c: Conn, pollId: number): Promise<SentRef[]> {
  const rows = await c.query<RefRow>(
    `SELECT platform, workspace_id, recipient, platform_ref FROM outbox
     WHERE status = 'sent' AND platform_ref IS NOT NULL AND platform_ref NOT LIKE 'skipped:%'
       AND payload::jsonb ->> 'type' IN ('poll', 'poll_reminder') AND (payload::jsonb ->> 'pollId')::bigint = $1 ORDER BY id`,
    [pollId],
  );
  return rows.map(toSentRef);
}

/**
 * Holds the transaction's lock on a dedupe key, so "already queued?" and the insert after it are
 * one step across replicas (as SQLite's write lock makes them). Released at commit.
 */
const lockKey = (c: Conn, key: string) => c.query("SELECT pg_advisory_xact_lock(hashtextextended('outbox:' || $1, 0))", [key]);

/**
 * Keeps a record and queues its message once, inside the caller's transaction: a double click or a
 * redelivered submission (on any replica) finds the earlier message and writes nothing new.
 */
export async function recordAndQueueOnce(c: Conn, message: NewOutboxMessage, now: Date, record: () => Promise<unknown>): Promise<number> {
  await lockKey(c, message.dedupeKey);
  const [earlier] = await c.query<{ id: number }>('SELECT id FROM outbox WHERE dedupe_key = $1', [message.dedupeKey]);
  if (earlier) return earlier.id;
  await record();
  return (await enqueue(c, [message], now))[0]!;
}

export function createPgOutboxStore(db: Db): OutboxStore {
  const byId = async (id: number) => (await db.query<Row>('SELECT * FROM outbox WHERE id = $1', [id]))[0];
  return {
    due: async (now, limit) =>
      (await db.query<Row>("SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2", [now.getTime(), limit])).map(
        toRecord,
      ),
    async nextDue() {
      const [row] = await db.query<{ at: number | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending'");
      return fromMs(row?.at ?? null);
    },
    // SKIP LOCKED: a replica never waits on a row another is claiming; it just does not get it.
    claim: async (id, owner, _now, leaseUntil) =>
      (await db.run(
        `UPDATE outbox SET status = 'sending', claimed_by = $1, claimed_until = $2, attempts = attempts + 1
         WHERE id = (SELECT id FROM outbox WHERE id = $3 AND status = 'pending' FOR UPDATE SKIP LOCKED)`,
        [owner, leaseUntil.getTime(), id],
      )) === 1,
    async recordSent(m, platformRef, now) {
      await db.run(
        `INSERT INTO outbox (platform, workspace_id, recipient, payload, dedupe_key, label, status, next_attempt_at, platform_ref, created_at, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'sent', $7, $8, $7, $7)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [m.platform, m.workspaceId, JSON.stringify(m.recipient), JSON.stringify(m.payload), m.dedupeKey, m.label, now.getTime(), platformRef],
      );
    },
    async markSent(id, now, ref) {
      // A sealed recipient is dropped once sent, with the message's reference (which names the chat).
      await db.run(
        `UPDATE outbox SET status = 'sent', sent_at = $1, claimed_by = NULL, claimed_until = NULL, last_error = NULL,
           platform_ref = CASE WHEN recipient::jsonb ->> 'kind' = 'sealed' THEN NULL ELSE $2 END,
           recipient = CASE WHEN recipient::jsonb ->> 'kind' = 'sealed' THEN '{"kind":"sealed","sealed":null}' ELSE recipient END
         WHERE id = $3`,
        [now.getTime(), ref, id],
      );
    },
    async reschedule(id, at, error, countAttempt) {
      await db.run(
        "UPDATE outbox SET status = 'pending', next_attempt_at = $1, last_error = $2, attempts = attempts - $3, claimed_by = NULL, claimed_until = NULL WHERE id = $4",
        [at.getTime(), error.slice(0, 500), countAttempt ? 0 : 1, id],
      );
    },
    async recordPartsSent(id, sent) {
      await db.run('UPDATE outbox SET parts_sent = GREATEST(parts_sent, $1) WHERE id = $2', [sent, id]);
    },
    async markDead(id, error) {
      await db.run("UPDATE outbox SET status = 'dead', last_error = $1, claimed_by = NULL, claimed_until = NULL WHERE id = $2", [error.slice(0, 500), id]);
    },
    async recoverInterrupted(now, ownerIsGone) {
      const sending = await db.query<{ id: number; claimed_by: string | null; claimed_until: number | null }>(
        "SELECT id, claimed_by, claimed_until FROM outbox WHERE status = 'sending'",
      );
      const recovered = [];
      for (const m of sending.filter((m) => (m.claimed_until ?? 0) < now.getTime() || (m.claimed_by !== null && ownerIsGone(m.claimed_by)))) {
        const rows = await db.query<Row>(
          `UPDATE outbox SET status = 'dead', claimed_by = NULL, claimed_until = NULL,
             last_error = 'interrupted while sending: it may have arrived, so it is not sent again automatically (innspill outbox retry ' || id || ' to send it anyway)'
           WHERE id = $1 AND status = 'sending' AND claimed_by IS NOT DISTINCT FROM $2 AND claimed_until IS NOT DISTINCT FROM $3 RETURNING *`,
          // Only the claim that was read: one taken afresh by another replica in between is not this one to void.
          [m.id, m.claimed_by, m.claimed_until],
        );
        recovered.push(...rows.map(toRecord));
      }
      return recovered;
    },
    list: async (statuses, limit) => (await db.query<Row>('SELECT * FROM outbox WHERE status = ANY($1::text[]) ORDER BY id LIMIT $2', [statuses, limit])).map(toRecord),
    async get(id) {
      const row = await byId(id);
      return row ? toRecord(row) : null;
    },
    async getMany(ids) {
      const rows = await db.query<Row>('SELECT * FROM outbox WHERE id = ANY($1::bigint[])', [ids]);
      const found = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => (found.has(id) ? [toRecord(found.get(id)!)] : []));
    },
    retry: async (id, now) =>
      (await db.run("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1, last_error = NULL WHERE id = $2 AND status = 'dead'", [now.getTime(), id])) ===
      1,
  };
}

/** One run per slot on the unique key: of replicas claiming the same slot, one queues the digest. */
export function createPgDigestRunStore(db: Db): DigestRunStore {
  return {
    async latest() {
      const [row] = await db.query<RunRow>('SELECT * FROM digest_runs ORDER BY period_end DESC, id DESC LIMIT 1');
      return row ? toRun(row) : null;
    },
    record: (run, messages, now) =>
      db.tx(async (c) => {
        // One process at a time decides, so two that built the same period cannot both find it uncovered.
        await c.query('LOCK TABLE digest_runs IN SHARE ROW EXCLUSIVE MODE');
        // Built on a view another process has since moved past: its period is (partly) sent already.
        if ((await c.query('SELECT 1 FROM digest_runs WHERE period_end > $1 LIMIT 1', [run.periodStart.getTime()])).length) return null;
        const [row] = await c.query<RunRow>(
          `INSERT INTO digest_runs (slot, period_start, period_end, manual, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (slot) DO NOTHING RETURNING *`,
          [run.slot.getTime(), run.periodStart.getTime(), run.periodEnd.getTime(), run.manual ? 1 : 0, now.getTime()],
        );
        if (!row) return null;
        const saved = toRun(row);
        return { run: saved, messageIds: await enqueue(c, messages.map((m) => ({ ...m, dedupeKey: `digest:${saved.id}:${m.dedupeKey}` })), now) };
      }),
  };
}
