import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { homeView } from '../../adapters/slack/render/home.ts';
import { mineMessage } from '../../adapters/slack/render/messages.ts';
import { renderPollMessage } from '../../adapters/slack/render/poll.ts';
import { escapeMrkdwn } from '../../adapters/slack/render/text.ts';
import { hostile, noLiveMarkup } from './blocks.ts';
import type { Poll } from '../../src/domain/poll.ts';
import type { Suggestion } from '../../src/domain/suggestion.ts';

const poll = (question: string, options: string[]): Poll => ({
  id: 42,
  question,
  options,
  audience: { kind: 'channel', platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
  creatorId: 'slack:T1:U1',
  workspaceKey: 'slack:T1',
  createdAt: new Date(0),
  closedAt: null,
  closesAt: null,
  multipleChoice: false,
  anonymous: false,
  resultsVisibility: 'live',
});

const suggestion = (id: number, text: string): Suggestion => ({
  id,
  workspaceKey: 'slack:T1',
  topic: 'other',
  text,
  anonymous: false,
  publishable: false,
  createdAt: new Date(0),
  segment: { area: null, industry: null, sizeBand: null },
  companyName: null,
  status: 'new',
  senderId: 'slack:T1:U1',
  approvedAt: null,
  progress: 'received',
  statusNote: null,
  progressAt: null,
  topicProposed: false,
});

describe('Slack rendering', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('a & b <!here> <@U1> <https://x|y> *bold*')).toBe('a &amp; b &lt;!here&gt; &lt;@U1&gt; &lt;https://x|y&gt; *bold*');
  });

  it('keeps any poll within Block Kit limits with no live mentions or links', () => {
    fc.assert(
      fc.property(hostile(60), fc.array(hostile(12), { minLength: 2, maxLength: 10 }), fc.array(fc.nat(10_000), { minLength: 10, maxLength: 10 }), (q, opts, counts) => {
        const p = poll(q.slice(0, 300), opts.map((o) => o.slice(0, 75)));
        const view = { poll: p, tally: { counts: counts.slice(0, p.options.length), voters: 5 }, voters: 5, open: true };
        for (const locale of ['nb', 'en'] as const) {
          const { blocks, text } = renderPollMessage(view, locale, 'Europe/Oslo');
          expect(blocks.length).toBeLessThanOrEqual(50);
          expect(text).not.toMatch(/<|>/);
          noLiveMarkup(blocks);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps `mine` and App Home within limits however many and long the suggestions are', () => {
    fc.assert(
      fc.property(fc.array(hostile(400), { maxLength: 120 }), (bodies) => {
        const list = bodies.map((b, i) => suggestion(i + 1, b || 'x'));
        const mine = mineMessage({ suggestions: list, votes: [] }, 'nb', 'Europe/Oslo');
        expect(mine.blocks.length).toBeLessThanOrEqual(50);
        noLiveMarkup(mine.blocks);
        const polls = list.slice(0, 60).map((s) => poll(s.text.slice(0, 300) || 'q', ['a', 'b']));
        const home = homeView({ suggestions: list, polls, locale: 'en', timeZone: 'Europe/Oslo' });
        expect(home.blocks.length).toBeLessThanOrEqual(100);
        noLiveMarkup(home.blocks);
        if (list.length > 15) expect(JSON.stringify(home.blocks)).toContain(`and ${list.length - 15} more`);
      }),
      { numRuns: 60 },
    );
  });
});
