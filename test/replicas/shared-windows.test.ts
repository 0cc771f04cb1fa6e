import { describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker } from '../../src/outbox/worker.ts';
import { ARRIVAL_MARGIN } from '../../src/outbox/rate-limit.ts';
import { GRANT_SPAN, planGrant } from '../../src/outbox/shared-windows.ts';
import type { OutboundMessage, SendResult } from '../../src/ports/delivery.ts';
import type { SendSlotStore } from '../../src/ports/send-slots.ts';
import { fakeClock } from '../helpers/core.ts';
import { contract, type TestDatabase } from '../contract/stores.ts';

const silent = { info: () => {}, warn: () => {} };
const WINDOW = 1000 * (1 + ARRIVAL_MARGIN);

/** Most calls inside any window of `ms` starting at a call. */
const busiest = (times: number[], ms: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

/**
 * Two "processes": two connections to one database (two pools on PostgreSQL), each with its own outbox worker, on one
 * fake clock. They are pumped in turn until the outbox is empty, the clock jumping to the next
 * moment either could act.
 */
async function twoWorkers(db: TestDatabase, answer: (m: OutboundMessage, owner: string) => SendResult = () => ({ ok: true })) {
  const stores = [await db.open(), await db.open()];
  const clock = fakeClock('2026-11-23T07:00:00Z');
  const start = clock().getTime();
  const calls: { at: number; id: number; owner: string; workspaceId: string }[] = [];
  const reserves = [0, 0];
  const workers: OutboxWorker[] = stores.map((store, i) => {
    const owner = `replica-${i}`;
    const slots: SendSlotStore = {
      reserve: (lanes, now, plan) => {
        reserves[i]! += 1;
        return store.sendSlots.reserve(lanes, now, plan);
      },
    };
    return createOutboxWorker({
      store: store.outbox,
      slots,
      senders: [{ platform: 'slack', deliver: async (m) => (calls.push({ at: clock().getTime() - start, id: m.id, owner, workspaceId: m.workspaceId }), answer(m, owner)) }],
      clock,
      owner,
      log: silent,
      random: () => 0.5,
    });
  });
  let queued = 0;
  const enqueue = async (count: number, workspaceId = 'T1') => {
    for (let i = 0; i < count; i += 1, queued += 1) {
      await db.sql(
        "INSERT INTO outbox (platform, workspace_id, recipient, payload, dedupe_key, label, status, next_attempt_at, created_at) VALUES ('slack', ?, ?, '{\"type\":\"poll\",\"pollId\":1}', ?, 'x', 'pending', ?, ?)",
        workspaceId,
        JSON.stringify({ kind: 'user', userId: `U${queued}` }),
        `key:${queued}`,
        clock().getTime(),
        clock().getTime(),
      );
    }
  };
  async function drain() {
    for (let step = 0; step < 10_000; step += 1) {
      const next = await Promise.all(workers.map((w) => w.pump()));
      await Promise.all(workers.map((w) => w.settled()));
      const pending = await stores[0]!.outbox.nextDue();
      if (pending === null) return;
      const times = [...next.filter((t): t is number => t !== null), pending.getTime()].filter((t) => t > clock().getTime());
      clock.set(new Date(times.length ? Math.min(...times) : clock().getTime() + 1));
    }
    throw new Error('did not drain');
  }
  return { stores, clock, calls, reserves, workers, enqueue, drain, close: () => Promise.all(stores.map((s) => s.close())) };
}

contract('rate-limit windows shared through the database', (fresh) => {
  it('keeps one workspace under its limit with two processes sending, each message once', async () => {
    const t = await twoWorkers(fresh());
    await t.enqueue(60);
    await t.drain();
    expect(t.calls).toHaveLength(60);
    expect(new Set(t.calls.map((c) => c.id)).size).toBe(60);
    // Both took part, and together they never went past ten calls in any (margined) second.
    expect(new Set(t.calls.map((c) => c.owner)).size).toBe(2);
    expect(busiest(t.calls.map((c) => c.at), WINDOW)).toBeLessThanOrEqual(10);
    await t.close();
  });

  it('reserves slots in batches, not one write per message', async () => {
    const t = await twoWorkers(fresh());
    await t.enqueue(50);
    await t.drain();
    expect(t.calls).toHaveLength(50);
    // Fifty messages at ten a grant: a handful of reservations between the two, not fifty.
    expect(t.reserves[0]! + t.reserves[1]!).toBeLessThanOrEqual(12);
    await t.close();
  });

  it('pauses every process when one is told to wait (429 Retry-After)', async () => {
    let limited = true;
    const t = await twoWorkers(fresh(), () => {
      if (!limited) return { ok: true };
      limited = false;
      return { ok: false, retryable: true, retryAfterMs: 30_000, error: 'ratelimited' };
    });
    await t.enqueue(1);
    await t.workers[0]!.pump();
    await t.workers[0]!.settled();
    // The first call was answered 429; nothing in the workspace goes, from either process, until Retry-After has passed.
    // More than one grant's worth, so both processes have sends to make after the pause.
    await t.enqueue(24);
    await t.drain();
    const [first, ...rest] = t.calls;
    expect(first!.at).toBe(0);
    expect(rest.length).toBe(25);
    expect(new Set(rest.map((c) => c.owner)).size).toBe(2);
    for (const call of rest) expect(call.at).toBeGreaterThanOrEqual(30_000);
    await t.close();
  });

  it('keeps workspaces apart: one at its limit does not hold up another', async () => {
    const t = await twoWorkers(fresh());
    await t.enqueue(30, 'T1');
    await t.enqueue(5, 'T2');
    await t.drain();
    expect(t.calls).toHaveLength(35);
    expect(t.calls.filter((c) => c.workspaceId === 'T2').map((c) => c.at)).toEqual([0, 0, 0, 0, 0]);
    await t.close();
  });
});

describe('planning a grant', () => {
  const keys = [{ key: 'slack:T1', rules: [{ limit: 10, windowMs: 1000 }], shared: true }];
  const span = 1000 * GRANT_SPAN;

  it('grants what is free now, and the rest only once the earlier holds end', () => {
    const first = planGrant([], keys, 7, 0);
    expect(first.grant).toEqual({ from: 0, useBy: span, count: 7 });
    const held = first.add;
    expect(planGrant(held, keys, 7, 50).grant).toEqual({ from: 50, useBy: 50 + span, count: 3 });
    const full = [...held, ...planGrant(held, keys, 3, 50).add];
    expect(planGrant(full, keys, 5, 60).grant.from).toBe(span + WINDOW);
  });

  it('never lets a later grant overlap the window of an earlier one', () => {
    let held = planGrant([], keys, 10, 0).add;
    const starts: number[] = [];
    let now = 0;
    for (let i = 0; i < 20; i += 1) {
      const { grant, add } = planGrant(held, keys, 10, now);
      held = [...held.filter((h) => h.until.getTime() > grant.from), ...add];
      starts.push(grant.from);
      now = grant.from;
    }
    expect(starts.slice(1).map((s, i) => s - starts[i]!)).toEqual(Array(19).fill(span + WINDOW));
  });
});
