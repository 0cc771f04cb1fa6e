import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIGEST_ACTIONS, DIGEST_BUDGET, renderDigest, textLength } from '../../adapters/slack/render/digest.ts';
import { seeAllModal } from '../../adapters/slack/render/see-all.ts';
import { parseSeeAllValue } from '../../adapters/slack/parse.ts';
import type { DigestModel, DigestSuggestion } from '../../src/digest/model.ts';
import { hostile, noLiveMarkup, texts } from './blocks.ts';

const period = { start: new Date('2026-11-16T07:00:00Z'), end: new Date('2026-11-23T07:00:00Z') };

const suggestion = (id: number, topic: string, text: string, o: Partial<DigestSuggestion> = {}): DigestSuggestion => ({
  id,
  topic,
  text,
  anonymous: false,
  companyName: null,
  segment: { area: 'askim', industry: null, sizeBand: '2-9' },
  createdAt: new Date('2026-11-20T10:00:00Z'),
  ...o,
});

const model = (topics: DigestModel['topics'], o: Partial<DigestModel> = {}): DigestModel => ({
  period,
  totals: { suggestions: { value: 12, delta: 3 }, votes: { value: 40, delta: -5 }, participants: { value: 9, delta: null } },
  topics,
  polls: [],
  participation: { byArea: [], byIndustry: [], bySize: [] },
  empty: false,
  ...o,
});

