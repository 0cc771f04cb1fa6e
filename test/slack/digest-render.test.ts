import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIGEST_ACTIONS, DIGEST_BUDGET, renderDigest, textLength } from '../../adapters/slack/render/digest.ts';
import { seeAllModal } from '../../adapters/slack/render/see-all.ts';
import { ACTIONS } from '../../adapters/slack/render/poll.ts';
import { parseMenuValue, parseSeeAllValue } from '../../adapters/slack/parse.ts';
import { buildDigest } from '../../src/digest/build.ts';
import type { DigestInput, DigestSuggestion } from '../../src/digest/model.ts';
import { AREAS, INDUSTRIES, SIZE_BANDS } from '../../src/domain/participant.ts';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';
import { hostile, noLiveMarkup } from './blocks.ts';

const period = { start: new Date('2026-11-16T07:00:00Z'), end: new Date('2026-11-23T07:00:00Z') };
const order = { topics: [...DEFAULT_TOPICS, 'a&<b>'], areas: AREAS, industries: INDUSTRIES, sizes: SIZE_BANDS, minGroupSize: 5 };

const suggestion = (id: number, topic: string, text: string, o: Partial<DigestSuggestion> = {}): DigestSuggestion => ({
  id,
  topic,
  text,
  anonymous: false,
  companyName: null,
  segment: { area: 'askim', industry: null, sizeBand: '2-9' },
  createdAt: new Date(period.start.getTime() + id * 60_000),
  ...o,
});

/** A digest model as the builder makes it from what storage hands over. */
const digestOf = (suggestions: DigestSuggestion[], o: Partial<DigestInput> = {}) => {
  const counts = new Map<string, number>();
  for (const s of suggestions) counts.set(s.topic, (counts.get(s.topic) ?? 0) + 1);
  return buildDigest(
    {
      period,
      suggestions,
      topicCounts: counts,
      previousTopicCounts: new Map(),
      topicAreas: [...counts].map(([topic, count]) => ({ topic, area: 'askim', count })),
      segmentGroups: [],
      polls: [],
      participation: { participants: 0, byArea: new Map(), byIndustry: new Map(), bySize: new Map() },
      totals: { suggestions: suggestions.length, votes: 0, participants: 9 },
      previous: null,
      ...o,
    },
    order,
  );
};

/** Every interactive element of a kind across the parts, in order. */
const elements = (parts: { blocks: unknown[] }[], actionId: string) =>
  parts.flatMap((p) => p.blocks).flatMap((b: any) => [b.accessory, ...(b.elements ?? [])]).filter((e: any) => e?.action_id === actionId);

const withinBudget = (parts: { text: string; blocks: unknown[] }[]) => {
  for (const part of parts) {
    expect(part.blocks.length).toBeLessThanOrEqual(DIGEST_BUDGET.blocks);
    expect(textLength(part.blocks)).toBeLessThanOrEqual(DIGEST_BUDGET.text);
    expect(part.text).not.toMatch(/<|>/);
    noLiveMarkup(part.blocks);
  }
};

