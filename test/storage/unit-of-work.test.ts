import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../storage/index.ts';

const now = new Date('2026-11-23T10:00:00Z');
const voterRef = { id: 'slack:T1:U9', platform: 'slack', workspaceId: 'T1', userId: 'U9', locale: 'nb' };

// SQLite's unit of work runs on the one shared connection: what keeps other writes out of it.
describe('unit of work', () => {
  it('refuses a work that waits outside its transaction, and lets nothing else into it', async () => {
    const store = openSqliteStore(':memory:');
    const person = (i: number) => ({ ...voterRef, id: `slack:T1:U${i}`, userId: `U${i}`, now });
    const macrotask = () => new Promise<void>((done) => setImmediate(done));
    let lateWrite: unknown = null;
    // Queued in the same turn: the first work strays, the second and third must still commit.
    const before = store.unitOfWork.run(async (tx) => tx.participants.touch(person(1)));
    const stray = store.unitOfWork.run(async (tx) => {
      await tx.participants.touch(person(2));
      await macrotask();
      try {
        await tx.participants.touch(person(3));
      } catch (error) {
        lateWrite = error;
      }
    });
    const after = store.unitOfWork.run(async (tx) => tx.participants.touch(person(4)));
    // Another request's write, due while the straying work waits: it must commit on its own.
    setImmediate(() => void store.members.add('slack:T1:M1', now));
    await expect(stray).rejects.toThrow(/outside its transaction/);
    await expect(before).resolves.toMatchObject({ id: 'slack:T1:U1' });
    await expect(after).resolves.toMatchObject({ id: 'slack:T1:U4' });
    await macrotask();
    expect(String(lateWrite)).toMatch(/outside its transaction/);
    expect((await store.participants.list()).map((p) => p.id)).toEqual(['slack:T1:U1', 'slack:T1:U4']);
    expect(await store.members.isMember('slack:T1:M1')).toBe(true);
    expect(store.db.inTransaction).toBe(false);
    store.close();
  });
});
