import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewOutboxMessage } from '../../src/ports/outbox.ts';
import type { Store } from '../../src/ports/store.ts';
import { actor, coreOn, fakeClock, testCore } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { contract, type TestDatabase } from '../contract/stores.ts';

/*
 * What two processes on one SQLite file (two connections here, the way two replicas open it) must
 * never do twice: send a claimed message, recover an expired claim, queue a period's digest, count
 * a redelivered event or click.
 */
const tmp = useTmpDir();

/** Two replicas' cores on one database of the contract's kinds. */
async function twoReplicas(db: TestDatabase) {
  const clock = fakeClock('2026-11-23T07:00:00Z');
  const [sa, sb] = [await db.open(), await db.open()];
  const a = { store: sa, ...coreOn(sa, { clock }) };
  const b = { store: sb, ...coreOn(sb, { clock }) };
  return { a, b, clock, close: async () => {} };
}

/** Two connections to one SQLite file, for what only a synchronous driver can interleave on cue. */
function twoSqliteReplicas() {
  const path = join(tmp(), 'replicas.db');
  const clock = fakeClock('2026-11-23T07:00:00Z');
  const a = testCore({ path, clock });
  const b = testCore({ path, clock });
  return { a, b, clock, close: () => Promise.all([a.store.close(), b.store.close()]) };
}

const dm = (i: number): NewOutboxMessage => ({
  platform: 'slack',
  workspaceId: 'T1',
  recipient: { kind: 'user', userId: `U${i}` },
  payload: { type: 'reply', locale: 'nb', suggestionId: 1, text: 'x' },
  dedupeKey: `m:${i}`,
  label: `U${i}`,
});

/** Queues messages the way the core does, through a digest run (the one port that queues a list). */
async function queue(store: Store, messages: NewOutboxMessage[], clock: () => Date) {
  const recorded = await store.digestRuns.record({ slot: clock(), periodStart: new Date(0), periodEnd: new Date(1), manual: true }, messages, clock());
  return recorded!.messageIds;
}

contract('outbox claims across processes', (fresh) => {
  it('lets only one process claim a message', async () => {
    const { a, b, clock, close } = await twoReplicas(fresh());
    const ids = await queue(a.store, [dm(1), dm(2), dm(3)], clock);
    const lease = new Date(clock().getTime() + 60_000);
    for (const id of ids) {
      const won = await Promise.all([a.store.outbox.claim(id, 'a', clock(), lease), b.store.outbox.claim(id, 'b', clock(), lease)]);
      expect(won.filter(Boolean)).toHaveLength(1);
    }
    expect((await b.store.outbox.due(clock(), 10)).length).toBe(0);
    await close();
  });

  it('recovers an expired claim once, whoever looks', async () => {
    const { a, b, clock, close } = await twoReplicas(fresh());
    const [id] = await queue(a.store, [dm(1)], clock);
    await a.store.outbox.claim(id!, 'crashed', clock(), new Date(clock().getTime() + 1000));
    clock.advance(5000);
    const [first, second] = await Promise.all([a.store.outbox.recoverInterrupted(clock(), () => false), b.store.outbox.recoverInterrupted(clock(), () => false)]);
    expect([...first!, ...second!].map((m) => m.id)).toEqual([id]);
    await close();
  });

});

contract('digest runs across processes', (fresh) => {
  it('queues one digest per member when two processes send the same period at once', async () => {
    const { a, b, clock, close } = await twoReplicas(fresh());
    for (const m of ['M1', 'M2', 'M3']) await a.core.members.add(actor(m).id, clock());
    await a.core.submitSuggestion(actor('U9'), { text: 'idea' });
    clock.advance(60_000);
    const first = a.core.runDigest({ slot: clock(), manual: true });
    clock.advance(1);
    const second = b.core.runDigest({ slot: clock(), manual: true });
    const results = await Promise.all([first, second]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const digests = (await a.store.outbox.list(['pending'], 100)).filter((m) => m.payload.type === 'digest');
    expect(digests.map((m) => m.label).sort()).toEqual(['slack:T1:M1', 'slack:T1:M2', 'slack:T1:M3']);
    await close();
  });

  it('claims a scheduled slot once', async () => {
    const { a, b, clock, close } = await twoReplicas(fresh());
    await a.core.members.add(actor('M1').id, clock());
    const slot = new Date('2026-11-23T07:00:00Z');
    clock.advance(1000);
    const results = await Promise.all([a.core.runDigest({ slot, manual: false }), b.core.runDigest({ slot, manual: false })]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect((await a.store.outbox.list(['pending'], 10)).length).toBe(1);
    await close();
  });
});

contract('dedupe across processes', (fresh) => {
  it('sees a redelivered event once, whichever process gets it', async () => {
    const { a, b, close } = await twoReplicas(fresh());
    const seen = await Promise.all([a.core.firstDelivery('slack', 'Ev1'), b.core.firstDelivery('slack', 'Ev1')]);
    expect(seen.filter(Boolean)).toHaveLength(1);
    await close();
  });

  it('counts a redelivered click once, whichever process gets it', async () => {
    const { a, b, close } = await twoReplicas(fresh());
    const creator = actor('M1');
    const result = await a.core.createPollFromText(creator, '"Q?" "A" "B" "C" --flere', { channelId: 'C1' });
    if (!result.ok) throw new Error('poll');
    const voter = actor('U2');
    // A multiple-choice click toggles, so only the delivery key tells a retry from a second click.
    await Promise.all([a.core.vote(voter, result.poll.id, 1, { dedupeKey: 'click-1' }), b.core.vote(voter, result.poll.id, 1, { dedupeKey: 'click-1' })]);
    const tally = await b.store.polls.tally(result.poll.id);
    expect(tally).toMatchObject({ counts: [0, 1, 0] });
    await close();
  });
});

describe('outbox claims across processes, interleaved on cue (SQLite)', () => {
  it('leaves alone a claim taken afresh after the expired one was read', async () => {
    const { a, b, clock, close } = twoSqliteReplicas();
    const [stale, live] = await queue(a.store, [dm(1), dm(2)], clock);
    await a.store.outbox.claim(stale!, 'crashed', clock(), new Date(clock().getTime() + 1000));
    await a.store.outbox.claim(live!, 'busy', clock(), new Date(clock().getTime() + 600_000));
    clock.advance(5000);
    // Between a's read and its update, b finds the stale message's send failed, puts it back and claims it again.
    const recovered = await a.store.outbox.recoverInterrupted(clock(), (owner) => {
      if (owner === 'busy') {
        b.store.db.prepare("UPDATE outbox SET status = 'pending', claimed_by = NULL, claimed_until = NULL WHERE id = ?").run(stale!);
        b.store.db.prepare("UPDATE outbox SET status = 'sending', claimed_by = 'b', claimed_until = ? WHERE id = ?").run(clock().getTime() + 60_000, stale!);
      }
      return false;
    });
    expect(recovered).toEqual([]);
    expect(await b.store.outbox.get(stale!)).toMatchObject({ status: 'sending' });
    await close();
  });
});
