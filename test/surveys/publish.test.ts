import { describe, expect, it } from 'vitest';
import { exportCsv, exportHtml, exportJson } from '../../src/export/render.ts';
import { buildSiteModel } from '../../src/public/build.ts';
import { siteCsv, siteJson } from '../../src/public/data.ts';
import { renderPage } from '../../src/public/page.ts';
import { actor, fakeClock, testCore } from '../helpers/core.ts';
import { FULL_ANSWERS, questback } from './fixtures.ts';

const DAY = 86_400_000;
const settings = { title: 'Felles røst', introHtml: { nb: null, en: null }, members: [], timeZone: 'Europe/Oslo' };
const page = (source: Awaited<ReturnType<ReturnType<typeof testCore>['core']['publicSiteSource']>>, now: Date, locale: 'nb' | 'en' = 'nb') =>
  renderPage(buildSiteModel(source, 'all', now), { page: { locale, period: 'all' }, mode: 'served', settings });

/** A survey to `areas.length` people, each answering from that area (and the given industries), with free text. */
async function answered(areas: string[], industries: string[] = areas.map(() => 'retail')) {
  const clock = fakeClock('2026-11-23T09:00:00Z');
  const t = testCore({ clock });
  const member = actor('UM');
  await t.core.members.add(member.id, clock());
  const people = areas.map((_, i) => actor(`U${i + 1}`));
  for (const p of people) await t.store.participants.touch({ ...p, now: clock() });
  const survey = await t.core.surveys.create('cli', questback());
  await t.core.surveys.send('cli', survey.id, { target: { kind: 'everyone' }, closeAt: new Date(clock().getTime() + 7 * DAY) });
  for (const [i, p] of people.entries()) {
    await t.core.surveys.save(p, survey.id, { ...FULL_ANSWERS, area: areas[i]!, industry: industries[i]!, expectation: `Forventning ${i + 1}, ring 912 34 567`, comments: `<script>alert(${i})</script> nr ${i + 1}` }, { finish: true });
  }
  return { ...t, clock, member, survey };
}

