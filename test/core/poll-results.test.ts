import { describe, expect, it } from 'vitest';
import type { Poll } from '../../src/domain/poll.ts';
import { digestPolls, exportedPolls, openDuring, type PollResult } from '../../src/polls/results.ts';

const at = (iso: string) => new Date(`2026-11-${iso}Z`);
const week = { start: at('16T00:00:00'), end: at('23T00:00:00') };

function poll(id: number, over: Partial<Poll> = {}): Poll {
  return {
    id, question: `Q${id}?`, options: ['A', 'B'], multipleChoice: false, anonymous: false, resultsVisibility: 'live',
    closesAt: null, closedAt: null, audience: { kind: 'everyone' }, creatorId: 'slack:T1:U1', workspaceKey: 'slack:T1',
    createdAt: at('10T00:00:00'), ...over,
  };
}
const result = (p: Poll, counts = [2, 1], voters = 3): PollResult => ({ poll: p, counts, voters });

describe('which polls a digest reports on (no database)', () => {
  it('takes a poll open at some moment of the period, and no other', () => {
    expect(openDuring(poll(1), week)).toBe(true);
    expect(openDuring(poll(2, { createdAt: week.end }), week)).toBe(false);
    expect(openDuring(poll(3, { closedAt: at('15T23:59:59') }), week)).toBe(false);
    expect(openDuring(poll(4, { closedAt: week.start }), week)).toBe(true);
    expect(openDuring(poll(5, { closesAt: at('15T12:00:00') }), week)).toBe(false);
    expect(openDuring(poll(6, { closesAt: at('20T12:00:00') }), week)).toBe(true);
  });

  it('leaves out a deleted poll, and a scheduled one not posted by the end of the period', () => {
    expect(openDuring(poll(1, { deletedAt: at('20T00:00:00'), question: '', options: [] }), week)).toBe(false);
    expect(openDuring(poll(2, { startsAt: at('24T09:00:00') }), week)).toBe(false);
    expect(openDuring(poll(3, { startsAt: at('20T09:00:00') }), week)).toBe(true);
    const polls = digestPolls([result(poll(4, { startsAt: at('20T09:00:00') }))], week);
    expect(polls.map((p) => [p.id, p.closed])).toEqual([[4, false]]);
  });

  it('reads each poll as it stood at the end of the period', () => {
    const polls = digestPolls(
      [
        result(poll(1, { closesAt: at('20T12:00:00'), resultsVisibility: 'after_close' })),
        result(poll(2, { resultsVisibility: 'after_close', anonymous: true, audience: { kind: 'channel', platform: 'slack', workspaceId: 'T1', channelId: 'C1' } })),
        result(poll(3, { closedAt: at('01T00:00:00') })),
      ],
      week,
    );
    expect(polls.map((p) => [p.id, p.closed, p.hiddenUntilClose, p.everyone, p.anonymous])).toEqual([
      [1, true, false, true, false],
      [2, false, true, false, true],
    ]);
    expect(polls[0]).toMatchObject({ counts: [2, 1], voters: 3, options: ['A', 'B'] });
  });
});

describe('which polls are public (no database)', () => {
  const now = at('23T00:00:00');

  it('leaves out a poll that shows its results only after closing while it is open', () => {
    const hidden = poll(1, { resultsVisibility: 'after_close' });
    expect(exportedPolls([result(hidden)], now)).toEqual([]);
    expect(exportedPolls([result({ ...hidden, closedAt: at('22T00:00:00') })], now)).toEqual([
      { id: 1, question: 'Q1?', closed: true, anonymous: false, voters: 3, createdAt: '2026-11-10T00:00:00.000Z', options: [{ label: 'A', votes: 2 }, { label: 'B', votes: 1 }] },
    ]);
  });

  it('shows no deleted poll, and no scheduled poll before it is posted, and calls neither closed', () => {
    const deleted = poll(3, { deletedAt: at('20T00:00:00'), question: '', options: [] });
    const scheduled = poll(4, { startsAt: at('24T09:00:00') });
    expect(exportedPolls([result(deleted, [], 0), result(scheduled, [0, 0], 0)], now)).toEqual([]);
    expect(exportedPolls([result(scheduled, [0, 0], 0)], at('24T10:00:00'))).toMatchObject([{ id: 4, closed: false }]);
  });

  it('shows a live poll with its counts while it is open', () => {
    expect(exportedPolls([result(poll(2, { anonymous: true }), [0, 4], 4)], now)).toEqual([
      { id: 2, question: 'Q2?', closed: false, anonymous: true, voters: 4, createdAt: '2026-11-10T00:00:00.000Z', options: [{ label: 'A', votes: 0 }, { label: 'B', votes: 4 }] },
    ]);
  });
});
