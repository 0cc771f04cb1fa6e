import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';
import type { ExportData } from '../../src/export/model.ts';
import { buildSiteModel, type SiteSource } from '../../src/public/build.ts';
import { siteCsv, siteFeed, siteJson } from '../../src/public/data.ts';
import { PAGE_CSP, renderPage, SEARCH_SCRIPT_HASH, type PageSettings } from '../../src/public/page.ts';
import { linkFrom, pageAt, pageFile } from '../../src/public/paths.ts';
import { siteFiles } from '../../src/public/site.ts';

const now = new Date('2026-11-23T09:00:00Z');

function suggestion(id: number, day: string, extra: Partial<ExportData['suggestions'][number]> = {}): ExportData['suggestions'][number] {
  return { ref: `#${id}`, date: day, createdAt: `${day}T10:00:00.000Z`, topic: 'place', text: `Innspill ${id}`, area: 'askim', industry: 'retail', sizeBand: '2-9', ...extra };
}

const settings: PageSettings = { title: null, introHtml: { nb: null, en: null }, members: [{ name: 'Kari <b>Nordmann</b>', role: 'leder' }], timeZone: 'Europe/Oslo' };

function source(data: Partial<ExportData> = {}, extra: Partial<SiteSource> = {}): SiteSource {
  return {
    data: { generatedAt: now, suggestions: [], polls: [], ...data },
    weeklyVoters: [],
    documents: [],
    topics: DEFAULT_TOPICS,
    minGroupSize: 5,
    defaultLocale: 'nb',
    ...extra,
  };
}

describe('public site model', () => {
  it('lists suggestions newest first, counts a missing or unknown status as received, and keeps the note', () => {
    const model = buildSiteModel(
      source({
        suggestions: [suggestion(1, '2026-10-01'), suggestion(2, '2026-11-20', { status: 'done', note: 'Vi gjorde det' }), suggestion(3, '2026-11-01', { status: 'new' })],
      }),
      'all',
      now,
    );
    expect(model.suggestions.map((s) => [s.ref, s.status, s.note])).toEqual([
      ['#2', 'done', 'Vi gjorde det'],
      ['#3', 'received', null],
      ['#1', 'received', null],
    ]);
  });

  it('shows only the last 30 days in that view, polls created then or still open, and every document', () => {
    const doc = { id: 1, title: 'Referat', date: '2026-01-10', kind: 'link' as const, fileName: null, url: 'https://example.org/r', addedAt: '2026-01-10T10:00:00.000Z' };
    const polls = [
      { id: 1, question: 'Gammel?', closed: true, voters: 9, createdAt: '2026-09-01T00:00:00.000Z', options: [] },
      { id: 2, question: 'Åpen?', closed: false, voters: 9, createdAt: '2026-09-01T00:00:00.000Z', options: [] },
      { id: 3, question: 'Ny?', closed: true, voters: 9, createdAt: '2026-11-10T00:00:00.000Z', options: [] },
    ];
    const model = buildSiteModel(source({ suggestions: [suggestion(1, '2026-10-01'), suggestion(2, '2026-11-20')], polls }, { documents: [doc] }), '30d', now);
    expect(model.suggestions.map((s) => s.ref)).toEqual(['#2']);
    expect(model.polls.map((p) => p.id)).toEqual([3, 2]);
    expect(model.documents).toHaveLength(1);
    expect(model.since).toBe('2026-10-24T09:00:00.000Z');
  });

  it('never shows a group below the smallest size: breakdowns merge, small polls and weeks hide their counts', () => {
    const many = Array.from({ length: 6 }, (_, i) => suggestion(i + 1, '2026-11-02'));
    const few = [suggestion(10, '2026-11-03', { area: 'hobol', industry: null }), suggestion(11, '2026-11-03', { area: 'trogstad', industry: null })];
    const model = buildSiteModel(
      source(
        {
          suggestions: [...many, ...few],
          polls: [
            { id: 1, question: 'Få?', closed: false, voters: 3, options: [{ label: 'Ja', votes: 2 }, { label: 'Nei', votes: 1 }] },
            { id: 2, question: 'Mange?', closed: true, voters: 8, options: [{ label: 'Ja', votes: 6 }, { label: 'Nei', votes: 2 }] },
          ],
        },
        { weeklyVoters: [{ week: '2026-10-26', voters: 2 }, { week: '2026-11-02', voters: 7 }] },
      ),
      'all',
      now,
    );
    const area = model.breakdowns.find((b) => b.dimension === 'area')!;
    expect(area.shown).toEqual([{ key: 'askim', count: 6 }]);
    expect(area.other).toEqual({ kind: 'fewer', than: 5 });
    expect(model.polls.find((p) => p.id === 1)).toMatchObject({ shown: false, voters: { kind: 'fewer', than: 5 }, options: [{ votes: null }, { votes: null }] });
    expect(model.polls.find((p) => p.id === 2)!.options.map((o) => o.share)).toEqual([0.75, 0.25]);
    expect(model.weeks).toEqual([
      { week: '2026-10-26', suggestions: 0, voters: { kind: 'fewer', than: 5 } },
      { week: '2026-11-02', suggestions: 8, voters: { kind: 'count', value: 7 } },
    ]);
    const csv = siteCsv(model, 'nb');
    expect(csv).not.toMatch(/hobol|trogstad/);
    expect(csv).toContain('area,,,,,,,other,<5');
    expect(csv).toContain('poll,1,,,,Få?,,,<5');
    const json = JSON.parse(siteJson(model, 'T'));
    expect(json.polls.find((p: { id: number }) => p.id === 1).options).toEqual([
      { label: 'Ja', votes: null, share: null },
      { label: 'Nei', votes: null, share: null },
    ]);
    expect(json.weeks[0]).toEqual({ week: '2026-10-26', suggestions: 0, voters: '<5' });
  });
});

