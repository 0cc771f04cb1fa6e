import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDigestScheduler, latestSlot } from '../../adapters/scheduler/digest-schedule.ts';
import { actor, fakeClock, testCore } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const MONDAY_8 = '0 8 * * 1';
const silent = { info: () => {}, warn: () => {} };

describe('digest slots', () => {
  it.each([
    ['winter: 08:00 Oslo is 07:00 UTC', '2026-11-23T07:30:00Z', '2026-11-23T07:00:00.000Z'],
    ['just before the slot, the week before counts', '2026-11-23T06:59:00Z', '2026-11-16T07:00:00.000Z'],
    ['the Monday after spring forward: 06:00 UTC', '2026-03-30T06:00:00Z', '2026-03-30T06:00:00.000Z'],
    ['the Monday before spring forward: 07:00 UTC', '2026-03-28T12:00:00Z', '2026-03-23T07:00:00.000Z'],
    ['the Monday after falling back: 07:00 UTC', '2026-10-26T07:00:00Z', '2026-10-26T07:00:00.000Z'],
    ['a summer Monday: 06:00 UTC', '2026-07-06T09:00:00Z', '2026-07-06T06:00:00.000Z'],
  ])('%s', (_name, now, slot) => {
    expect(latestSlot(MONDAY_8, 'Europe/Oslo', new Date(now))?.toISOString()).toBe(slot);
  });

  it('finds a slot however long ago it was (a yearly digest), with one step back rather than a scan', () => {
    expect(latestSlot('0 8 1 1 *', 'Europe/Oslo', new Date('2026-11-23T06:59:00Z'))?.toISOString()).toBe('2026-01-01T07:00:00.000Z');
  });

  it('follows another time zone and expression', () => {
    expect(latestSlot('30 17 * * 5', 'America/New_York', new Date('2026-11-28T00:00:00Z'))?.toISOString()).toBe('2026-11-27T22:30:00.000Z');
  });

  it('counts a leading seconds field: the slot is that second, from the moment it comes', () => {
    const daily = '30 0 8 * * *';
    expect(latestSlot(daily, 'UTC', new Date('2026-11-23T08:00:30.000Z'))?.toISOString()).toBe('2026-11-23T08:00:30.000Z');
    expect(latestSlot(daily, 'UTC', new Date('2026-11-23T08:00:45.900Z'))?.toISOString()).toBe('2026-11-23T08:00:30.000Z');
    expect(latestSlot(daily, 'UTC', new Date('2026-11-23T08:00:29.999Z'))?.toISOString()).toBe('2026-11-22T08:00:30.000Z');
  });
});

describe('digest scheduler', () => {
  const tmp = useTmpDir();

  async function world(path?: string, clock = fakeClock('2026-11-16T07:00:00Z')) {
    const { core, store } = testCore({ clock, ...(path ? { path } : {}) });
    const member = actor('M1');
    await core.members.add(member.id, clock());
    let queued = 0;
    const scheduler = createDigestScheduler({ core, cron: MONDAY_8, timeZone: 'Europe/Oslo', clock, log: silent, queued: () => (queued += 1) });
    return { core, store, clock, scheduler, queued: () => queued };
  }

  it('queues one digest per slot, the period running from the previous digest', async () => {
    const { core, store, clock, scheduler } = await world();
    expect(await scheduler.runDue('schedule')).toBe(true);
    expect(await scheduler.runDue('schedule')).toBe(false);
    clock.set('2026-11-18T10:00:00Z');
    await core.submitSuggestion(actor('U1'), { text: 'Hei' });
    clock.set('2026-11-23T07:00:00Z');
    expect(await scheduler.runDue('schedule')).toBe(true);
    const latest = await core.latestDigestRun();
    expect(latest).toMatchObject({ periodStart: new Date('2026-11-16T07:00:00Z'), periodEnd: new Date('2026-11-23T07:00:00Z') });
    const pending = await store.outbox.list(['pending'], 10);
    expect(pending.map((m) => m.label)).toEqual(['slack:T1:M1', 'slack:T1:M1']);
    expect(pending[1]!.payload).toMatchObject({ type: 'digest', digest: { totals: { suggestions: { value: 1 } } } });
  });

  it('catches up once after downtime, not once per missed week', async () => {
    const { clock, scheduler, store, queued } = await world();
    await scheduler.runDue('schedule');
    clock.set('2026-12-09T12:00:00Z');
    await scheduler.start();
    await scheduler.stop();
    expect(queued()).toBe(2);
    expect((await store.outbox.list(['pending'], 10)).length).toBe(2);
    await scheduler.start();
    await scheduler.stop();
    expect(queued()).toBe(2);
  });

  it('does not send a digest at the very first start', async () => {
    const { scheduler, queued } = await world(undefined, fakeClock('2026-11-18T12:00:00Z'));
    await scheduler.start();
    await scheduler.stop();
    expect(queued()).toBe(0);
  });

  it('still runs a scheduled slot that the process wakes up for late, as when it was busy then', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T06:59:50Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const { core } = testCore({ clock: fakeClock('2026-11-23T07:00:30Z') });
    let queued = 0;
    const scheduler = createDigestScheduler({ core, cron: MONDAY_8, timeZone: 'Europe/Oslo', clock: () => new Date(), log: silent, queued: () => (queued += 1) });
    try {
      await core.members.add(actor('M1').id, new Date());
      await scheduler.start();
      // The wall clock passes the slot by 30 s before the process gets to its timer.
      vi.setSystemTime(new Date('2026-11-23T07:00:30Z'));
      await vi.advanceTimersByTimeAsync(10_000);
      await expect.poll(() => queued, { timeout: 10_000 }).toBe(1);
      expect(await core.latestDigestRun()).toMatchObject({ slot: new Date('2026-11-23T07:00:00Z') });
    } finally {
      await scheduler.stop();
      vi.useRealTimers();
    }
  });

  it('lets two processes on one database queue one digest per member', async () => {
    const path = join(tmp(), 'shared.db');
    const clock = fakeClock('2026-11-23T07:00:00Z');
    const a = await world(path, clock);
    const b = await world(path, clock);
    const results = await Promise.all([a.scheduler.runDue('schedule'), b.scheduler.runDue('schedule')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.store.outbox.list(['pending'], 10)).toHaveLength(1);
  });
});
