import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.ts';
import type { DigestInput, DigestSuggestion } from '../../src/digest/model.ts';
import { AREAS, INDUSTRIES, SIZE_BANDS } from '../../src/domain/participant.ts';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';
import { catalog, label } from '../../src/i18n/index.ts';
import { digestCards } from '../../adapters/teams/cards/digest.ts';
import { CARD_BUDGET_BYTES } from '../../adapters/teams/cards/pack.ts';
import { actions, markdownTexts, nodes, texts } from './card-reading.ts';

const PERIOD = { start: new Date('2026-11-16T07:00:00Z'), end: new Date('2026-11-23T07:00:00Z') };
const options = { locale: 'nb', timeZone: 'Europe/Oslo' } as const;

/** Texts that would turn into a link, bold, a heading or a mention if Teams read them as Markdown. */
const HOSTILE = {
  text: 'Kan dere svare? **fet** [lenke](https://evil.example) <at>Kari</at>',
  company: '_Kafé_ <b>Mysen</b>',
  topic: '# Eget [tema](https://evil.example)',
  question: 'Møtedag? ![bilde](https://evil.example/x.png)',
  option: '`tirsdag` ~~torsdag~~',
};

function suggestion(id: number, topic: string, text: string, extra: Partial<DigestSuggestion> = {}): DigestSuggestion {
  return { id, topic, text, anonymous: false, companyName: null, segment: { area: 'eidsberg', industry: 'hospitality', sizeBand: '2-9' }, createdAt: new Date(PERIOD.start.getTime() + id * 60_000), ...extra };
}

function model(suggestions: DigestSuggestion[], extra: Partial<DigestInput> = {}) {
  const counts = new Map<string, number>();
  for (const s of suggestions) counts.set(s.topic, (counts.get(s.topic) ?? 0) + 1);
  return buildDigest(
    {
      period: PERIOD,
      suggestions,
      topicCounts: counts,
      previousTopicCounts: new Map([['growth', 1]]),
      topicAreas: [...counts].map(([topic, count]) => ({ topic, area: 'eidsberg', count })),
      segmentGroups: [],
      polls: [{ id: 1, question: HOSTILE.question, closed: false, everyone: true, anonymous: false, hiddenUntilClose: false, multipleChoice: false, closesAt: null, voters: 4, options: [HOSTILE.option, 'Fredag'], counts: [3, 1] }],
      participation: { participants: 4, byArea: new Map([['eidsberg', 3], [null, 1]]), byIndustry: new Map([['hospitality', 4]]), bySize: new Map([['2-9', 4]]) },
      totals: { suggestions: suggestions.length, votes: 10, participants: 4 },
      previous: { suggestions: 1, votes: 14, participants: 4 },
      ...extra,
    },
    { topics: DEFAULT_TOPICS, areas: AREAS, industries: INDUSTRIES, sizes: SIZE_BANDS, minGroupSize: 5 },
  );
}

const week = () => [
  suggestion(1, 'growth', HOSTILE.text, { companyName: HOSTILE.company }),
  suggestion(2, 'growth', 'Gründerhus i Askim', { anonymous: true }),
  suggestion(3, HOSTILE.topic, 'Benker på torget', { segment: { area: null, industry: null, sizeBand: null } }),
];

describe('the digest as an Adaptive Card', () => {
  it('has the title once, as a large heading, and each part under a heading of its own', () => {
    const cards = digestCards(model(week()), options);
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card.version).toBe('1.5');
    const c = catalog('nb');
    const headings = nodes(card).filter((n) => n.type === 'TextBlock' && n.weight === 'Bolder');
    expect(headings.map((n) => [n.text, n.size])).toEqual([
      ['Innspill – ukesoppsummering 16. nov. 2026–23. nov. 2026', 'Large'],
      [`${c.summary.attention} (1)`, 'Medium'],
      [c.summary.themes, 'Medium'],
      [c.digest.polls, 'Medium'],
      [c.digest.participation, 'Medium'],
    ]);
    const all = texts(card).join('\n');
    expect(all.split('ukesoppsummering')).toHaveLength(2);
    expect(all).toContain('3 innspill (+2) · 10 stemmer (−4) · færre enn 5 deltakere');
    expect(all).toContain(`${label('nb', 'topics', 'growth')}\n – 2 innspill (+1 fra forrige periode)`);
    expect(all).toContain('_Kafé_ <b>Mysen</b> · Eidsberg');
    expect(all).toContain('spør prosjektgruppen');
    expect(all).toContain('75 % av færre enn 5 som stemte (3 stemmer)');
    expect(all).toContain('25 % av færre enn 5 som stemte (1 stemme)');
  });

  it('puts user text only in TextRuns, never in a TextBlock that Teams reads as Markdown', () => {
    const card = digestCards(model(week()), options)[0]!;
    const runs = nodes(card).filter((n) => n.type === 'TextRun').map((n) => String(n.text));
    for (const text of Object.values(HOSTILE)) {
      expect(runs.some((r) => r.includes(text))).toBe(true);
      expect(markdownTexts(card).some((t) => t.includes(text))).toBe(false);
    }
  });

  it('gives what needs a member its button and every topic its "see all"', () => {
    const card = digestCards(model(week()), { ...options, locale: 'en' })[0]!;
    const found = actions(card);
    expect(found.filter((a) => a.verb === 'digest.reply')).toEqual([{ title: 'Reply to sender', verb: 'digest.reply', data: { suggestionId: 1, verb: 'digest.reply' } }]);
    expect(found.filter((a) => a.verb === 'digest.seeAll').map((a) => a.data.topic)).toEqual(['growth', HOSTILE.topic]);
  });

  it('says so in a quiet week', () => {
    const quiet = model([], { polls: [], totals: { suggestions: 0, votes: 0, participants: 0 }, participation: { participants: 0, byArea: new Map(), byIndustry: new Map(), bySize: new Map() } });
    const cards = digestCards(quiet, options);
    expect(cards).toHaveLength(1);
    expect(texts(cards[0]!).join('\n')).toContain(catalog('nb').digest.nothingNew);
    expect(texts(cards[0]!).join('\n')).toContain(catalog('nb').summary.attentionNone);
  });

  it('keeps any user text out of TextBlocks and every card within budget', () => {
    const userText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3000 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('growth', 'place', HOSTILE.topic), userText, fc.option(fc.string({ maxLength: 120 })), fc.boolean()), { minLength: 1, maxLength: 40 }),
        (entries) => {
          // A mark no text of ours contains, so the check cannot mistake our words for theirs.
          const list = entries.map(([topic, text, company, ask], i) => suggestion(i + 1, topic, `⟦${ask ? 'Kan dere ' : ''}${text}`, { companyName: company === null ? null : `⟦${company}` }));
          const cards = digestCards(model(list), options);
          expect(cards.flatMap(markdownTexts).filter((b) => b.includes('⟦'))).toEqual([]);
          for (const card of cards) expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
        },
      ),
      { numRuns: 40 },
    );
  });
});