describe('public page', () => {
  const hostile = '<script>alert(1)</script> & "quotes"';
  const model = buildSiteModel(
    source({
      suggestions: [suggestion(1, '2026-11-20', { text: hostile, note: `<img src=x onerror=alert(2)>`, status: 'considering' })],
      polls: [{ id: 4, question: `Q ${hostile}`, closed: false, voters: 10, options: [{ label: `A ${hostile}`, votes: 7 }, { label: 'B', votes: 3 }] }],
    }),
    'all',
    now,
  );

  it('escapes every string a user or the operator wrote', () => {
    const html = renderPage(model, { page: { locale: 'nb', period: 'all' }, mode: 'served', settings });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Nordmann');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('Kari &lt;b&gt;Nordmann&lt;/b&gt; (leder)');
    // The one script on the page is ours, and its hash is what the policy allows.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(PAGE_CSP).toContain(SEARCH_SCRIPT_HASH);
  });

  it('has the language, the default title and intro, and a chart with a text alternative', () => {
    const html = renderPage(model, { page: { locale: 'en', period: 'all' }, mode: 'served', settings });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Input from the businesses of Indre Østfold</title>');
    expect(html).toContain('The project group for a common voice');
    expect(html).toMatch(/<svg class="chart" id="poll-4"[^>]*role="img"[^>]*><title id="poll-4-t">Q &lt;script&gt;/);
    expect(html).toContain('<th scope="row">B</th><td class="n">3</td><td class="n">30 %</td>');
    expect(html).toContain('Under consideration');
  });

  it('links between its pages as served and as published files', () => {
    expect(linkFrom({ locale: 'en', period: '30d' }, { locale: 'nb', period: 'all' }, 'static')).toBe('../../index.html');
    expect(linkFrom({ locale: 'en', period: '30d' }, 'data.json', 'static')).toBe('../../data.json');
    expect(linkFrom({ locale: 'nb', period: 'all' }, { locale: 'en', period: '30d' }, 'static')).toBe('en/30d/index.html');
    expect(linkFrom({ locale: 'nb', period: '30d' }, { locale: 'en', period: '30d' }, 'served')).toBe('/en/30d');
    expect(pageAt('/en')).toEqual({ locale: 'en', period: 'all' });
    expect(pageAt('/nope')).toBeNull();
    expect(pageFile({ locale: 'nb', period: '30d' })).toBe('30d/index.html');
  });

  it('writes a feed of the newest suggestions with text content only', () => {
    const feed = siteFeed(model, 'Tittel', 'nb');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nb">');
    expect(feed).toContain('<content type="text">&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(feed).toContain('<link rel="alternate" href="./#i1"/>');
  });

  it('lists every file of the site', () => {
    expect(siteFiles(source(), settings, now, 'static').map((f) => f.path)).toEqual([
      'index.html',
      '30d/index.html',
      'en/index.html',
      'en/30d/index.html',
      'data.json',
      'data.csv',
      'feed.atom',
    ]);
  });
});

describe('dates on the page', () => {
  it('writes the same local day as the digest does, across daylight saving changes, for any instant', async () => {
    const fc = await import('fast-check');
    const { formatDate } = await import('../../src/digest/format.ts');
    const { dayFormatter } = await import('../../src/public/page.ts');
    for (const zone of ['Europe/Oslo', 'America/New_York', 'Asia/Kolkata']) {
      const day = dayFormatter('nb', zone);
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) }), (t) => {
          const iso = new Date(t).toISOString();
          expect(day(iso)).toBe(formatDate('nb', new Date(t), zone));
        }),
        { numRuns: 2000 },
      );
      // The hours around the changes themselves, where an offset read at the wrong moment would show.
      for (const iso of ['2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-25T23:30:00.000Z', '2026-03-08T06:30:00.000Z', '2026-11-01T04:30:00.000Z']) {
        expect(day(iso), `${zone} ${iso}`).toBe(formatDate('nb', new Date(iso), zone));
      }
    }
  });
});

