import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPollUpdateGate } from '../../src/usecases/poll-updates.ts';
import { openSqliteStore } from '../../storage/index.ts';
import { fakeClock } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const tmp = useTmpDir();

/** Two processes' gates on one SQLite file, on one fake clock. */
function twoGates() {
  const path = join(tmp(), 'leases.db');
  const stores = [openSqliteStore(path), openSqliteStore(path)];
  const clock = fakeClock('2026-11-23T07:00:00Z');
  const [a, b] = stores.map((store, i) => createPollUpdateGate({ leases: store.leases, clock, holder: `replica-${i}`, intervalMs: 1000 }));
  return { a: a!, b: b!, stores, clock, close: () => Promise.all(stores.map((s) => s.close())) };
}

describe('poll message updates across processes', () => {
  it('lets one process update a poll at a time, and skips the other when the update already shows its clicks', async () => {
    const { a, b, clock, close } = twoGates();
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
    const { a, b, clock, close } = twoGates();
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
    const { a, stores, clock, close } = twoGates();
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
