import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DigestModel, DigestSuggestion } from '../../src/digest/model.ts';
import { catalog, label } from '../../src/i18n/index.ts';
import { digestCards } from '../../adapters/teams/cards/digest.ts';
import { CARD_BUDGET_BYTES } from '../../adapters/teams/cards/pack.ts';
import { actions, markdownTexts, nodes, texts } from './card-reading.ts';

const PERIOD = { start: new Date('2026-11-16T07:00:00Z'), end: new Date('2026-11-23T07:00:00Z') };
const options = { locale: 'nb', timeZone: 'Europe/Oslo' } as const;

/** Texts that would turn into a link, bold, a heading or a mention if Teams read them as Markdown. */
const HOSTILE = {
  text: '**fet** [lenke](https://evil.example) <at>Kari</at>',
  company: '_Kafé_ <b>Mysen</b>',
  topic: '# Eget [tema](https://evil.example)',
  question: 'Møtedag? ![bilde](https://evil.example/x.png)',
  option: '`tirsdag` ~~torsdag~~',
};

function suggestion(id: number, topic: string, text: string, extra: Partial<DigestSuggestion> = {}): DigestSuggestion {
  return { id, topic, text, anonymous: false, companyName: null, segment: { area: 'eidsberg', industry: 'hospitality', sizeBand: '2-9' }, createdAt: PERIOD.start, ...extra };
}

function model(extra: Partial<DigestModel> = {}): DigestModel {
  return {
    period: PERIOD,
    totals: { suggestions: { value: 3, delta: 2 }, votes: { value: 10, delta: -4 }, participants: { value: 4, delta: null } },
    topics: [
      { topic: 'growth', count: 7, suggestions: [suggestion(1, 'growth', HOSTILE.text, { companyName: HOSTILE.company }), suggestion(2, 'growth', 'Gründerhus', { anonymous: true })] },
      { topic: HOSTILE.topic, count: 1, suggestions: [suggestion(3, HOSTILE.topic, 'Benker på torget', { segment: { area: null, industry: null, sizeBand: null } })] },
    ],
    polls: [{ id: 1, question: HOSTILE.question, closed: false, everyone: true, voters: 4, options: [{ label: HOSTILE.option, count: 3, share: 0.75 }, { label: 'Fredag', count: 1, share: 0.25 }] }],
    participation: { byArea: [{ key: 'eidsberg', count: 3, share: 0.75 }, { key: null, count: 1, share: 0.25 }], byIndustry: [{ key: 'hospitality', count: 4, share: 1 }], bySize: [{ key: '2-9', count: 4, share: 1 }] },
    empty: false,
    ...extra,
  };
}