describe('data.csv with surveys', () => {
  const question = (responses: number, counts: [string, number][]) => ({
    id: 'org',
    type: 'single' as const,
    text: { nb: 'Organisering?', en: 'Organisation?' },
    responses,
    counts: counts.map(([key, count]) => ({ key, text: { nb: key === 'net' ? 'Nettverk' : 'Råd', en: key === 'net' ? 'Network' : 'Council' }, count })),
  });
  const closed = {
    id: 3,
    title: { nb: 'Felles røst', en: 'A common voice' },
    closedAt: '2026-11-20T12:00:00.000Z',
    recipients: 12,
    responses: 8,
    responseRate: 0.67,
    questions: [question(8, [['net', 6], ['council', 2]]), { id: 'why', type: 'text' as const, text: { nb: 'Hvorfor?', en: 'Why?' }, responses: 2, texts: ['Fordi, ring […]'] }],
    // Six in Askim are shown; the two elsewhere are merged and show only their number.
    segments: { area: { groups: [{ key: 'askim', responses: 6, questions: [question(6, [['net', 5], ['council', 1]])] }], other: 2 } },
  };
  const withheld = { id: 4, title: 'Lite svar', closedAt: '2026-11-21T12:00:00.000Z', recipients: 9, responses: null, responsesFewerThan: 5, responseRate: null, withheld: 'too_few_responses' as const, questions: [], segments: {} };
  const model = buildSiteModel(source({ surveys: [closed, withheld] }), 'all', now);

  it("holds the closed surveys' rows as the export CSV does, in the site's language, under the small-group rule", () => {
    const lines = siteCsv(model, 'nb').split('\r\n');
    expect(lines[0]).toBe('kind,id,date,topic,status,text,note,group,count,option,voters');
    expect(lines.filter((l) => l.startsWith('survey'))).toEqual([
      'survey,3,2026-11-20,,,Felles røst,,,,,8',
      'survey,3:org,2026-11-20,,,Organisering?,,,6,Nettverk,8',
      'survey,3:org,2026-11-20,,,Organisering?,,,2,Råd,8',
      'survey_text,3:why,2026-11-20,,,"Fordi, ring […]",,,,Hvorfor?,',
      'survey_by_area,3:org,2026-11-20,,,Organisering?,,Askim,5,Nettverk,6',
      'survey_by_area,3:org,2026-11-20,,,Organisering?,,Askim,1,Råd,6',
      'survey_by_area,3,2026-11-20,,,Felles røst,,,2,other (merged),',
      // Too few answered: only that, no answers.
      'survey,4,2026-11-21,,,Lite svar,,,,,<5',
    ]);
    // The same rows the export CSV writes, in English too.
    const en = siteCsv(model, 'en');
    expect(en).toContain('survey,3:org,2026-11-20,,,Organisation?,,,6,Network,8');
    expect(en).toContain('survey_by_area,3:org,2026-11-20,,,Organisation?,,Askim,5,Network,6');
  });
});
