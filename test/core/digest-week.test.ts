import { beforeAll, describe, expect, it } from 'vitest';
import { bar } from '../../src/digest/format.ts';
import { escapeMarkdown, renderDigestMarkdown } from '../../src/digest/markdown.ts';
import type { DigestModel } from '../../src/digest/model.ts';
import { countOf, catalog } from '../../src/i18n/index.ts';
import { actor, testCore } from '../helpers/core.ts';
import { FIXTURE, seedFixtureWeek, type FixtureWeek } from '../helpers/fixture-week.ts';

let week: FixtureWeek;
let model: DigestModel;
beforeAll(async () => {
  const { core, clock } = testCore();
  const creator = actor('UMEMBER');
  await core.members.add(creator.id, clock());
  week = await seedFixtureWeek(core, clock, { person: (n) => actor(`UP${n}`), creator });
  model = await core.digestFor(week.period);
});

describe('the digest of a real week (62 participants, 80 suggestions, 4 polls)', () => {
  it('has the fixture’s volume', () => {
    expect(model.totals.suggestions.value).toBe(FIXTURE.suggestions);
    expect(model.totals.participants.value).toBe(FIXTURE.participants);
    expect(model.topics.flatMap((t) => t.suggestions).filter((s) => s.anonymous)).toHaveLength(FIXTURE.anonymous);
    expect(model.polls.map((p) => p.voters).sort((a, b) => a - b)).toEqual([20, 34, 55, 55]);
  });

  it('opens with what needs a member: messages to the group, a theme forming, a poll closing', () => {
    const addressed = model.attention.filter((a) => a.kind === 'addressed').map((a) => a.suggestion.id);
    expect(addressed).toEqual([week.ids.callMe, week.ids.questionOrganisation, week.ids.questionFinancing, week.ids.email]);
    const callMe = model.attention.find((a) => a.kind === 'addressed' && a.suggestion.id === week.ids.callMe);
    expect(callMe).toMatchObject({ reasons: ['contact', 'phone'] });
    const similar = model.attention.filter((a) => a.kind === 'similar');
    expect(similar).toHaveLength(1);
    expect([similar[0]!.suggestion.id, ...similar[0]!.similarIds].filter((id) => week.ids.parking.includes(id)).length).toBeGreaterThanOrEqual(5);
    expect(model.attention.filter((a) => a.kind === 'closingPoll')).toEqual([expect.objectContaining({ pollId: week.polls.merge, voters: 20 })]);
    // The oldest few of what waits for review come first (the rest are counted), then the week's own.
    expect(model.attention.map((a) => a.kind)).toEqual(['review', 'review', 'review', 'addressed', 'addressed', 'addressed', 'addressed', 'similar', 'closingPoll']);
  });

  it('gives multiple-choice shares of the voters, not of the votes', () => {
    const topics = model.polls.find((p) => p.id === week.polls.topics)!;
    expect(topics.multipleChoice).toBe(true);
    expect(topics.options[0]).toMatchObject({ label: 'Parkering og trafikk', count: 25 });
    expect(topics.options[0]!.share).toBeCloseTo(25 / 55);
    const md = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(md).toContain('45 % av 55 som stemte (25 stemmer) Parkering og trafikk');
    const en = renderDigestMarkdown(model, { locale: 'en', timeZone: 'Europe/Oslo' });
    expect(en).toContain('45% of 55 voters (25 votes) Parkering og trafikk');
  });

  it('draws bars that tell 7 % from 9 %, and any share above nothing', () => {
    expect(bar(0.07)).not.toBe(bar(0.09));
    expect(bar(0.06)).not.toBe(bar(0.09));
    expect([...bar(0.07)]).toHaveLength(12);
    expect(bar(0.001)).not.toBe(bar(0));
    expect(bar(1)).toBe('█'.repeat(12));
    const breakfast = model.polls.find((p) => p.id === week.polls.breakfast)!;
    const [, wed, thu] = breakfast.options.map((o) => bar(o.share));
    expect(wed).not.toBe(thu);
  });

  it('gives every count its singular or plural in both languages', () => {
    const n = catalog('nb').summary.nouns;
    const e = catalog('en').summary.nouns;
    expect(countOf('nb', 1, n.vote)).toBe('1 stemme');
    expect(countOf('nb', 2, n.vote)).toBe('2 stemmer');
    expect(countOf('nb', 1, n.participant)).toBe('1 deltaker');
    expect(countOf('en', 1, e.suggestion)).toBe('1 suggestion');
    expect(countOf('en', 80, e.suggestion)).toBe('80 suggestions');
    expect(countOf('en', 1, e.voter)).toBe('1 voter');
    expect(countOf('en', 1234, e.vote)).toBe('1,234 votes');
    const md = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(md).not.toMatch(/(?<![\d ])1 stemmer/u);
    expect(md).toContain('(2 stemmer) Torsdag');
  });

  it('names a topic’s areas only when at least the small-group size sent from there', () => {
    for (const theme of model.themes) {
      expect(theme.areas.shown.every((g) => g.count >= 5)).toBe(true);
      const shown = theme.areas.shown.reduce((a, g) => a + g.count, 0);
      expect(shown + (theme.areas.other?.kind === 'count' ? theme.areas.other.value : 0)).toBeLessThanOrEqual(theme.count);
      expect(theme.samples.length).toBe(Math.min(3, theme.count));
      expect(theme.delta).not.toBeNull();
    }
  });

  it('prints clean text in a terminal and readable Markdown for pasting', () => {
    const text = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo', format: 'text' });
    const md = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo', format: 'md' });
    expect(text).not.toMatch(/\\|\*\*|^#/mu);
    expect(text).toContain('Trenger deg (9)');
    expect(md).toContain('## Trenger deg (9)');
    // Full stops, hyphens, brackets and exclamation marks are left alone.
    expect(md).toContain('Gang- og sykkelvei langs fylkesveien');
    expect(md).toContain('budsjettet for 2028.');
    expect(md).toContain('(f.eks. for Mysen nord).');
    expect(md).not.toMatch(/\\[.\-()!]/u);
    // The attention section comes before the topics, the topics before the full list.
    expect(md.indexOf('## Trenger deg')).toBeLessThan(md.indexOf('## Tema denne uken'));
    expect(md.indexOf('## Tema denne uken')).toBeLessThan(md.indexOf('## Alle innspill, kort'));
    expect(md.split('\n').filter((l) => /^- \*\*#\d+\*\*/u.test(l)).length).toBeGreaterThanOrEqual(80);
  });

  it('escapes only what would become Markdown', () => {
    expect(escapeMarkdown('Gang- og sykkelvei (f.eks.) 2028. Bra!')).toBe('Gang- og sykkelvei (f.eks.) 2028. Bra!');
    expect(escapeMarkdown('[klikk](https://evil.example) <img src=x> **fet** _kursiv_ `kode` ~~x~~ &amp; a & b')).toBe(
      '\\[klikk\\](https://evil.example) &lt;img src=x> \\*\\*fet\\*\\* \\_kursiv\\_ \\`kode\\` \\~\\~x\\~\\~ &amp;amp; a & b',
    );
  });
});

describe('plurals outside the digest', () => {
  it('says what was deleted with the right noun forms', () => {
    expect(catalog('nb').messages.deleted({ suggestions: 1, votes: 1 })).toBe('Slettet: 1 innspill og 1 stemme, og profilen din.');
    expect(catalog('en').messages.deleted({ suggestions: 1, votes: 2 })).toBe('Deleted: 1 suggestion and 2 votes, and your profile.');
  });
});
