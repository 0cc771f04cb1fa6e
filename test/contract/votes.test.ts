import { expect, it } from 'vitest';
import fc from 'fast-check';
import type { Tx } from '../../src/ports/unit-of-work.ts';
import { contract } from './stores.ts';
import { castVoteIn, DAY, later, message, noHooks, now, personKeys, pollInput, vote } from './fixtures.ts';
import { OPERATOR_ID } from '../../src/domain/follow-up.ts';
import { coreOn, fakeClock } from '../helpers/core.ts';

contract('polls and votes', (fresh) => {
  it('round-trips a poll', async () => {
    const store = await fresh().open();
    const poll = await store.polls.create(pollInput());
    expect(await store.polls.get(poll.id)).toEqual(poll);
    expect(poll.audience).toEqual({ kind: 'channel', platform: 'slack', workspaceId: 'T1', channelId: 'C1' });
    expect(await store.polls.get(poll.id + 1)).toBeNull();
  });

  it('refuses a second option in a single-choice poll even if the code above tried', async () => {
    const db = fresh();
    const store = await db.open();
    const poll = await store.polls.create(pollInput());
    await castVoteIn(store, vote(poll.id, 1, 0));
    const insert = (option: number) => db.sql("INSERT INTO votes (poll_id, voter_key, option, single, voted_at) VALUES (?, 'v1', ?, 1, 0)", poll.id, option);
    await expect(insert(1)).rejects.toThrow(/UNIQUE|unique/);
    await expect(insert(0)).rejects.toThrow(/UNIQUE|PRIMARY|unique/);
  });

  it('moves a vote in one transaction', async () => {
    const store = await fresh().open();
    const poll = await store.polls.create(pollInput());
    await castVoteIn(store, vote(poll.id, 1, 0));
    expect(await castVoteIn(store, vote(poll.id, 1, 2))).toMatchObject({ ok: true, change: 'moved', choices: [2] });
    expect(await store.polls.tally(poll.id)).toEqual({ counts: [0, 0, 1], voters: 1 });
    expect(await store.polls.choices(poll.id, 'v1')).toEqual([2]);
  });

  it('answers a click on a missing poll, a bad option and a closed poll without storing anything', async () => {
    const store = await fresh().open();
    const poll = await store.polls.create(pollInput());
    expect(await castVoteIn(store, vote(poll.id + 5, 1, 0))).toMatchObject({ ok: false, code: 'poll_not_found' });
    expect(await castVoteIn(store, vote(poll.id, 1, 7))).toMatchObject({ ok: false, code: 'poll_bad_option' });
    await store.polls.setClosed(poll.id, now, now);
    expect(await castVoteIn(store, vote(poll.id, 1, 0))).toMatchObject({ ok: false, code: 'poll_closed' });
    expect(await store.polls.tally(poll.id)).toEqual({ counts: [0, 0, 0], voters: 0 });
    const reopened = await store.polls.setClosed(poll.id, null, now);
    expect(reopened?.closedAt).toBeNull();
  });

  it('counts a replayed multiple-choice click once (the delivery id is its key)', async () => {
    const store = await fresh().open();
    const poll = await store.polls.create(pollInput({ multipleChoice: true }));
    expect(await castVoteIn(store, vote(poll.id, 1, 1, { dedupeKey: () => 'slack:T1:U1:click-1' }))).toMatchObject({ ok: true, change: 'added', duplicate: false });
    expect(await castVoteIn(store, vote(poll.id, 1, 1, { dedupeKey: () => 'slack:T1:U1:click-1' }))).toMatchObject({ ok: true, change: 'unchanged', duplicate: true, choices: [1] });
    expect(await store.polls.tally(poll.id)).toEqual({ counts: [0, 1, 0], voters: 1 });
  });

  it('lists a workspace’s open polls and polls to everyone, not other workspaces’', async () => {
    const store = await fresh().open();
    const mine = await store.polls.create(pollInput());
    const everyone = await store.polls.create(pollInput({ audience: { kind: 'everyone' }, workspaceKey: 'teams:X' }));
    await store.polls.create(pollInput({ workspaceKey: 'slack:T2' }));
    expect((await store.polls.listOpen('slack:T1', now, 10)).map((p) => p.id).sort()).toEqual([mine.id, everyone.id].sort());
    await castVoteIn(store, vote(everyone.id, 1, 2));
    expect((await store.polls.votesBy(() => 'v1')).map((v) => [v.poll.id, v.choices])).toEqual([[everyone.id, [2]]]);
  });

  it('queues a poll to everyone with the poll, once per recipient', async () => {
    const store = await fresh().open();
    const recipient = { platform: 'slack' as const, workspaceId: 'T1', recipient: { kind: 'user' as const, userId: 'U2' }, label: 'slack:T1:U2' };
    const poll = await store.polls.create(pollInput({ audience: { kind: 'everyone' }, broadcast: [recipient, recipient] }));
    expect((await store.outbox.due(now, 10)).map((m) => [m.dedupeKey, m.payload])).toEqual([[`poll:${poll.id}:slack:T1:U2`, { type: 'poll', pollId: poll.id }]]);
  });

  it('keeps running tallies equal to a recount of the votes, whatever people click and erase (property)', async () => {
    const db = fresh();
    const store = await db.open();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.tuple(fc.constantFrom('vote' as const, 'vote' as const, 'forget' as const), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 2 })), { maxLength: 25 }),
        async (multipleChoice, steps) => {
          run += 1;
          const poll = await store.polls.create(pollInput({ multipleChoice, audience: { kind: 'everyone' } }));
          // People of this run only: an erasure finds a person's votes in every poll.
          const person = (i: number) => 1000 * run + i;
          for (const [kind, i, option] of steps) {
            if (kind === 'vote') await castVoteIn(store, vote(poll.id, person(i), option));
            else await store.privacy.forget(personKeys(person(i)), noHooks, now);
          }
          const recount = await db.sql<{ option: number; n: number }>('SELECT option, count(*) AS n FROM votes WHERE poll_id = ? GROUP BY option', poll.id);
          const [voters] = await db.sql<{ n: number }>('SELECT count(DISTINCT voter_key) AS n FROM votes WHERE poll_id = ?', poll.id);
          expect(await store.polls.tally(poll.id)).toEqual({ counts: [0, 1, 2].map((o) => recount.find((r) => r.option === o)?.n ?? 0), voters: voters!.n });
        },
      ),
      { numRuns: 40 },
    );
  });
});

