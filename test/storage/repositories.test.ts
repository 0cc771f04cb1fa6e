import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../storage/index.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { castVote, type CastVote } from '../../src/usecases/cast-vote.ts';
import type { Store } from '../../src/ports/store.ts';

/** A vote as the use case casts it: decided by the core, in one of the store's units of work. */
const castVoteIn = (store: Store, v: CastVote) => store.unitOfWork.run((tx) => castVote(tx, v));

const now = new Date('2026-11-23T10:00:00Z');
const voterRef = { id: 'slack:T1:U9', platform: 'slack', workspaceId: 'T1', userId: 'U9', locale: 'nb' };

describe('SQLite repositories on a file', () => {
  const tmp = useTmpDir();
  const open = () => openSqliteStore(join(tmp(), 'r.db'));

  async function newPoll(store: ReturnType<typeof open>, multipleChoice = false) {
    return store.polls.create({
      question: 'Q?', options: ['A', 'B', 'C'], multipleChoice, anonymous: false, resultsVisibility: 'live', closesAt: null,
      audience: { kind: 'channel', platform: 'slack', workspaceId: 'T1', channelId: 'C1' }, creatorId: 'slack:T1:U1', workspaceKey: 'slack:T1', createdAt: now,
    });
  }

  it('round-trips a poll', async () => {
    const store = open();
    const poll = await newPoll(store);
    expect(await store.polls.get(poll.id)).toEqual(poll);
    expect(poll.audience).toEqual({ kind: 'channel', platform: 'slack', workspaceId: 'T1', channelId: 'C1' });
    store.close();
  });

  it('refuses a second option in a single-choice poll even if the code above tried', async () => {
    const store = open();
    const poll = await newPoll(store);
    await castVoteIn(store, { pollId: poll.id, voterKey: 'k', activityKey: 'a', minGroupSize: 5, option: 0, voter: voterRef, now });
    const insert = store.db.prepare("INSERT INTO votes (poll_id, voter_key, option, single, voted_at) VALUES (?, 'k', ?, 1, 0)");
    expect(() => insert.run(poll.id, 1)).toThrow(/UNIQUE/);
    expect(() => insert.run(poll.id, 0)).toThrow(/UNIQUE|PRIMARY/);
    store.close();
  });

  it('moves a vote in one transaction', async () => {
    const store = open();
    const poll = await newPoll(store);
    await castVoteIn(store, { pollId: poll.id, voterKey: 'k', activityKey: 'a', minGroupSize: 5, option: 0, voter: voterRef, now });
    const moved = await castVoteIn(store, { pollId: poll.id, voterKey: 'k', activityKey: 'a', minGroupSize: 5, option: 2, voter: voterRef, now });
    expect(moved).toMatchObject({ ok: true, change: 'moved', choices: [2] });
    expect(await store.polls.tally(poll.id)).toEqual({ counts: [0, 0, 1], voters: 1 });
    store.close();
  });

  it('sees what another connection committed (two processes on one file)', async () => {
    const path = join(tmp(), 'shared.db');
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    await a.members.add('slack:T1:U1', now);
    expect(await b.members.isMember('slack:T1:U1')).toBe(true);
    expect(await a.events.firstDelivery('slack', 'Ev1', now)).toBe(true);
    expect(await b.events.firstDelivery('slack', 'Ev1', now)).toBe(false);
    a.close();
    b.close();
  });

  it('refuses a replay for a week, and then forgets the delivery, so the records do not pile up', async () => {
    const store = open();
    const day = 24 * 3_600_000;
    const at = (days: number) => new Date(now.getTime() + days * day);
    expect(await store.events.firstDelivery('slack', 'EvOld', now)).toBe(true);
    expect(await store.events.firstDelivery('slack', 'EvOld', at(6))).toBe(false);
    expect(await store.events.firstDelivery('teams', 'a1', at(8))).toBe(true);
    const left = store.db.prepare('SELECT source, key FROM processed_events ORDER BY seen_at').all();
    expect(left).toEqual([{ source: 'teams', key: 'a1' }]);
    store.close();
  });

  it('keeps platform records by namespace and prefix', async () => {
    const store = open();
    await store.platformState.put('slack.poll_post', '1:C1:100.1', { ts: '100.1' }, now);
    await store.platformState.put('slack.poll_post', '1:C2:100.2', { ts: '100.2' }, now);
    await store.platformState.put('slack.poll_post', '10:C1:1', { ts: '1' }, now);
    await store.platformState.put('teams.conversation', '1:x', { id: 'x' }, now);
    expect((await store.platformState.list('slack.poll_post', '1:')).map((r) => r.key)).toEqual(['1:C1:100.1', '1:C2:100.2']);
    expect(await store.platformState.get('teams.conversation', '1:x')).toEqual({ id: 'x' });
    expect(await store.platformState.deletePrefix('slack.poll_post', '1:')).toBe(2);
    expect(await store.platformState.list('slack.poll_post', '')).toHaveLength(1);
    expect(await store.platformState.list('slack.poll_post', '%')).toHaveLength(0);
    store.close();
  });

  it('lists a workspace’s open polls and polls to everyone, not other workspaces’', async () => {
    const store = open();
    const mine = await newPoll(store);
    const everyone = await store.polls.create({ ...mine, audience: { kind: 'everyone' }, workspaceKey: 'teams:X' });
    await store.polls.create({ ...mine, workspaceKey: 'slack:T2' });
    expect((await store.polls.listOpen('slack:T1', now, 10)).map((p) => p.id).sort()).toEqual([mine.id, everyone.id].sort());
    store.close();
  });
});

