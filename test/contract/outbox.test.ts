import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { later, message, now } from './fixtures.ts';

const run = (slotMs: number) => ({ slot: new Date(slotMs), periodStart: new Date(slotMs - 7 * 86_400_000), periodEnd: new Date(slotMs), manual: false });

contract('outbox claims and leases', (fresh) => {
  async function queued(store: Awaited<ReturnType<ReturnType<typeof fresh>['open']>>, n: number) {
    const result = await store.digestRuns.record(run(now.getTime()), Array.from({ length: n }, (_, i) => message(`m${i}`)), now);
    return result!.messageIds;
  }

  it('gives a message to exactly one of two claimers, however they race', async () => {
    const db = fresh();
    const [a, b] = [await db.open(), await db.open()];
    const ids = await queued(a, 10);
    const claims = await Promise.all(ids.flatMap((id) => [a.outbox.claim(id, 'replica-a', now, later(60_000)), b.outbox.claim(id, 'replica-b', now, later(60_000))]));
    expect(claims.filter(Boolean)).toHaveLength(10);
    expect(await a.outbox.due(now, 100)).toEqual([]);
    expect((await b.outbox.list(['sending'], 100)).map((m) => m.attempts)).toEqual(Array(10).fill(1));
  });

  it('lists due messages oldest first and wakes the worker at the next due time', async () => {
    const store = await fresh().open();
    const [first, second] = await queued(store, 2);
    expect(await store.outbox.nextDue()).toEqual(now);
    await store.outbox.claim(first!, 'w', now, later(60_000));
    await store.outbox.reschedule(first!, later(5_000), 'rate limited', false);
    expect((await store.outbox.due(now, 10)).map((m) => m.id)).toEqual([second]);
    const back = await store.outbox.get(first!);
    expect(back).toMatchObject({ status: 'pending', attempts: 0, lastError: 'rate limited', nextAttemptAt: later(5_000) });
    expect((await store.outbox.due(later(5_000), 10)).map((m) => m.id)).toEqual([second, first]);
  });

  it('marks a message whose claimer’s lease ran out dead, not sent again; one still leased is left alone', async () => {
    const store = await fresh().open();
    const [expired, leased, gone] = await queued(store, 3);
    await store.outbox.claim(expired!, 'old', now, later(1_000));
    await store.outbox.claim(leased!, 'alive', now, later(60_000));
    await store.outbox.claim(gone!, 'crashed', now, later(60_000));
    const recovered = await store.outbox.recoverInterrupted(later(2_000), (owner) => owner === 'crashed');
    expect(recovered.map((m) => m.id).sort()).toEqual([expired, gone].sort());
    expect(recovered.every((m) => m.status === 'dead' && /interrupted while sending/.test(m.lastError ?? ''))).toBe(true);
    expect((await store.outbox.get(leased!))?.status).toBe('sending');
    expect(await store.outbox.retry(expired!, later(3_000))).toBe(true);
    expect(await store.outbox.get(expired!)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect(await store.outbox.retry(leased!, later(3_000))).toBe(false);
  });

  it('drops a sealed recipient and its reference once sent; keeps a plain one', async () => {
    const store = await fresh().open();
    const { messageIds: [sealed, plain] } = (await store.digestRuns.record(
      run(now.getTime()),
      [message('s', { recipient: { kind: 'sealed', sealed: 'opaque' } }), message('p')],
      now,
    ))!;
    for (const id of [sealed!, plain!]) {
      await store.outbox.claim(id, 'w', now, later(60_000));
      await store.outbox.markSent(id, later(1_000), 'ref-1');
    }
    const [s, p] = await store.outbox.getMany([sealed!, plain!]);
    expect(s).toMatchObject({ status: 'sent', recipient: { kind: 'sealed', sealed: null }, sentAt: later(1_000) });
    expect(p).toMatchObject({ status: 'sent', recipient: { kind: 'user', userId: 'U2' } });
    await store.outbox.markDead(plain!, 'x'.repeat(600));
    expect((await store.outbox.get(plain!))?.lastError).toHaveLength(500);
  });

  it('finds the posted copies of a poll (the poll and its reminders) that have a reference, and queues each key once', async () => {
    const store = await fresh().open();
    const channel = { kind: 'channel' as const, channelId: '19:c@thread.tacv2' };
    const reminderOf = (key: string, userId: string) =>
      message(key, { recipient: { kind: 'user', userId }, payload: { type: 'poll_reminder', pollId: 7, participantId: `slack:T1:${userId}` } });
    const [posted, other, pending, sealed, reminder, skipped] = await store.unitOfWork.run((tx) => tx.outbox.enqueue(
      [
        message('p1', { platform: 'teams', workspaceId: 'tenant', recipient: channel, payload: { type: 'poll', pollId: 7 } }),
        message('p2', { payload: { type: 'poll', pollId: 8 } }),
        message('p3', { payload: { type: 'poll', pollId: 7 } }),
        message('p4', { recipient: { kind: 'sealed', sealed: 'opaque' }, payload: { type: 'poll', pollId: 7 } }),
        reminderOf('p5', 'U3'),
        reminderOf('p6', 'U4'),
      ],
      now,
    ));
    expect(await store.unitOfWork.run((tx) => tx.outbox.enqueue([message('p1')], now))).toEqual([]);
    for (const id of [posted!, other!, sealed!, reminder!, skipped!]) {
      await store.outbox.claim(id, 'w', now, later(60_000));
      // A reminder decided against when due posted nothing: its reference says so.
      await store.outbox.markSent(id, later(1_000), id === skipped ? 'skipped:voted' : `ref-${id}`);
    }
    const sentRefs = (pollId: number) => store.unitOfWork.run((tx) => tx.outbox.sentRefs(pollId));
    expect(await sentRefs(7)).toEqual([
      { platform: 'teams', workspaceId: 'tenant', recipient: channel, platformRef: `ref-${posted}` },
      { platform: 'slack', workspaceId: 'T1', recipient: { kind: 'user', userId: 'U3' }, platformRef: `ref-${reminder}` },
    ]);
    expect((await store.outbox.get(pending!))?.status).toBe('pending');
    expect(await sentRefs(9)).toEqual([]);
  });

  it('keeps a message the platform took outside the outbox as sent, once, where sentRefs finds it', async () => {
    const store = await fresh().open();
    const channel = { kind: 'channel' as const, channelId: '19:c@thread.tacv2' };
    const reply = message('poll_posted:7:act-1', { platform: 'teams', workspaceId: 'tenant', recipient: channel, payload: { type: 'poll', pollId: 7 } });
    await store.outbox.recordSent(reply, 'act-1', now);
    await store.outbox.recordSent({ ...reply, workspaceId: 'other' }, 'act-1', later(1_000));
    expect(await store.unitOfWork.run((tx) => tx.outbox.sentRefs(7))).toEqual([{ platform: 'teams', workspaceId: 'tenant', recipient: channel, platformRef: 'act-1' }]);
    // Nothing for the worker to send, and a sent message like the others in `outbox list`.
    expect(await store.outbox.due(later(60_000), 10)).toEqual([]);
    expect(await store.outbox.list(['sent'], 10)).toMatchObject([{ dedupeKey: 'poll_posted:7:act-1', status: 'sent', attempts: 0, sentAt: now, createdAt: now }]);
  });

  it('reads and queues inside a unit of work: the messages commit with it, or not at all', async () => {
    const store = await fresh().open();
    const [sent] = await store.unitOfWork.run((tx) => tx.outbox.enqueue([message('p1', { payload: { type: 'poll', pollId: 7 } })], now));
    await store.outbox.claim(sent!, 'w', now, later(60_000));
    await store.outbox.markSent(sent!, now, '1700000000.000100');
    const refresh = (key: string) => message(key, { recipient: { kind: 'workspace' }, payload: { type: 'poll_refresh', pollId: 7 } });
    const failing = store.unitOfWork.run(async (tx) => {
      expect(await tx.outbox.sentRefs(7)).toEqual([{ platform: 'slack', workspaceId: 'T1', recipient: { kind: 'user', userId: 'U2' }, platformRef: '1700000000.000100' }]);
      await tx.outbox.enqueue([refresh('r1')], now);
      throw new Error('the work failed after queuing');
    });
    await expect(failing).rejects.toThrow('the work failed after queuing');
    expect(await store.outbox.list(['pending'], 10)).toEqual([]);
    const ids = await store.unitOfWork.run(async (tx) => tx.outbox.enqueue([refresh('r1'), refresh('r1')], now));
    expect(ids).toHaveLength(1);
    expect(await store.outbox.list(['pending'], 10)).toMatchObject([{ id: ids[0], recipient: { kind: 'workspace' }, payload: { type: 'poll_refresh', pollId: 7 } }]);
  });
});

contract('digest claims', (fresh) => {
  it('records a slot once, whoever claims it, and queues its messages once', async () => {
    const db = fresh();
    const [a, b] = [await db.open(), await db.open()];
    const messages = [message('slack:T1:U2'), message('slack:T1:U3')];
    const results = await Promise.all([a.digestRuns.record(run(now.getTime()), messages, now), b.digestRuns.record(run(now.getTime()), messages, now)]);
    const won = results.filter((r) => r !== null);
    expect(won).toHaveLength(1);
    expect(won[0]!.messageIds).toHaveLength(2);
    expect((await a.outbox.list(['pending'], 10)).map((m) => m.dedupeKey)).toEqual([`digest:${won[0]!.run.id}:slack:T1:U2`, `digest:${won[0]!.run.id}:slack:T1:U3`]);
    expect(await b.digestRuns.latest()).toEqual(won[0]!.run);
    const next = await a.digestRuns.record(run(later(7 * 86_400_000).getTime()), messages, later(1));
    expect(next?.messageIds).toHaveLength(2);
    expect((await b.digestRuns.latest())?.id).toBe(next!.run.id);
  });
});
