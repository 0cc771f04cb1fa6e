import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.ts';
import { escapeMarkdown, renderDigestMarkdown } from '../../src/digest/markdown.ts';
import type { DigestInput } from '../../src/digest/model.ts';
import { AREAS, INDUSTRIES, SIZE_BANDS } from '../../src/domain/participant.ts';
import { formatNumber } from '../../src/i18n/index.ts';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';
import { actor, testCore } from '../helpers/core.ts';

// k = 1: these tests are about layout and figures; the small-group rule has its own tests (test/privacy).
const order = { topics: DEFAULT_TOPICS, areas: AREAS, industries: INDUSTRIES, sizes: SIZE_BANDS, minGroupSize: 1 };
const period = { start: new Date('2026-11-16T07:00:00Z'), end: new Date('2026-11-23T07:00:00Z') };
const seg = (area: string | null, industry: string | null = null, sizeBand: string | null = null) => ({ area, industry, sizeBand }) as DigestInput['suggestions'][0]['segment'];

const input: DigestInput = {
  period,
  suggestions: [
    { id: 3, topic: 'financing', text: 'Lokal kapital', anonymous: true, companyName: null, segment: seg('hobol'), createdAt: new Date('2026-11-18T10:00:00Z') },
    { id: 1, topic: 'place', text: 'Parkering i sentrum', anonymous: false, companyName: 'Bakeriet AS', segment: seg('askim', 'retail', '2-9'), createdAt: new Date('2026-11-17T10:00:00Z') },
    { id: 2, topic: 'place', text: 'Julebelysning', anonymous: false, companyName: null, segment: seg(null), createdAt: new Date('2026-11-17T09:00:00Z') },
  ],
  topicCounts: new Map([['financing', 1], ['place', 2]]),
  previousTopicCounts: new Map([['place', 5]]),
  topicAreas: [{ topic: 'financing', area: 'hobol', count: 1 }, { topic: 'place', area: 'askim', count: 1 }, { topic: 'place', area: null, count: 1 }],
  polls: [
    { id: 7, question: 'Hvilken dag?', options: ['Tirsdag', 'Torsdag'], counts: [3, 1], voters: 4, closed: false, everyone: true, anonymous: false, hiddenUntilClose: false, multipleChoice: false, closesAt: null },
    { id: 5, question: 'Stengt?', options: ['Ja', 'Nei'], counts: [0, 0], voters: 0, closed: true, everyone: false, anonymous: false, hiddenUntilClose: false, multipleChoice: false, closesAt: null },
  ],
  participation: {
    participants: 5,
    byArea: new Map([['askim', 2], ['hobol', 1], [null, 2]]),
    byIndustry: new Map([['retail', 1], [null, 4]]),
    bySize: new Map([['2-9', 1], [null, 4]]),
  },
  totals: { suggestions: 3, votes: 4, participants: 5 },
  previous: { suggestions: 5, votes: 0, participants: 5 },
  segmentGroups: [{ area: 'hobol', industry: null, sizeBand: null, count: 1 }],
};

