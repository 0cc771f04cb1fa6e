import { expect, it } from 'vitest';
import { DatabaseFromFutureError } from '../../storage/index.ts';
import { contract } from './stores.ts';
import { now } from './fixtures.ts';

contract('migrations', (fresh) => {
  it('builds an empty database to the latest version, and a second run does nothing', async () => {
    const db = fresh();
    expect(await db.migrate()).toEqual({ from: 0, to: db.latest });
    expect(await db.version()).toBe(db.latest);
    expect(await db.migrate()).toEqual({ from: db.latest, to: db.latest });
    expect((await db.open()).schemaVersion()).toBe(db.latest);
  });

  it('upgrades an older database and keeps its data', async () => {
    const db = fresh();
    await db.migrate(db.latest - 1);
    // Members exist from the first version on either store.
    if (db.latest > 1) await db.sql("INSERT INTO members (id, added_at) VALUES ('slack:T1:U1', 1)");
    const store = await db.open();
    expect(store.schemaVersion()).toBe(db.latest);
    expect(await store.members.list()).toEqual(db.latest > 1 ? ['slack:T1:U1'] : []);
    expect(await store.members.add('slack:T1:U2', now)).toBe(true);
  });

  it('migrates once when several processes start together', async () => {
    const db = fresh();
    const [first, second, store] = await Promise.all([db.migrate(), db.migrate(), db.open()]);
    expect([first.to, second.to, store.schemaVersion()]).toEqual([db.latest, db.latest, db.latest]);
    // One of them did the work; the others found it done.
    expect([first.from, second.from].filter((from) => from === 0).length).toBeLessThanOrEqual(1);
    expect(await db.version()).toBe(db.latest);
  });

  it('refuses a database newer than the code', async () => {
    const db = fresh();
    await db.migrate();
    await db.fromTheFuture();
    await expect(db.open()).rejects.toThrow(DatabaseFromFutureError);
  });
});
