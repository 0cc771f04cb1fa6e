import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../storage/index.ts';
import { pollInput } from '../contract/fixtures.ts';

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

  it('reads a poll afresh in one transaction after an edit, a delete, or a work rolled back', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const { id } = await store.polls.create(pollInput());
      const question = () => store.unitOfWork.run(async (tx) => (await tx.polls.get(id))?.question);
      const original = await question();
      // All queued in one turn: one group commit, where the first read is kept.
      const edited = await Promise.all([
        question(),
        store.unitOfWork.run(async (tx) => (await tx.polls.edit(id, 'Ny?', ['A', 'B'])) && (await tx.polls.get(id))?.question),
        question(),
      ]);
      expect(edited).toEqual([original, 'Ny?', 'Ny?']);
      const undone = await Promise.all([
        question(),
        store.unitOfWork.run(async (tx) => {
          await tx.polls.edit(id, 'Angret?', ['A', 'B']);
          await tx.polls.get(id);
          throw new Error('changed its mind');
        }).catch((error: Error) => error.message),
        question(),
      ]);
      expect(undone).toEqual(['Ny?', 'changed its mind', 'Ny?']);
      const deleted = await Promise.all([question(), store.unitOfWork.run((tx) => tx.polls.remove(id, now)), store.unitOfWork.run((tx) => tx.polls.get(id))]);
      expect(deleted[2]).toMatchObject({ deletedAt: now });
    } finally {
      store.close();
    }
  });

  it('reads a poll once per transaction, and afresh in the next, whoever changed it in between', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-uow-'));
    const store = openSqliteStore(join(dir, 'db.sqlite'));
    // Another process on the same file (a second replica).
    const other = openSqliteStore(join(dir, 'db.sqlite'));
    try {
      const { id } = await store.polls.create(pollInput());
      const read = () => store.unitOfWork.run((tx) => tx.polls.get(id));
      // Queued in one turn: one transaction, one read.
      const [a, b] = await Promise.all([read(), read()]);
      expect(a).toBe(b);
      await other.polls.setClosed(id, now, now);
      expect((await read())?.closedAt).toEqual(now);
      await store.polls.setClosed(id, null, now);
      expect((await read())?.closedAt).toBeNull();
      await other.unitOfWork.run((tx) => tx.polls.remove(id, now));
      expect(await read()).toMatchObject({ deletedAt: now, options: [] });
    } finally {
      store.close();
      other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