describe('closed surveys in the export and on the public page', () => {
  it('publishes nothing of a running survey, then its results by question with the free text members approved, scrubbed and escaped', async () => {
    const { core, clock, member, survey } = await answered(['askim', 'askim', 'askim', 'askim', 'askim', 'eidsberg']);
    const queue = await core.reviewQueue(member);
    const approved = queue.filter((s) => s.survey?.questionId === 'expectation').slice(0, 2);
    for (const s of approved) await core.approve(member, s.id);
    const comments = queue.filter((s) => s.survey?.questionId === 'comments');
    await core.approve(member, comments[0]!.id);
    await core.approve(member, comments[1]!.id);
    await core.hide(member, comments[1]!.id, 'nei');

    // Running: approved or not, nothing of it is published.
    expect((await core.exportPublished()).surveys).toEqual([]);
    expect(page(await core.publicSiteSource(), clock())).not.toContain('Forventning');

    clock.advance(DAY);
    await core.surveys.close('cli', survey.id);
    const data = await core.exportPublished();
    expect(data.surveys).toHaveLength(1);
    const s = data.surveys![0]!;
    expect(s).toMatchObject({ id: survey.id, recipients: 6, responses: 6, responseRate: 1, closedAt: clock().toISOString() });
    const q = (id: string) => s.questions.find((x) => x.id === id)!;
    expect(q('organisation').counts).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'network', count: 6 })]));
    expect(q('importance')).toMatchObject({ responses: 6, average: 4, counts: [{ key: '1', count: 0 }, { key: '2', count: 0 }, { key: '3', count: 0 }, { key: '4', count: 6, text: null }, { key: '5', count: 0 }] });
    expect(q('importance').counts![0]!.text).not.toBeNull();
    // Only what members let through; a phone number scrubbed; the hidden one never.
    expect(q('expectation').texts).toEqual(['Forventning 1, ring […]', 'Forventning 2, ring […]']);
    expect(q('comments').texts).toEqual(['<script>alert(0)</script> nr 1']);

    const json = JSON.parse(exportJson(data));
    expect(json.surveys[0].questions.find((x: { id: string }) => x.id === 'expectation').texts).toHaveLength(2);
    const csv = exportCsv(data, 'nb');
    expect(csv).toContain(`survey,${survey.id}:organisation,2026-11-24,,`);
    expect(csv).toContain(`survey_text,${survey.id}:expectation,2026-11-24,,"Forventning 1, ring […]"`);
    expect(csv).not.toContain('912 34 567');
    const html = exportHtml(data, 'en');
    expect(html).toContain('<h2>Survey results</h2>');
    expect(html).toContain('6 of 6 answered (100%)');
    expect(html).toContain('<li>&lt;script&gt;alert(0)&lt;/script&gt; nr 1</li>');
    expect(html).not.toContain('<script>');

    const source = await core.publicSiteSource();
    const nb = page(source, clock());
    expect(nb).toContain('<h2 id="h-surveys">Resultater av undersøkelser (1)</h2>');
    expect(nb).toContain('<svg class="chart" id="s1-importance"');
    expect(nb).toContain('Gjennomsnitt 4,0');
    expect(nb).toContain('<li>&lt;script&gt;alert(0)&lt;/script&gt; nr 1</li>');
    for (const text of [nb, siteJson(buildSiteModel(source, 'all', clock()), 'x'), siteCsv(buildSiteModel(source, 'all', clock()), 'nb'), exportJson(data)]) {
      expect(text).not.toContain('Forventning 3');
      expect(text).not.toContain('nr 2');
    }
    expect(JSON.parse(siteJson(buildSiteModel(source, 'all', clock()), 'x')).surveys).toHaveLength(1);
  });

  it('shows no results while fewer than MIN_GROUP_SIZE responded (0, 1, 4), and shows them at 5', async () => {
    for (const n of [0, 1, 4, 5]) {
      const { core, clock, survey } = await answered(Array.from({ length: n }, () => 'askim'));
      await core.surveys.close('cli', survey.id);
      const data = await core.exportPublished();
      const s = data.surveys![0]!;
      const html = page(await core.publicSiteSource(), clock());
      if (n < 5) {
        expect(s, `${n}`).toMatchObject({ responses: null, responsesFewerThan: 5, responseRate: null, withheld: 'too_few_responses', questions: [], segments: {} });
        expect(html).toContain('Færre enn 5 svarte, så resultatene vises ikke.');
        expect(html).not.toContain('id="s1-importance"');
        expect(exportCsv(data, 'nb')).toContain(`survey,${survey.id},2026-11-23,,Felles røst for næringslivet i Indre Østfold,,,,,,<5,`);
      } else {
        expect(s).toMatchObject({ responses: 5, questions: expect.any(Array) });
        expect(s.questions).toHaveLength(12);
      }
    }
  });

  it('cuts by segment only groups of at least MIN_GROUP_SIZE (areas of 5, 4 and 1), and leaves out a dimension whose merged rest is smaller', async () => {
    const areas = ['askim', 'askim', 'askim', 'askim', 'askim', 'eidsberg', 'eidsberg', 'eidsberg', 'eidsberg', 'hobol'];
    // Industry: nine in retail and one in construction, so the rest merged is a group of one.
    const industries = [...areas.slice(0, 9).map(() => 'retail'), 'construction'];
    const { core, clock, survey } = await answered(areas, industries);
    await core.surveys.close('cli', survey.id);
    const data = await core.exportPublished();
    const s = data.surveys![0]!;
    expect(s.segments.area!.groups.map((g) => [g.key, g.responses])).toEqual([['askim', 5]]);
    expect(s.segments.area!.other).toBe(5);
    // Subtracting retail from the whole would give the one constructor's answers: no industry cut at all.
    expect(s.segments.industry).toBeUndefined();
    expect(s.segments.sizeBand!.groups.map((g) => [g.key, g.responses])).toEqual([['2-9', 10]]);
    // Free text is never split by segment.
    expect(JSON.stringify(s.segments)).not.toContain('texts');

    const csv = exportCsv(data, 'nb');
    const areaRows = csv.split('\r\n').filter((r) => r.startsWith('survey_by_area'));
    expect(new Set(areaRows.map((r) => r.split(',')[5]))).toEqual(new Set(['Askim', '']));
    expect(areaRows.at(-1)).toBe(`survey_by_area,${survey.id},2026-11-23,,Felles røst for næringslivet i Indre Østfold,,,,other (merged),5,,,,`);
    expect(csv).not.toContain('survey_by_industry');
    const exportPage = exportHtml(data, 'nb');
    expect(exportPage).toContain('Askim (5 svar) · Andre (5 svar)');
    expect(exportPage).not.toMatch(/Eidsberg \(\d|Hobøl \(\d/);
    const html = page(await core.publicSiteSource(), clock());
    const cuts = html.slice(html.indexOf('Etter område, bransje og størrelse'));
    expect(cuts).toContain('<th scope="row">Askim</th><td class="n">5</td>');
    expect(cuts).toContain('<th scope="row">Andre</th><td class="n">5</td>');
    expect(cuts).not.toMatch(/Eidsberg|Hobøl|Bygg/);
  });
});
