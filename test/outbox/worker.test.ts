import { describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import { backoffMs, DEFAULT_RETRY, nextStep, PLATFORM_LIMITS } from '../../src/outbox/policy.ts';
import { ARRIVAL_MARGIN, RateLimiter } from '../../src/outbox/rate-limit.ts';
import { GRANT_SPAN } from '../../src/outbox/shared-windows.ts';
import type { OutboundMessage, PlatformSender, SendResult } from '../../src/ports/delivery.ts';
import type { NewOutboxMessage } from '../../src/ports/outbox.ts';
import { openSqliteStore } from '../../storage/index.ts';
import { fakeClock } from '../helpers/core.ts';

const silent = { info: () => {}, warn: () => {} };

function recordingSender(platform: 'slack' | 'teams', answer: (m: OutboundMessage) => SendResult | Promise<SendResult> = () => ({ ok: true })) {
  const calls: { at: number; message: OutboundMessage }[] = [];
  let now = () => 0;
  const sender: PlatformSender & { calls: typeof calls; useClock(c: () => Date): void } = {
    platform,
    calls,
    useClock: (c) => void (now = () => c().getTime()),
    async deliver(message) {
      calls.push({ at: now(), message });
      return answer(message);
    },
  };
  return sender;
}

function setup(sender: ReturnType<typeof recordingSender>, options: { concurrency?: number } = {}) {
  const store = openSqliteStore(':memory:');
  const clock = fakeClock('2026-11-23T07:00:00Z');
  sender.useClock(clock);
  const worker = createOutboxWorker({ store: store.outbox, senders: [sender], clock, owner: 'test', log: silent, random: () => 0.5, ...options });
  const enqueue = (messages: NewOutboxMessage[]) =>
    store.db.transaction(() =>
      messages.map((m) =>
        Number(
          store.db
            .prepare(
              "INSERT INTO outbox (platform, workspace_id, recipient, payload, dedupe_key, label, status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
            )
            .run(m.platform, m.workspaceId, JSON.stringify(m.recipient), JSON.stringify(m.payload), m.dedupeKey, m.label, clock().getTime(), clock().getTime()).lastInsertRowid,
        ),
      ),
    )();
  /** Runs the worker against the fake clock until nothing is left to do, jumping time forward. */
  async function drain(maxSteps = 100_000) {
    for (let i = 0; i < maxSteps; i += 1) {
      const next = await worker.pump();
      await worker.settled();
      const pending = await store.outbox.nextDue();
      if (pending === null) return;
      const target = Math.max(next ?? 0, pending.getTime());
      if (target > clock().getTime()) clock.set(new Date(target));
    }
    throw new Error('did not drain');
  }
  return { store, clock, worker, enqueue, drain };
}

const dm = (i: number, platform: 'slack' | 'teams' = 'slack', workspaceId = 'T1'): NewOutboxMessage => ({
  platform,
  workspaceId,
  recipient: { kind: 'user', userId: `U${i}` },
  payload: { type: 'poll', pollId: 1 },
  dedupeKey: `poll:1:${i}`,
  label: `U${i}`,
});

describe('retry policy', () => {
  it('backs off exponentially with jitter, up to a cap', () => {
    expect(backoffMs(1, DEFAULT_RETRY, () => 0)).toBe(1000);
    expect(backoffMs(1, DEFAULT_RETRY, () => 1)).toBe(2000);
    expect(backoffMs(3, DEFAULT_RETRY, () => 1)).toBe(8000);
    expect(backoffMs(30, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs);
  });

  it('turns each kind of answer into the next step', () => {
    const r = () => 0.5;
    expect(nextStep({ ok: true, platformRef: 'ts' }, 1, DEFAULT_RETRY, r)).toEqual({ to: 'sent', platformRef: 'ts' });
    expect(nextStep({ ok: false, retryable: false, gone: true, error: '403' }, 1, DEFAULT_RETRY, r)).toEqual({ to: 'dead', error: 'unreachable: 403' });
    expect(nextStep({ ok: false, retryable: true, retryAfterMs: 30_000, error: '429' }, 3, DEFAULT_RETRY, r)).toMatchObject({ to: 'pending', afterMs: 30_000, countAttempt: false, pauseWorkspaceMs: 30_000 });
    expect(nextStep({ ok: false, retryable: true, error: '500' }, 2, DEFAULT_RETRY, r)).toMatchObject({ to: 'pending', countAttempt: true });
    // Part of a long job done and recorded: the rest follows at once, even on what would be the last try.
    expect(nextStep({ ok: false, retryable: true, progressed: true, error: 'more' }, DEFAULT_RETRY.maxAttempts, DEFAULT_RETRY, r)).toEqual({ to: 'pending', afterMs: 0, error: 'more', countAttempt: false });
    expect(nextStep({ ok: false, retryable: true, error: '500' }, 8, DEFAULT_RETRY, r)).toEqual({ to: 'dead', error: 'gave up after 8 tries: 500' });
    expect(nextStep({ ok: false, retryable: false, error: 'invalid_blocks' }, 1, DEFAULT_RETRY, r)).toEqual({ to: 'dead', error: 'invalid_blocks' });
  });
});

describe('rate limiter', () => {
  it('honours every window of a rule set', () => {
    const limiter = new RateLimiter();
    const keys = [{ key: 'teams:t:c', rules: PLATFORM_LIMITS.teams.conversation }];
    let now = 0;
    const times: number[] = [];
    for (let i = 0; i < 70; i += 1) {
      now = limiter.availableAt(keys, now);
      limiter.record(keys, now);
      times.push(now);
    }
    const within = (ms: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));
    expect(within(1_000)).toBeLessThanOrEqual(7);
    expect(within(2_000)).toBeLessThanOrEqual(8);
    expect(within(30_000)).toBeLessThanOrEqual(60);
  });
});

describe('outbox worker', () => {
  it('sends each message once and records it', async () => {
    const sender = recordingSender('slack', (m) => ({ ok: true, platformRef: `ts-${m.id}` }));
    const { store, enqueue, drain } = setup(sender);
    const ids = enqueue([dm(1), dm(2), dm(3)]);
    await drain();
    expect(sender.calls.map((c) => c.message.id).sort()).toEqual(ids);
    expect((await store.outbox.getMany(ids)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('paces one Slack channel to one message per second', async () => {
    const sender = recordingSender('slack');
    const { enqueue, drain } = setup(sender);
    enqueue([0, 1, 2, 3].map((i) => ({ ...dm(i), recipient: { kind: 'channel' as const, channelId: 'C1' } })));
    await drain();
    const times = sender.calls.map((c) => c.at);
    const second = 1000 * (1 + ARRIVAL_MARGIN);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([second, second, second]);
  });

  it('keeps a Teams tenant under 50 per second and runs tenants side by side', async () => {
    const sender = recordingSender('teams');
    const { enqueue, drain, clock } = setup(sender, { concurrency: 64 });
    const start = clock().getTime();
    enqueue([...Array.from({ length: 200 }, (_, i) => dm(i, 'teams', 'tenant-a')), ...Array.from({ length: 100 }, (_, i) => dm(1000 + i, 'teams', 'tenant-b'))]);
    await drain();
    const a = sender.calls.filter((c) => c.message.workspaceId === 'tenant-a').map((c) => c.at - start);
    const perSecond = (times: number[]) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(perSecond(a)).toBeLessThanOrEqual(50);
    // A grant's calls may start anywhere in its span, so a tenant's windows follow one another a span apart.
    expect(Math.max(...a)).toBeCloseTo(3 * 1000 * (1 + ARRIVAL_MARGIN + GRANT_SPAN));
    expect(sender.calls).toHaveLength(300);
  });

  it('counts every call of a message sent in parts towards the pace', async () => {
    const sender = recordingSender('slack', () => ({ ok: true, calls: 3 }));
    const { enqueue, drain, clock } = setup(sender, { concurrency: 1 });
    const start = clock().getTime();
    enqueue([1, 2, 3, 4, 5].map((i) => ({ ...dm(i), payload: { type: 'digest' as const, locale: 'nb' as const, digest: {} } })));
    await drain();
    // Three posts each against a workspace budget of ten a second: after twelve, the fifth digest waits.
    expect(sender.calls.map((c) => c.at - start)).toEqual([0, 0, 0, 0, 1000 * (1 + ARRIVAL_MARGIN)]);
  });

  it('honours Retry-After for the whole workspace without counting it as a failure', async () => {
    let limited = true;
    const sender = recordingSender('slack', () => {
      if (limited) {
        limited = false;
        return { ok: false, retryable: true, retryAfterMs: 30_000, error: 'ratelimited' };
      }
      return { ok: true };
    });
    const { store, enqueue, drain, clock } = setup(sender);
    const start = clock().getTime();
    const [first] = enqueue([dm(1)]);
    await drain();
    enqueue([dm(2)]);
    await drain();
    expect(sender.calls.map((c) => c.at - start)).toEqual([0, 30_000, 30_000]);
    expect(await store.outbox.get(first!)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries server errors with backoff, then gives up and says why', async () => {
    const sender = recordingSender('slack', () => ({ ok: false, retryable: true, error: 'HTTP 500' }));
    const { store, enqueue, drain } = setup(sender);
    const [id] = enqueue([dm(1)]);
    await drain();
    expect(sender.calls).toHaveLength(DEFAULT_RETRY.maxAttempts);
    const gaps = sender.calls.slice(1).map((c, i) => c.at - sender.calls[i]!.at);
    expect(gaps).toEqual([1500, 3000, 6000, 12_000, 24_000, 48_000, 96_000]);
    expect(await store.outbox.get(id!)).toMatchObject({ status: 'dead', lastError: 'gave up after 8 tries: HTTP 500' });
    expect(await store.outbox.retry(id!, new Date())).toBe(true);
    expect(await store.outbox.get(id!)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('stops at once for a recipient that is gone', async () => {
    const sender = recordingSender('teams', () => ({ ok: false, retryable: false, gone: true, error: 'HTTP 403 BotNotInConversationRoster' }));
    const { store, enqueue, drain } = setup(sender);
    const [id] = enqueue([dm(1, 'teams')]);
    await drain();
    expect(sender.calls).toHaveLength(1);
    expect(await store.outbox.get(id!)).toMatchObject({ status: 'dead', lastError: 'unreachable: HTTP 403 BotNotInConversationRoster' });
  });

  it('treats a sender that throws as a failed try', async () => {
    const sender = recordingSender('slack', () => Promise.reject(new Error('socket hang up')));
    const { store, enqueue, worker } = setup(sender);
    const [id] = enqueue([dm(1)]);
    await worker.pump();
    await worker.settled();
    expect(await store.outbox.get(id!)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'socket hang up' });
  });

  it('lets two workers on one database send each message once', async () => {
    const sender = recordingSender('teams');
    const { store, enqueue, clock } = setup(sender, { concurrency: 64 });
    const other = createOutboxWorker({ store: store.outbox, senders: [sender], clock, owner: 'other', log: silent, concurrency: 64 });
    const mine = createOutboxWorker({ store: store.outbox, senders: [sender], clock, owner: 'mine', log: silent, concurrency: 64 });
    enqueue(Array.from({ length: 40 }, (_, i) => dm(i, 'teams', `tenant-${i}`)));
    await Promise.all([mine.pump(), other.pump()]);
    await Promise.all([mine.settled(), other.settled()]);
    expect(sender.calls).toHaveLength(40);
    expect(new Set(sender.calls.map((c) => c.message.id)).size).toBe(40);
  });

  it('never sends again what a crashed process left in doubt', async () => {
    const sender = recordingSender('slack');
    const { store, enqueue, clock, drain } = setup(sender);
    const [id] = enqueue([dm(1)]);
    expect(await store.outbox.claim(id!, 'crashed', clock(), new Date(clock().getTime() + 1000))).toBe(true);
    expect(await store.outbox.recoverInterrupted(clock(), () => false)).toEqual([]);
    clock.advance(2000);
    const interrupted = await store.outbox.recoverInterrupted(clock(), () => false);
    expect(interrupted.map((r) => r.id)).toEqual([id]);
    await drain();
    expect(sender.calls).toHaveLength(0);
    expect((await store.outbox.get(id!))?.lastError).toMatch(/interrupted while sending/);
  });

  it('voids at once the claim of a process known to be gone', async () => {
    const sender = recordingSender('slack');
    const { store, enqueue, clock } = setup(sender);
    const [a, b] = enqueue([dm(1), dm(2)]);
    await store.outbox.claim(a!, 'host:111:x', clock(), new Date(clock().getTime() + 60_000));
    await store.outbox.claim(b!, 'host:222:y', clock(), new Date(clock().getTime() + 60_000));
    const interrupted = await store.outbox.recoverInterrupted(clock(), (owner) => owner === 'host:111:x');
    expect(interrupted.map((r) => r.id)).toEqual([a]);
    expect(await store.outbox.get(b!)).toMatchObject({ status: 'sending' });
  });

  it('runs on its own timer until stopped', async () => {
    const sender = recordingSender('slack');
    const store = openSqliteStore(':memory:');
    const worker = createOutboxWorker({ store: store.outbox, senders: [sender], clock: () => new Date(), owner: 'live', log: silent, idleMs: 20 });
    worker.start();
    store.db
      .prepare("INSERT INTO outbox (platform, workspace_id, recipient, payload, dedupe_key, label, status, next_attempt_at, created_at) VALUES ('slack', 'T1', '{\"kind\":\"user\",\"userId\":\"U1\"}', '{\"type\":\"poll\",\"pollId\":1}', 'k', 'U1', 'pending', 0, 0)")
      .run();
    worker.notify();
    for (let i = 0; i < 100 && sender.calls.length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    await worker.stop();
    expect(sender.calls).toHaveLength(1);
  });
});