contract('votes at the same time', (fresh) => {
  it('counts every concurrent vote once, from several connections, with replays among them', async () => {
    const db = fresh();
    const [a, b] = [await db.open(), await db.open()];
    const poll = await a.polls.create(pollInput({ multipleChoice: true, audience: { kind: 'everyone' } }));
    const clicks = Array.from({ length: 30 }, (_, i) => ({ i, option: i % 3 }));
    // Each click arrives twice (a platform retry), once on each connection, all at once.
    const results = await Promise.all(
      clicks.flatMap(({ i, option }) => [a, b].map((store) => castVoteIn(store, vote(poll.id, i, option, { dedupeKey: () => `slack:T1:U${i}:c1` })))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.duplicate)).toHaveLength(30);
    expect(await a.polls.tally(poll.id)).toEqual({ counts: [10, 10, 10], voters: 30 });
  });

  it('answers each vote of a burst on its own: one refused takes no other with it', async () => {
    const store = await fresh().open();
    const poll = await store.polls.create(pollInput({ options: ['A', 'B'], audience: { kind: 'everyone' } }));
    const results = await Promise.all([castVoteIn(store, vote(poll.id, 1, 0)), castVoteIn(store, vote(poll.id, 2, 1)), castVoteIn(store, vote(poll.id, 3, 7)), castVoteIn(store, vote(poll.id, 4, 1))]);
    expect(results.map((r) => (r.ok ? r.choices : r.code))).toEqual([[0], [1], 'poll_bad_option', [1]]);
    expect(await store.polls.tally(poll.id)).toEqual({ counts: [1, 2], voters: 3 });
  });

  it('keeps going when one vote of a burst throws, and leaves nothing of it behind', async () => {
    const store = await fresh().open();
    const poll = await store.polls.create(pollInput({ options: ['A', 'B'], audience: { kind: 'everyone' } }));
    // A vote the table refuses (no voter key) fails after its voter was touched: that is rolled back, the other commits.
    const bad = castVoteIn(store, vote(poll.id, 3, 0, { voterKey: null as unknown as string }));
    const good = castVoteIn(store, vote(poll.id, 2, 1));
    await expect(bad).rejects.toThrow();
    await expect(good).resolves.toMatchObject({ ok: true, choices: [1] });
    expect(await store.polls.tally(poll.id)).toEqual({ counts: [0, 1], voters: 1 });
    expect(await store.participants.get('slack:T1:U3')).toBeNull();
  });
});

contract('units of work', (fresh) => {
  it('rolls back every write of a work that fails, and only that work', async () => {
    const store = await fresh().open();
    const voter = { id: 'slack:T1:U9', platform: 'slack', workspaceId: 'T1', userId: 'U9', locale: 'nb', now };
    const failing = store.unitOfWork.run(async (tx) => {
      await tx.participants.touch(voter);
      await tx.activity.note('a9', { area: null, industry: null, sizeBand: null }, now);
      throw new Error('decided against it');
    });
    const fine = store.unitOfWork.run(async (tx) => tx.deliveries.claim('vote', 'k1', now));
    await expect(failing).rejects.toThrow('decided against it');
    await expect(fine).resolves.toBe(true);
    expect(await store.participants.get(voter.id)).toBeNull();
    expect(await store.unitOfWork.run(async (tx) => tx.deliveries.claim('vote', 'k1', now))).toBe(false);
  });
});