describe('the digest as an Adaptive Card', () => {
  it('has the content of the Markdown digest, on one version 1.5 card', () => {
    const cards = digestCards(model(), options);
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card.version).toBe('1.5');
    const all = texts(card).join('\n');
    const c = catalog('nb').digest;
    expect(all).toContain('Innspill – ukesoppsummering 16. nov. 2026–23. nov. 2026');
    expect(all).toContain('**Nye innspill:** 3 (+2 fra forrige periode)');
    expect(all).toContain('**Stemmer:** 10 (−4 fra forrige periode)');
    expect(all).toContain(`**Aktive deltakere:** 4 (${c.noPrevious})`);
    expect(all).toContain(`${label('nb', 'topics', 'growth')} (7)`);
    expect(all).toContain('_Kafé_ <b>Mysen</b> · Eidsberg');
    expect(all).toContain(`anonym · Eidsberg · ${label('nb', 'industries', 'hospitality')} · ${label('nb', 'sizes', '2-9')}`);
    expect(all).toContain('ikke oppgitt · ikke oppgitt · ikke oppgitt');
    expect(all).toContain('… og 5 til');
    expect(all).toContain('åpen · 4 har stemt');
    expect(texts(card)).toEqual(expect.arrayContaining(['████████░░ ', '75 % (3) ', HOSTILE.option, '██████████ ', '100 % (4) ']));
    for (const heading of [c.polls, c.participation, c.byArea, c.byIndustry, c.bySize]) expect(all).toContain(heading);
    expect(all).not.toContain(c.nothingNew);
  });

  it('puts user text only in TextRuns, never in a TextBlock that Teams reads as Markdown', () => {
    const card = digestCards(model(), options)[0]!;
    const runs = nodes(card).filter((n) => n.type === 'TextRun').map((n) => String(n.text));
    for (const text of Object.values(HOSTILE)) {
      expect(runs.some((r) => r.includes(text))).toBe(true);
      expect(markdownTexts(card).some((t) => t.includes(text))).toBe(false);
    }
  });

  it('gives every suggestion a reply button and a cut topic a "see all" button', () => {
    const card = digestCards(model(), { ...options, locale: 'en' })[0]!;
    const found = actions(card);
    expect(found.filter((a) => a.verb === 'digest.reply')).toEqual([1, 2, 3].map((id) => ({ title: 'Reply to sender', verb: 'digest.reply', data: { suggestionId: id, verb: 'digest.reply' } })));
    expect(found.filter((a) => a.verb === 'digest.seeAll')).toEqual([
      { title: 'See all', verb: 'digest.seeAll', data: { topic: 'growth', start: PERIOD.start.getTime(), end: PERIOD.end.getTime(), page: 0, verb: 'digest.seeAll' } },
    ]);
    expect(texts(card).join('\n')).toContain('… and 5 more');
  });

  it('says so in a quiet week', () => {
    const quiet = model({ topics: [], polls: [], participation: { byArea: [], byIndustry: [], bySize: [] }, empty: true });
    const cards = digestCards(quiet, options);
    expect(cards).toHaveLength(1);
    expect(texts(cards[0]!).join('\n')).toContain(catalog('nb').digest.nothingNew);
  });

  it('splits a long digest into numbered cards within the budget, each suggestion exactly once', () => {
    let id = 0;
    const topics = Array.from({ length: 30 }, (_, t) => {
      const suggestions = Array.from({ length: 10 }, () => suggestion(++id, `topic-${t}`, `${'Et langt innspill med æøå. '.repeat(110)}#${id}`));
      return { topic: `topic-${t}`, count: suggestions.length, suggestions };
    });
    const cards = digestCards(model({ topics }), options);
    expect(cards.length).toBeGreaterThan(10);
    for (const card of cards) expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const ids = cards.flatMap((card) => actions(card).filter((a) => a.verb === 'digest.reply').map((a) => a.data.suggestionId));
    expect(ids).toEqual(Array.from({ length: id }, (_, i) => i + 1));
    cards.forEach((card, i) => expect(texts(card)[0]).toContain(`Del ${i + 1} av ${cards.length}`));
    // A topic that runs over onto the next card is named again there.
    expect(cards.slice(1).some((card) => texts(card).some((t) => /^topic-\d+ \(fortsatt\)$/.test(t)))).toBe(true);
    // Polls and participation come last, after every topic.
    expect(texts(cards.at(-1)!).join('\n')).toContain(catalog('nb').digest.bySize);
  });

  it('keeps any user text out of TextBlocks, every card within budget and every suggestion exactly once', () => {
    const userText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3000 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('growth', 'place', HOSTILE.topic), userText, fc.option(fc.string({ maxLength: 120 }))), { minLength: 1, maxLength: 40 }),
        (entries) => {
          // A mark no text of ours contains, so the check cannot mistake our words for theirs.
          const suggestions = entries.map(([topic, text, company], i) => suggestion(i + 1, topic, `⟦${text}`, { companyName: company === null ? null : `⟦${company}` }));
          const topics = [...new Set(suggestions.map((s) => s.topic))].map((topic) => {
            const list = suggestions.filter((s) => s.topic === topic);
            return { topic, count: list.length, suggestions: list };
          });
          const cards = digestCards(model({ topics }), options);
          const blocks = cards.flatMap(markdownTexts);
          expect(blocks.filter((b) => b.includes('⟦'))).toEqual([]);
          for (const card of cards) expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
          const ids = cards.flatMap((card) => actions(card).filter((a) => a.verb === 'digest.reply').map((a) => Number(a.data.suggestionId)));
          expect(ids.sort((a, b) => a - b)).toEqual(suggestions.map((s) => s.id));
        },
      ),
      { numRuns: 40 },
    );
  });
});