describe('Slack digest rendering', () => {
  it('opens with what needs a member, each with its button, then the topics with "see all"', () => {
    const digest = digestOf(
      [
        suggestion(7, 'place', 'Ring meg på 912 34 567 <!channel> & takk', { companyName: 'Bakeri <AS>' }),
        suggestion(8, 'place', 'Ny bro over Glomma', { anonymous: true }),
        suggestion(9, 'growth', 'Et gründerhus i Askim'),
      ],
      {
        polls: [{ id: 1, question: 'Passer tirsdag?', closed: false, everyone: true, anonymous: false, hiddenUntilClose: false, multipleChoice: true, closesAt: new Date(period.end.getTime() + 86_400_000), voters: 4, counts: [3, 2], options: ['Ja', 'Nei'] }],
      },
    );
    const [part, ...rest] = renderDigest(digest, 'nb', 'Europe/Oslo');
    expect(rest).toEqual([]);
    const blocks = part!.blocks as any[];
    expect(blocks[0].type).toBe('header');
    const all = JSON.stringify(blocks);
    expect(all.indexOf('Trenger deg (2)')).toBeLessThan(all.indexOf('Tema denne uken'));
    expect(all).toContain('Ring meg på 912 34 567 &lt;!channel&gt; &amp; takk');
    expect(all).toContain('vil bli kontaktet, har oppgitt telefonnummer');
    expect(elements([part!], DIGEST_ACTIONS.reply).map((b: any) => b.value)).toEqual(['7']);
    expect(elements([part!], ACTIONS.close).map((b: any) => b.value)).toEqual(['1']);
    expect(elements([part!], DIGEST_ACTIONS.seeAll).map((b: any) => parseSeeAllValue(b.value)?.topic)).toEqual(['growth', 'place']);
    expect(all).toContain('75 % av færre enn 5 som stemte (3 stemmer)');
    expect(all).toContain('50 % av færre enn 5 som stemte (2 stemmer)');
    withinBudget([part!]);

    const en = JSON.stringify(renderDigest(digest, 'en', 'Europe/Oslo'));
    expect(en).toContain('Reply to sender');
    expect(en).toContain('75% of fewer than 5 voters (3 votes)');
  });

  it('sends a short note in a quiet week', () => {
    const parts = renderDigest(digestOf([], { totals: { suggestions: 0, votes: 0, participants: 0 } }), 'en', 'UTC');
    expect(parts).toHaveLength(1);
    expect(JSON.stringify(parts[0]!.blocks)).toContain('No new suggestions or votes this period.');
    expect(JSON.stringify(parts[0]!.blocks)).toContain('Nothing is waiting for the project group this week.');
  });

  it('keeps any summary within the budget with no live markup, and a see-all button per topic', () => {
    const weeks = fc
      .array(fc.tuple(fc.constantFrom('place', 'growth', 'a&<b>'), hostile(300), fc.boolean(), fc.option(hostile(20))), { maxLength: 120 })
      .map((items) => items.map(([topic, text, anonymous, company], i) => suggestion(i + 1, topic, text || 'x', { anonymous, companyName: company })));
    fc.assert(
      fc.property(weeks, fc.constantFrom('nb' as const, 'en' as const), (list, locale) => {
        const digest = digestOf(list);
        const parts = renderDigest(digest, locale, 'Europe/Oslo');
        withinBudget(parts);
        expect(elements(parts, DIGEST_ACTIONS.seeAll)).toHaveLength(digest.themes.length + digest.attention.slice(0, 10).filter((a) => a.kind === 'similar').length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('Slack see-all page', () => {
  const target = { topic: 'place', start: period.start.getTime(), end: period.end.getTime(), count: 120, page: 1 };

  it('lists one line per suggestion with its "…" menu, the range and both page buttons, within a view’s limits', () => {
    const page = Array.from({ length: 50 }, (_, i) => suggestion(51 + i, 'place', `Forslag <!here> ${i} ${'lang tekst '.repeat(i === 0 ? 100 : 1)}`, { anonymous: i % 2 === 0 }));
    const view = seeAllModal('en', 'Europe/Oslo', target, page);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    noLiveMarkup(view.blocks);
    const text = JSON.stringify(view);
    expect(text).toContain('Showing 51–100 of 120');
    expect(text).toContain('Forslag &lt;!here&gt; 0');
    const menus = elements([view], DIGEST_ACTIONS.more) as any[];
    expect(menus).toHaveLength(50);
    expect(menus[0].type).toBe('overflow');
    expect(menus[0].options.map((o: any) => [o.text.text, parseMenuValue(o.value)])).toEqual([
      ['Reply to sender', { kind: 'reply', suggestionId: 51 }],
      ['Show the whole text', { kind: 'full', suggestionId: 51 }],
    ]);
    expect(elements([view], DIGEST_ACTIONS.reply)).toEqual([]);
    // One line: the long first text is cut short, the whole of it one click away.
    expect((view.blocks[2] as any).text.text.length).toBeLessThan(260);
    expect(elements([view], DIGEST_ACTIONS.previous).map((b: any) => parseSeeAllValue(b.value)?.page)).toEqual([0]);
    expect(elements([view], DIGEST_ACTIONS.next).map((b: any) => parseSeeAllValue(b.value)?.page)).toEqual([2]);
    expect(Buffer.byteLength(text)).toBeLessThan(250_000);
  });

  it('says so when a page is empty', () => {
    const view = seeAllModal('en', 'Europe/Oslo', { ...target, page: 2 }, []);
    expect(JSON.stringify(view)).toContain('No more suggestions on this topic in the period.');
    expect(elements([view], DIGEST_ACTIONS.next)).toEqual([]);
  });
});

describe('Slack digest in parts', () => {
  it('splits a summary too long for one message, each part within the limits and opening with the title', () => {
    // Sixty long messages to the group on sixty topics an operator made up: more than 50 blocks.
    const list = Array.from({ length: 60 }, (_, i) => suggestion(i + 1, `tema ${i + 1}`, `Kan dere svare? ${'Lang tekst om saken & mer. '.repeat(110)}`));
    const parts = renderDigest(digestOf(list), 'nb', 'Europe/Oslo');
    expect(parts.length).toBeGreaterThan(1);
    withinBudget(parts);
    parts.forEach((p, i) => {
      expect((p.blocks[0] as any).type).toBe('header');
      expect(JSON.stringify(p.blocks.at(-1))).toContain(`Del ${i + 1} av ${parts.length}`);
    });
    expect(elements(parts, DIGEST_ACTIONS.reply).map((b: any) => Number(b.value))).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });
});
