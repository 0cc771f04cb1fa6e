import type { SendSlotStore, SlotHold } from '../ports/send-slots.ts';
import { ARRIVAL_MARGIN, type RateKey } from './rate-limit.ts';

/**
 * A grant's calls must start within this share of its shortest window after the grant begins: the
 * holds in the database can then count them as if all were made at once, wherever they fall.
 */
export const GRANT_SPAN = 0.1;

interface Lane {
  id: string;
  limit: number;
  /** How long one call counts against the lane: the window and its arrival margin. */
  countsMs: number;
}

/** One lane per key and published rule: Teams' 7/1 s and 8/2 s on one conversation are two lanes. */
export function lanesOf(keys: readonly RateKey[]): Lane[] {
  return keys.flatMap(({ key, rules }) => rules.map(({ limit, windowMs }) => ({ id: `${key}|${limit}/${windowMs}`, limit, countsMs: windowMs * (1 + ARRIVAL_MARGIN) })));
}

const spanOf = (keys: readonly RateKey[]) => Math.min(...keys.flatMap((k) => k.rules.map((r) => r.windowMs))) * GRANT_SPAN;

/** The most calls the holds on a lane take up at any moment of [from, to). */
function peak(held: readonly SlotHold[], lane: string, from: number, to: number): number {
  const over = held.filter((h) => h.lane === lane && h.from.getTime() < to && h.until.getTime() > from);
  const moments = [from, ...over.map((h) => h.from.getTime()).filter((t) => t > from)];
  return Math.max(0, ...moments.map((m) => over.filter((h) => h.from.getTime() <= m && h.until.getTime() > m).reduce((sum, h) => sum + h.count, 0)));
}

export interface Grant {
  /** The calls may start from here… */
  from: number;
  /** …until here (exclusive). */
  useBy: number;
  count: number;
}

/**
 * The earliest grant of up to `wanted` calls (at least one) on every lane at once, no earlier than
 * `now`, with the holds that record it. A grant takes up its lanes from its start to the end of its
 * span plus the window, so calls started anywhere within the span stay inside every limit, whichever
 * process holds the grants around it. Capacity frees only where a hold ends, so those are the only
 * moments worth trying after `now`.
 */
export function planGrant(held: readonly SlotHold[], keys: readonly RateKey[], wanted: number, now: number): { grant: Grant; add: SlotHold[] } {
  const lanes = lanesOf(keys);
  const span = spanOf(keys);
  const moments = [now, ...held.map((h) => h.until.getTime()).filter((t) => t > now)].sort((a, b) => a - b);
  for (const at of moments) {
    const free = Math.min(...lanes.map((l) => l.limit - peak(held, l.id, at, at + span + l.countsMs)));
    if (free < 1) continue;
    const count = Math.min(wanted, free);
    return {
      grant: { from: at, useBy: at + span, count },
      add: lanes.map((l) => ({ lane: l.id, from: new Date(at), until: new Date(at + span + l.countsMs), count })),
    };
  }
  // Past the last hold's end every lane is free; the loop reaches it unless a limit is below one.
  throw new Error(`no send slot can be planned on ${lanes.map((l) => l.id).join(', ')}`);
}

/**
 * A process's side of the shared windows: it reserves slots in the database a few at a time (as
 * many as it has messages due, up to a lane's limit) and spends them from memory, so a single
 * process writes once per batch, not once per message, and N processes together keep every limit.
 */
export class SharedWindows {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly store: SendSlotStore) {}

  /** Takes one slot for a call now; else returns when to ask again (after `now`). */
  async take(keys: readonly RateKey[], wanted: number, now: number): Promise<number | 'taken'> {
    const id = keys.map((k) => k.key).join(' ');
    let grant = this.grants.get(id);
    if (!grant || grant.count < 1 || now >= grant.useBy) {
      grant = await this.store.reserve(lanesOf(keys).map((l) => l.id), new Date(now), (held) => {
        const { grant: planned, add } = planGrant(held, keys, Math.max(1, wanted), now);
        return { add, result: planned };
      });
      this.grants.set(id, grant);
    }
    if (now < grant.from) return grant.from;
    grant.count -= 1;
    return 'taken';
  }

  /** A slot taken for a message another process claimed first goes back to the grant it came from. */
  giveBack(keys: readonly RateKey[]): void {
    const grant = this.grants.get(keys.map((k) => k.key).join(' '));
    if (grant) grant.count += 1;
  }

  /**
   * Records calls already made, or a pause the platform asked for, whatever the lanes hold: `count`
   * calls (a digest's later parts) from `now`, or every lane full until `until` (a 429's Retry-After).
   */
  async occupy(keys: readonly RateKey[], now: number, use: { calls: number } | { until: number }): Promise<void> {
    if ('until' in use) this.grants.delete(keys.map((k) => k.key).join(' '));
    const add = lanesOf(keys).map((l) =>
      'until' in use
        ? { lane: l.id, from: new Date(now), until: new Date(use.until), count: l.limit }
        : { lane: l.id, from: new Date(now), until: new Date(now + l.countsMs), count: use.calls },
    );
    await this.store.reserve(add.map((h) => h.lane), new Date(now), () => ({ add, result: undefined }));
  }
}

/** The holds of one process alone: the shared windows when no database shares them (tests, one-off runs). */
export function memorySendSlots(): SendSlotStore {
  let holds: SlotHold[] = [];
  return {
    async reserve(lanes, now, plan) {
      holds = holds.filter((h) => h.until.getTime() > now.getTime());
      const { add, result } = plan(holds.filter((h) => lanes.includes(h.lane)));
      holds.push(...add);
      return result;
    },
  };
}