describe('running tallies', () => {
  it('always equal a recount of the votes, whatever people click and delete (property)', async () => {
    const fc = (await import('fast-check')).default;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.oneof(fc.tuple(fc.constant('vote' as const), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 2 })), fc.tuple(fc.constant('forget' as const), fc.integer({ min: 0, max: 4 }), fc.constant(0))), { maxLength: 40 }),
        async (multipleChoice, steps) => {
          const store = openSqliteStore(':memory:');
          const poll = await store.polls.create({
            question: 'Q?', options: ['A', 'B', 'C'], multipleChoice, anonymous: false, resultsVisibility: 'live', closesAt: null,
            audience: { kind: 'everyone' }, creatorId: 'slack:T1:U1', workspaceKey: 'slack:T1', createdAt: now,
          });
          for (const [kind, voter, option] of steps) {
            if (kind === 'vote') await castVoteIn(store, { pollId: poll.id, voterKey: `v${voter}`, activityKey: `a${voter}`, minGroupSize: 5, option, voter: voterRef, now });
            else {
              const id = `slack:T1:v${voter}`;
              const keys = { id, workspaceId: 'T1', userId: `v${voter}`, named: `n${voter}`, anonymous: `x${voter}`, activity: `a${voter}`, voter: () => `v${voter}` };
              await store.privacy.forget(keys, { sealedIsTheirs: () => false, state: [] }, now);
            }
          }
          const recount = store.db.prepare('SELECT option, count(*) AS n FROM votes GROUP BY option').all() as { option: number; n: number }[];
          const expected = [0, 1, 2].map((o) => recount.find((r) => r.option === o)?.n ?? 0);
          const voters = (store.db.prepare('SELECT count(DISTINCT voter_key) AS n FROM votes').get() as { n: number }).n;
          expect(await store.polls.tally(poll.id)).toEqual({ counts: expected, voters });
          store.close();
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('group commit of votes', () => {
  it('commits votes that arrive together in one transaction, each answered on its own', async () => {
    const store = openSqliteStore(':memory:');
    const poll = await store.polls.create({
      question: 'Q?', options: ['A', 'B'], multipleChoice: false, anonymous: false, resultsVisibility: 'live', closesAt: null,
      audience: { kind: 'everyone' }, creatorId: 'slack:T1:U1', workspaceKey: 'slack:T1', createdAt: now,
    });
    const vote = (i: number, option: number) =>
      castVoteIn(store, { pollId: poll.id, voter: { ...voterRef, id: `slack:T1:U${i}`, userId: `U${i}` }, voterKey: `v${i}`, activityKey: `a${i}`, minGroupSize: 5, option, now });
    const results = await Promise.all([vote(1, 0), vote(2, 1), vote(3, 7), vote(4, 1)]);
    expect(results.map((r) => (r.ok ? r.choices : r.code))).toEqual([[0], [1], 'poll_bad_option', [1]]);
    expect(await store.polls.tally(poll.id)).toEqual({ counts: [1, 2], voters: 3 });
    store.close();
  });

  it('keeps going when one vote of a batch throws', async () => {
    const store = openSqliteStore(':memory:');
    const poll = await store.polls.create({
      question: 'Q?', options: ['A', 'B'], multipleChoice: false, anonymous: false, resultsVisibility: 'live', closesAt: null,
      audience: { kind: 'everyone' }, creatorId: 'slack:T1:U1', workspaceKey: 'slack:T1', createdAt: now,
    });
    // A vote the table refuses (no voter key) fails inside the batch after its voter was touched:
    // its savepoint is rolled back, the others commit.
    const bad = castVoteIn(store, { pollId: poll.id, voter: { ...voterRef, id: 'slack:T1:U3', userId: 'U3' }, voterKey: null as unknown as string, activityKey: 'a3', minGroupSize: 5, option: 0, now });
    const good = castVoteIn(store, { pollId: poll.id, voter: { ...voterRef, id: 'slack:T1:U2', userId: 'U2' }, voterKey: 'good', activityKey: 'a2', minGroupSize: 5, option: 1, now });
    await expect(bad).rejects.toThrow();
    await expect(good).resolves.toMatchObject({ ok: true, choices: [1] });
    expect(await store.polls.tally(poll.id)).toEqual({ counts: [0, 1], voters: 1 });
    expect(await store.participants.get('slack:T1:U3')).toBeNull();
    store.close();
  });
});

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

  it('rolls back every write of a work that fails, and only that work', async () => {
    const store = openSqliteStore(':memory:');
    const failing = store.unitOfWork.run(async (tx) => {
      await tx.participants.touch({ ...voterRef, now });
      await tx.activity.note('a9', { area: null, industry: null, sizeBand: null }, now);
      throw new Error('decided against it');
    });
    const fine = store.unitOfWork.run(async (tx) => tx.deliveries.claim('vote', 'k1', now));
    await expect(failing).rejects.toThrow('decided against it');
    await expect(fine).resolves.toBe(true);
    expect(await store.participants.get(voterRef.id)).toBeNull();
    expect(store.db.prepare('SELECT count(*) AS n FROM activity').get()).toEqual({ n: 0 });
    expect(await store.unitOfWork.run(async (tx) => tx.deliveries.claim('vote', 'k1', now))).toBe(false);
    store.close();
  });
});