/** Every button of a kind across the parts, in order. */
const buttons = (parts: { blocks: unknown[] }[], actionId: string) =>
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
  it('shows the period, figures with change, suggestions with tags and buttons, polls with bars and participation', () => {
    const digest = model(
      [
        { topic: 'place', count: 3, suggestions: [suggestion(7, 'place', 'Bedre <!channel> parkering & lys', { companyName: 'Bakeri <AS>' }), suggestion(8, 'place', 'Ny bro', { anonymous: true })] },
      ],
      {
        polls: [{ id: 1, question: 'Passer tirsdag?', closed: true, everyone: true, voters: 4, options: [{ label: 'Ja', count: 3, share: 0.75 }, { label: 'Nei', count: 1, share: 0.25 }] }],
        participation: { byArea: [{ key: 'askim', count: 6, share: 0.6 }, { key: null, count: 4, share: 0.4 }], byIndustry: [{ key: 'retail', count: 10, share: 1 }], bySize: [] },
      },
    );
    const [part, ...rest] = renderDigest(digest, 'nb', 'Europe/Oslo');
    expect(rest).toEqual([]);
    const all = JSON.stringify(part!.blocks);
    expect((part!.blocks[0] as any).type).toBe('header');
    expect((part!.blocks[0] as any).text.text).toMatch(/ukesoppsummering 16\. nov\. 2026–23\. nov\. 2026/);
    expect(all).toContain('+3 fra forrige periode');
    expect(all).toContain('−5 fra forrige periode');
    expect(all).toContain('ingen forrige periode');
    expect(all).toContain('Bedre &lt;!channel&gt; parkering &amp; lys');
    expect(all).toContain('Bakeri &lt;AS&gt; · Askim');
    expect(all).toContain('anonym · Askim');
    expect(all).toContain('`████████░░` 75 %');
    expect(all).toContain('Etter område');
    expect(buttons([part!], DIGEST_ACTIONS.reply).map((b: any) => [b.value, b.text.text])).toEqual([['7', 'Svar avsender'], ['8', 'Svar avsender']]);
    const [seeAll] = buttons([part!], DIGEST_ACTIONS.seeAll) as any[];
    expect(seeAll.text.text).toBe('Se alle');
    expect(parseSeeAllValue(seeAll.value)).toEqual({ topic: 'place', start: period.start.getTime(), end: period.end.getTime(), count: 3, page: 0 });
    expect(all).toContain('… og 1 til');
    withinBudget([part!]);

    const en = JSON.stringify(renderDigest(digest, 'en', 'Europe/Oslo'));
    expect(en).toContain('Reply to sender');
    expect(en).toContain('See all');
    expect(en).toContain('+3 from the previous period');
  });

  it('lists every suggestion when the topic has no more, so no see-all button', () => {
    const parts = renderDigest(model([{ topic: 'other', count: 1, suggestions: [suggestion(1, 'other', 'x')] }]), 'en', 'UTC');
    expect(buttons(parts, DIGEST_ACTIONS.seeAll)).toEqual([]);
  });

  it('sends a short note in a quiet week', () => {
    const parts = renderDigest(model([], { empty: true }), 'en', 'UTC');
    expect(parts).toHaveLength(1);
    expect(JSON.stringify(parts[0]!.blocks)).toContain('No new suggestions or votes this period.');
  });

  it('splits a long digest into parts within the limits, each suggestion exactly once, in order', () => {
    const topics = ['place', 'growth', 'skills', 'other'].map((topic, t) => ({
      topic,
      count: 80,
      suggestions: Array.from({ length: 40 }, (_, i) => suggestion(t * 100 + i, topic, `${topic} ${i} ${'&<>'.repeat(300)}`)),
    }));
    const parts = renderDigest(model(topics), 'nb', 'Europe/Oslo');
    expect(parts.length).toBeGreaterThan(3);
    withinBudget(parts);
    const ids = buttons(parts, DIGEST_ACTIONS.reply).map((b: any) => Number(b.value));
    expect(ids).toEqual(topics.flatMap((t) => t.suggestions.map((s) => s.id)));
    expect(buttons(parts, DIGEST_ACTIONS.seeAll)).toHaveLength(4);
    parts.forEach((p, i) => expect(JSON.stringify(p.blocks.at(-1))).toContain(`Del ${i + 1} av ${parts.length}`));
    // A part that starts inside a topic names it again.
    expect(texts(parts[1]!.blocks)[0]!.text).toMatch(/\(fortsatt\)/);
  });

  it('keeps any digest within the budget, every suggestion exactly once and no live markup', () => {
    const digests = fc
      .array(fc.tuple(fc.constantFrom('place', 'growth', 'a&<b>'), fc.array(fc.tuple(hostile(200), fc.boolean(), fc.option(hostile(20))), { maxLength: 60 }), fc.nat(30)), { maxLength: 6 })
      .map((groups) => {
        let id = 0;
        return model(
          groups.map(([topic, items, extra]) => ({
            topic,
            count: items.length + extra,
            suggestions: items.map(([text, anonymous, company]) => suggestion(++id, topic, text, { anonymous, companyName: company })),
          })),
          { polls: [{ id: 1, question: 'q <!here>', closed: false, everyone: false, voters: 1, options: [{ label: '<@U1>', count: 1, share: 1 }] }] },
        );
      });
    fc.assert(
      fc.property(digests, fc.constantFrom('nb' as const, 'en' as const), (digest, locale) => {
        const parts = renderDigest(digest, locale, 'Europe/Oslo');
        withinBudget(parts);
        const ids = buttons(parts, DIGEST_ACTIONS.reply).map((b: any) => Number(b.value));
        expect(ids).toEqual(digest.topics.flatMap((t) => t.suggestions.map((s) => s.id)));
        expect(buttons(parts, DIGEST_ACTIONS.seeAll)).toHaveLength(digest.topics.filter((t) => t.count > t.suggestions.length).length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Slack see-all page', () => {
  const target = { topic: 'place', start: period.start.getTime(), end: period.end.getTime(), count: 120, page: 1 };

  it('shows a page with its range, reply buttons and both page buttons, within the limits of a view', () => {
    const page = Array.from({ length: 50 }, (_, i) => suggestion(51 + i, 'place', `Forslag <!here> ${i}`, { anonymous: i % 2 === 0 }));
    const view = seeAllModal('en', 'Europe/Oslo', target, page);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    noLiveMarkup(view.blocks);
    const text = JSON.stringify(view);
    expect(text).toContain('Showing 51–100 of 120');
    expect(text).toContain('Forslag &lt;!here&gt; 0');
    expect(buttons([view], DIGEST_ACTIONS.reply)).toHaveLength(50);
    expect(buttons([view], DIGEST_ACTIONS.previous).map((b: any) => parseSeeAllValue(b.value)?.page)).toEqual([0]);
    expect(buttons([view], DIGEST_ACTIONS.next).map((b: any) => parseSeeAllValue(b.value)?.page)).toEqual([2]);
  });

  it('shortens long texts rather than pass Slack’s 250 kB per view', () => {
    const page = Array.from({ length: 50 }, (_, i) => suggestion(i + 1, 'place', '😀'.repeat(3000), { companyName: '&'.repeat(120) }));
    const view = seeAllModal('nb', 'Europe/Oslo', target, page);
    expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThanOrEqual(250_000);
    expect(buttons([view], DIGEST_ACTIONS.reply)).toHaveLength(50);
    noLiveMarkup(view.blocks);
  });

  it('says so when a page is empty', () => {
    const view = seeAllModal('en', 'Europe/Oslo', { ...target, page: 2 }, []);
    expect(JSON.stringify(view)).toContain('No more suggestions on this topic in the period.');
    expect(buttons([view], DIGEST_ACTIONS.next)).toEqual([]);
  });
});
