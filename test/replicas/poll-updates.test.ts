import { expect, it } from 'vitest';
import { createPollUpdateGate } from '../../src/usecases/poll-updates.ts';
import { fakeClock } from '../helpers/core.ts';
import { contract, type TestDatabase } from '../contract/stores.ts';

/** Two processes' gates on one database (two connections or pools), on one fake clock. */
async function twoGates(db: TestDatabase) {
  const stores = [await db.open(), await db.open()];
  const clock = fakeClock('2026-11-23T07:00:00Z');
  const [a, b] = stores.map((store, i) => createPollUpdateGate({ leases: store.leases, clock, holder: `replica-${i}`, intervalMs: 1000 }));
  return { a: a!, b: b!, stores, clock, close: () => Promise.all(stores.map((s) => s.close())) };
}

contract('poll message updates across processes', (fresh) => {
  it('lets one process update a poll at a time, and skips the other when the update already shows its clicks', async () => {
    const { a, b, clock, close } = await twoGates(fresh());
    const clickAtB = clock();
    clock.advance(100);
    expect(await a.claim(1, new Date(clock().getTime() - 50))).toBe('go');
    clock.advance(10);
    // A began after B's click: A's update reads the counts with it.
    expect(await b.claim(1, clickAtB)).toBe('covered');
    // Another poll is another lease.
    expect(await b.claim(2, clickAtB)).toBe('go');
    await close();
  });

  it('makes a process whose click came after the other began wait for the lease to end, then update', async () => {
    const { a, b, clock, close } = await twoGates(fresh());
    expect(await a.claim(1, clock())).toBe('go');
    clock.advance(200);
    const lateClick = clock();
    clock.advance(50);
    expect(await b.claim(1, lateClick)).toEqual({ waitMs: 750 });
    clock.advance(750);
    expect(await b.claim(1, lateClick)).toBe('go');
    // Now A waits for B, unless B began after A's last click.
    expect(await a.claim(1, new Date(clock().getTime() - 1))).toBe('covered');
    await close();
  });

  it('lets the holder take its own lease again (its next update in a burst)', async () => {
    const { a, stores, clock, close } = await twoGates(fresh());
    expect(await a.claim(1, clock())).toBe('go');
    clock.advance(300);
    expect(await a.claim(1, clock())).toBe('go');
    expect(await stores[1]!.leases.acquire('poll-update:1', 'replica-1', clock(), new Date(clock().getTime() + 1000))).toEqual({
      acquired: false,
      heldUntil: new Date(clock().getTime() + 1000),
    });
    await close();
  });
});