contract('poll plans: series, rounds, edit and delete', (fresh) => {
  it('starts each round of a series once, from whichever connection gets there first', async () => {
    const db = fresh();
    const [a, b] = [await db.open(), await db.open()];
    const next = later(DAY);
    const first = await a.polls.create(pollInput({ series: { cron: '0 9 * * 1', nextAt: next, closeAfterMs: null, remindAfterMs: [] } }));
    expect(first).toMatchObject({ round: 1 });
    expect(await a.polls.dueSeries(now)).toEqual([]);
    const [due] = await a.polls.dueSeries(next);
    expect(due).toMatchObject({ cron: '0 9 * * 1', rounds: 1, nextAt: next, first: { id: first.id } });
    const round = { seriesId: due!.id, expectedNextAt: next, nextAt: later(8 * DAY), startsAt: next, closesAt: null, createdAt: next };
    const started = await Promise.all([a.polls.startRound(round), b.polls.startRound(round)]);
    expect(started.filter((p) => p !== null)).toHaveLength(1);
    expect((await b.polls.rounds(due!.id)).map((p) => [p.round, p.question])).toEqual([
      [1, first.question],
      [2, first.question],
    ]);
    expect(await a.polls.dueSeries(next)).toEqual([]);
  });

  it('edits a poll only while no one has voted, and deletes one with its votes and waiting posts', async () => {
    const store = await fresh().open();
    const poll = await store.polls.create(pollInput({ broadcast: [{ platform: 'slack', workspaceId: 'T1', recipient: { kind: 'user', userId: 'U5' }, label: 'slack:T1:U5' }], startsAt: later(DAY) }));
    const edit = (question: string, options: string[]) => store.unitOfWork.run((tx) => tx.polls.edit(poll.id, question, options));
    const remove = (at: Date) => store.unitOfWork.run((tx) => tx.polls.remove(poll.id, at));
    expect(await store.polls.listOpen('slack:T1', now, 10)).toEqual([]);
    expect(await edit('Ny?', ['X', 'Y'])).toBe(true);
    expect(await store.polls.get(poll.id)).toMatchObject({ question: 'Ny?', options: ['X', 'Y'] });
    await castVoteIn(store, vote(poll.id, 1, 0, { now: later(2 * DAY) }));
    expect(await edit('Igjen?', ['X', 'Y'])).toBe(false);
    expect(await store.polls.get(poll.id)).toMatchObject({ question: 'Ny?' });
    expect((await store.outbox.list(['pending'], 10)).map((m) => m.payload.type)).toEqual(['poll']);
    expect(await remove(later(3 * DAY))).toBe(true);
    expect(await store.polls.get(poll.id)).toMatchObject({ question: '', options: [], deletedAt: later(3 * DAY) });
    expect(await store.polls.tally(poll.id)).toEqual({ counts: [], voters: 0 });
    expect(await store.outbox.list(['pending'], 10)).toEqual([]);
    expect(await remove(later(4 * DAY))).toBe(false);
    expect(await edit('Q', ['A', 'B'])).toBe(false);
  });

  it('undoes an edit or a delete whose unit of work fails', async () => {
    const store = await fresh().open();
    const poll = await store.polls.create(pollInput());
    const failing = (change: (tx: Tx) => Promise<boolean>) =>
      expect(
        store.unitOfWork.run(async (tx) => {
          expect(await change(tx)).toBe(true);
          throw new Error('failed after the change');
        }),
      ).rejects.toThrow('failed after the change');
    await failing((tx) => tx.polls.edit(poll.id, 'Ny?', ['X', 'Y']));
    await failing((tx) => tx.polls.remove(poll.id, later(DAY)));
    expect(await store.polls.get(poll.id)).toEqual(poll);
  });

  it('queues the update of every posted copy with the edit and with the delete, in their transaction', async () => {
    const store = await fresh().open();
    const { core } = coreOn(store, { clock: fakeClock(now) });
    const poll = await store.polls.create(pollInput());
    const operator = { id: OPERATOR_ID } as const;
    // A Teams card posted as the answer in a turn, kept with the outbox's sent polls.
    const thread = { kind: 'channel' as const, channelId: '19:c@thread.tacv2;messageid=5' };
    await store.outbox.recordSent(message('posted', { platform: 'teams', workspaceId: 'tenant', recipient: thread, payload: { type: 'poll', pollId: poll.id } }), 'act-1', now);
    const refreshes = async () =>
      (await store.outbox.list(['pending'], 10)).map((m) => [m.platform, m.workspaceId, m.recipient, m.payload]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const expected = [
      ['slack', 'T1', { kind: 'workspace' }, { type: 'poll_refresh', pollId: poll.id }],
      ['teams', 'tenant', thread, { type: 'poll_refresh', pollId: poll.id, activityId: 'act-1' }],
    ];

    expect(await core.pollPlans.edit(operator, poll.id, 'Ny?', ['X', 'Y'])).toMatchObject({ ok: true, poll: { question: 'Ny?', options: ['X', 'Y'] } });
    expect(await refreshes()).toEqual(expected);
    expect(await core.pollPlans.delete(operator, poll.id)).toMatchObject({ question: '', deletedAt: now });
    // Each change queues its own: the delete's go beside the edit's, none taken for the other.
    expect(await refreshes()).toEqual([expected[0], expected[0], expected[1], expected[1]]);
    // A refused change queues nothing.
    await expect(core.pollPlans.delete(operator, poll.id)).rejects.toThrow();
    expect(await refreshes()).toHaveLength(4);
  });
});
