import { describe, expect, it } from 'vitest';
import type { Participant } from '../../src/domain/participant.ts';
import type { Poll } from '../../src/domain/poll.ts';
import type { TouchParticipant } from '../../src/ports/store.ts';
import type { Tx, VoteRow } from '../../src/ports/unit-of-work.ts';
import type { SegmentGroup } from '../../src/privacy/published.ts';
import { castVote, type CastVote } from '../../src/usecases/cast-vote.ts';

const now = new Date('2026-11-23T10:00:00Z');

/**
 * The persistence a vote's unit of work sees, kept in memory and logged in call order: what the
 * core tells storage to write, with no database, so the rules are read off the log.
 */
function memoryTx(poll: Poll, profile: Participant['profile'], groups: SegmentGroup[], choices: number[] = []) {
  const log: unknown[][] = [];
  const claimed = new Set<string>();
  const tx: Tx = {
    polls: {
      get: async (id) => (id === poll.id ? poll : null),
      addToTally: async (...a) => void log.push(['tally', ...a]),
      addVoters: async (...a) => void log.push(['voters', ...a]),
      edit: async (...a) => (log.push(['edit', ...a]), false),
      remove: async (...a) => (log.push(['remove', ...a]), false),
    },
    outbox: {
      sentRefs: async () => [],
      enqueue: async (...a) => (log.push(['enqueue', ...a]), []),
    },
    votes: {
      choices: async () => [...choices],
      insert: async (v: VoteRow) => void log.push(['insert', v]),
      delete: async (...a) => void log.push(['delete', ...a]),
    },
    participants: {
      touch: async (p: TouchParticipant) => {
        log.push(['touch', p.quiet ?? false]);
        return { id: p.id, platform: 'slack', workspaceId: p.workspaceId, userId: p.userId, locale: p.locale, profile, firstSeen: now, lastSeen: now };
      },
      segmentGroups: async () => groups,
    },
    deliveries: { claim: async (_source, key) => (claimed.has(key) ? false : (claimed.add(key), true)) },
    activity: { note: async (...a) => void log.push(['activity', ...a]) },
  };
  return { tx, log };
}

const poll = (over: Partial<Poll> = {}): Poll => ({
  id: 7, question: 'Q?', options: ['A', 'B', 'C'], multipleChoice: false, anonymous: false, resultsVisibility: 'live', closesAt: null, closedAt: null,
  audience: { kind: 'channel', platform: 'slack', workspaceId: 'T1', channelId: 'C1' }, creatorId: 'slack:T1:U1', workspaceKey: 'slack:T1', createdAt: now, ...over,
});
const click = (option: number, over: Partial<CastVote> = {}): CastVote => ({
  pollId: 7, voter: { id: 'slack:T1:U9', platform: 'slack', workspaceId: 'T1', userId: 'U9', locale: 'nb' }, voterKey: 'vk', activityKey: 'ak', minGroupSize: 5, option, now, ...over,
});
const full = { area: 'askim', industry: 'retail', sizeBand: 'solo' } as const;

describe('a vote, decided in the core (no database)', () => {
  it('tells storage to write the row, the count, one more voter and the activity, under the voter’s segment', async () => {
    const { tx, log } = memoryTx(poll(), full, []);
    expect(await castVote(tx, click(1))).toMatchObject({ ok: true, change: 'added', choices: [1] });
    expect(log).toEqual([
      ['touch', false],
      ['insert', { pollId: 7, voterKey: 'vk', option: 1, single: true, segment: full, votedAt: now }],
      ['tally', 7, 1, 1],
      ['voters', 7, 1],
      ['activity', 'ak', full, now],
    ]);
  });

  it('in an anonymous poll touches the voter quietly and keeps only the segment level enough people share', async () => {
    const groups = [{ area: 'askim', industry: 'retail', sizeBand: 'solo', count: 2 }, { area: 'askim', industry: 'retail', sizeBand: '2-9', count: 3 }];
    const { tx, log } = memoryTx(poll({ anonymous: true }), full, groups);
    await castVote(tx, click(0));
    const coarse = { area: 'askim', industry: 'retail', sizeBand: null };
    expect(log).toContainEqual(['touch', true]);
    expect(log).toContainEqual(['insert', expect.objectContaining({ segment: coarse })]);
    expect(log).toContainEqual(['activity', 'ak', coarse, now]);
  });

  it('moves a single-choice vote: the old row and count go, the voter count stays', async () => {
    const { tx, log } = memoryTx(poll(), null, [], [0]);
    expect(await castVote(tx, click(2))).toMatchObject({ ok: true, change: 'moved', choices: [2] });
    expect(log.filter((l) => l[0] !== 'touch' && l[0] !== 'activity')).toEqual([
      ['delete', 7, 'vk', [0]],
      ['tally', 7, 0, -1],
      ['insert', expect.objectContaining({ option: 2 })],
      ['tally', 7, 2, 1],
    ]);
  });

  it('ignores a replayed multiple-choice click instead of taking the option back', async () => {
    const { tx, log } = memoryTx(poll({ multipleChoice: true }), null, []);
    expect(await castVote(tx, click(1, { dedupeKey: () => 'd1' }))).toMatchObject({ change: 'added', duplicate: false });
    const writes = log.length;
    expect(await castVote(tx, click(1, { dedupeKey: () => 'd1' }))).toMatchObject({ change: 'unchanged', duplicate: true });
    expect(log.slice(writes)).toEqual([['touch', false]]);
  });

  it('makes the delivery hash only for a multiple-choice poll, the only kind a replay could change', async () => {
    const made: string[] = [];
    const key = (k: string) => () => (made.push(k), k);
    await castVote(memoryTx(poll(), null, []).tx, click(1, { dedupeKey: key('single') }));
    await castVote(memoryTx(poll({ multipleChoice: true }), null, []).tx, click(1, { dedupeKey: key('multiple') }));
    expect(made).toEqual(['multiple']);
  });

  it('refuses a channel poll of another workspace before touching anyone, and writes nothing for a closed poll', async () => {
    const other = memoryTx(poll(), null, []);
    expect(await castVote(other.tx, click(0, { voter: { id: 'slack:T2:U9', platform: 'slack', workspaceId: 'T2', userId: 'U9', locale: 'nb' } }))).toMatchObject({ ok: false, code: 'poll_other_workspace' });
    expect(other.log).toEqual([]);
    const closed = memoryTx(poll({ closedAt: now }), null, []);
    expect(await castVote(closed.tx, click(0))).toMatchObject({ ok: false, code: 'poll_closed' });
    expect(closed.log).toEqual([['touch', false]]);
  });
});
