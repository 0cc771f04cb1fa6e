import type { SendSlotStore, SlotHold } from '../../../src/ports/send-slots.ts';
import type { Db } from '../pool.ts';

interface Row {
  lane: string;
  starts_at: number;
  ends_at: number;
  count: number;
}

/**
 * The send slots in `send_slots`. A reservation is one transaction that first takes a
 * transaction-scoped advisory lock per lane, in sorted order (so two reservations sharing lanes
 * cannot deadlock): replicas planning on the same lane queue on it, and one never plans on holds
 * another is about to add. Holds that ended are deleted on the way.
 */
export function createPgSendSlotStore(db: Db): SendSlotStore {
  return {
    reserve: (lanes, now, plan) =>
      db.tx(async (c) => {
        const at = now.getTime();
        for (const lane of [...new Set(lanes)].sort()) await c.query("SELECT pg_advisory_xact_lock(hashtext('send_slots'), hashtext($1))", [lane]);
        const holds: SlotHold[] = [];
        for (const lane of lanes) {
          await c.run('DELETE FROM send_slots WHERE lane = $1 AND ends_at <= $2', [lane, at]);
          const rows = await c.query<Row>('SELECT lane, starts_at, ends_at, count FROM send_slots WHERE lane = $1 AND ends_at > $2', [lane, at]);
          for (const r of rows) holds.push({ lane: r.lane, from: new Date(r.starts_at), until: new Date(r.ends_at), count: r.count });
        }
        const { add, result } = plan(holds);
        for (const h of add) await c.run('INSERT INTO send_slots (lane, starts_at, ends_at, count) VALUES ($1, $2, $3, $4)', [h.lane, h.from.getTime(), h.until.getTime(), h.count]);
        return result;
      }),
  };
}