describe('digest builder', () => {
  const model = buildDigest(input, order);

  it('compares with the previous period', () => {
    expect(model.totals).toEqual({
      suggestions: { value: 3, delta: -2 },
      votes: { value: 4, delta: 4 },
      participants: { value: 5, delta: 0 },
    });
    expect(buildDigest({ ...input, previous: null }, order).totals.votes.delta).toBeNull();
  });

  it('groups suggestions by topic in the mandate’s order, oldest first', () => {
    expect(model.topics.map((t) => t.topic)).toEqual(['place', 'financing']);
    expect(model.topics[0]!.suggestions.map((s) => s.id)).toEqual([2, 1]);
  });

  it('puts open polls first with shares', () => {
    expect(model.polls.map((p) => p.id)).toEqual([7, 5]);
    expect(model.polls[0]!.options).toEqual([
      { label: 'Tirsdag', count: 3, share: 0.75 },
      { label: 'Torsdag', count: 1, share: 0.25 },
    ]);
    expect(model.polls[1]!.options[0]!.share).toBe(0);
  });

  it('orders participation by the known lists with "not given" last', () => {
    expect(model.participation.byArea).toEqual([
      { key: 'askim', count: 2, share: 0.4 },
      { key: 'hobol', count: 1, share: 0.2 },
      { key: null, count: 2, share: 0.4 },
    ]);
  });

  it('says how many more a topic has than it lists', () => {
    const cut = buildDigest({ ...input, topicCounts: new Map([['financing', 1], ['place', 1234]]) }, order);
    expect(cut.topics[0]).toMatchObject({ topic: 'place', count: 1234 });
    const md = renderDigestMarkdown(cut, { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(md).toContain(`### Stedsutvikling (${formatNumber('nb', 1234)} innspill)`);
    expect(md).toContain(`… og ${formatNumber('nb', 1232)} til (npx innspill export --format html)`);
  });

  it('renders Markdown in both languages', () => {
    const nb = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(nb).toContain('# Innspill – ukesoppsummering 16. nov. 2026–23. nov. 2026');
    expect(nb).toContain('3 innspill (−2) · 4 stemmer (+4) · 5 deltakere (±0) – endring fra forrige periode i parentes');
    expect(nb).toContain('### Stedsutvikling (2 innspill)');
    expect(nb).toContain('### Stedsutvikling – 2 innspill (−3 fra forrige periode)');
    expect(nb).toContain('Fra: Askim 1 · ikke oppgitt 1');
    expect(nb).toContain('- **#1** Parkering i sentrum (Bakeriet AS · Askim · Handel · 2–9 ansatte)');
    expect(nb).toContain('- **#3** Lokal kapital (anonym · Hobøl)');
    expect(nb).toContain('- `█████████░░░` 75 % av 4 som stemte (3 stemmer) Tirsdag');
    expect(nb).toContain('- `███░░░░░░░░░` 25 % av 4 som stemte (1 stemme) Torsdag');
    expect(nb).toContain('Etter område: Askim 2 (40 %)');
    expect(nb).toContain('Ingenting venter på prosjektgruppen denne uken.');
    const en = renderDigestMarkdown(model, { locale: 'en', timeZone: 'Europe/Oslo' });
    expect(en).toContain('weekly digest');
    expect(en).toContain('### Place development (2 suggestions)');
    expect(en).toContain('75% of 4 voters (3 votes) Tirsdag');
    expect(en).toContain('25% of 4 voters (1 vote) Torsdag');
  });

  it('says so when nothing came in', () => {
    const empty = buildDigest({ ...input, suggestions: [], topicCounts: new Map(), polls: [], totals: { suggestions: 0, votes: 0, participants: 0 }, participation: { participants: 0, byArea: new Map(), byIndustry: new Map(), bySize: new Map() } }, order);
    expect(empty.empty).toBe(true);
    expect(renderDigestMarkdown(empty, { locale: 'en', timeZone: 'Europe/Oslo' })).toContain('No new suggestions or votes this period.');
  });

  it('escapes user text so it cannot add links, headings or HTML', () => {
    const evil = buildDigest(
      { ...input, topicCounts: new Map([['place', 1]]), suggestions: [{ ...input.suggestions[1]!, text: '[klikk](https://evil.example) <img src=x> # heading\n- list', companyName: '**Boss**' }] },
      order,
    );
    const md = renderDigestMarkdown(evil, { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(md).toContain('\\[klikk\\](https://evil.example) &lt;img src=x> # heading - list');
    expect(md).toContain('\\*\\*Boss\\*\\*');
    expect(escapeMarkdown('a &amp; b')).toBe('a &amp;amp; b');
  });
});

describe('digest data from storage', () => {
  it('counts one period and the one before it', async () => {
    const { core, clock } = testCore({ minGroupSize: 3 });
    clock.set('2026-11-10T10:00:00Z');
    await core.submitSuggestion(actor('U1'), { text: 'old' });
    clock.set('2026-11-17T10:00:00Z');
    const kari = actor('kari');
    await core.saveProfile(kari, { area: 'askim', industry: 'retail', sizeBand: '2-9' });
    await core.submitSuggestion(kari, { text: 'new', topic: 'place' });
    await core.submitSuggestion(actor('U3'), { text: 'anon', anonymous: true });
    const poll = await core.createPollFromText(kari, '"Q?" "A" "B"', { channelId: 'C' });
    if (!poll.ok) throw new Error('poll');
    await core.vote(kari, poll.poll.id, 0);
    await core.vote(actor('U4'), poll.poll.id, 1);
    clock.set('2026-11-23T07:00:00Z');
    const model = await core.digestFor(period);
    // One participant the period before is below the small-group threshold (3), so no change is shown.
    expect(model.totals).toEqual({ suggestions: { value: 2, delta: 1 }, votes: { value: 2, delta: 2 }, participants: { value: 3, delta: null } });
    expect(model.topics.map((t) => [t.topic, t.suggestions.map((s) => s.text)])).toEqual([['place', ['new']], ['other', ['anon']]]);
    expect(model.polls[0]!.options.map((o) => o.count)).toEqual([1, 1]);
    // Askim (1) and "not given" (2) are each too small to show: merged into "other", which has 3.
    expect(model.participation.byArea).toEqual([{ key: null, other: true, count: 3, share: 1 }]);
  });
});
