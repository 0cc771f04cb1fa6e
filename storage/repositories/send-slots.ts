import type { Database } from 'better-sqlite3';
import type { SendSlotStore, SlotHold } from '../../src/ports/send-slots.ts';

interface Row {
  lane: string;
  starts_at: number;
  ends_at: number;
  count: number;
}

/**
 * The send slots in `send_slots`. A reservation is one immediate transaction (BEGIN IMMEDIATE takes
 * the write lock first, so two processes never plan on the same holds); holds that ended are deleted
 * on the way, so the table holds only the last few seconds of each lane.
 */
export function createSendSlotStore(db: Database): SendSlotStore {
  const drop = db.prepare<[string, number]>('DELETE FROM send_slots WHERE lane = ? AND ends_at <= ?');
  const held = db.prepare<[string, number], Row>('SELECT lane, starts_at, ends_at, count FROM send_slots WHERE lane = ? AND ends_at > ?');
  const insert = db.prepare<[string, number, number, number]>('INSERT INTO send_slots (lane, starts_at, ends_at, count) VALUES (?, ?, ?, ?)');
  const reserve = db.transaction(<T>(lanes: readonly string[], now: number, plan: (held: SlotHold[]) => { add: SlotHold[]; result: T }): T => {
    const holds: SlotHold[] = [];
    for (const lane of lanes) {
      drop.run(lane, now);
      for (const r of held.all(lane, now)) holds.push({ lane: r.lane, from: new Date(r.starts_at), until: new Date(r.ends_at), count: r.count });
    }
    const { add, result } = plan(holds);
    for (const h of add) insert.run(h.lane, h.from.getTime(), h.until.getTime(), h.count);
    return result;
  });
  return {
    reserve: async (lanes, now, plan) => reserve.immediate(lanes, now.getTime(), plan) as Awaited<ReturnType<typeof plan>['result']>,
  };
}
