import { describe, expect, it } from 'vitest';
import { exportCsv, exportJson } from '../../src/export/render.ts';
import { reportHtml, reportMarkdown } from '../../src/report/render.ts';
import { actor, testCore } from '../helpers/core.ts';
import { renderDigestMarkdown } from '../../src/digest/markdown.ts';
import { parseDigest, serializeDigest } from '../../src/digest/serialize.ts';
import { renderDigest } from '../../adapters/slack/render/digest.ts';
import { digestCards } from '../../adapters/teams/cards/digest.ts';

/** Six businesses in Askim and two in Trøgstad answer a poll and send suggestions. */
async function community() {
  const t = testCore({ minGroupSize: 5 });
  await t.core.members.add(actor('M1').id, t.clock());
  const poll = await t.core.createPollFromText(actor('M1'), '"Felles røst?" "Ja" "Nei" --everyone', { channelId: 'C1' });
  if (!poll.ok) throw new Error('poll');
  const people = [...Array.from({ length: 6 }, (_, i) => [`A${i}`, 'askim'] as const), ['T0', 'trogstad'] as const, ['T1', 'trogstad'] as const];
  for (const [id, area] of people) {
    const a = actor(id);
    await t.core.saveProfile(a, { area, industry: 'retail', sizeBand: '2-9' });
    await t.core.submitSuggestion(a, { text: `Innspill fra ${id}`, topic: 'place' });
    await t.core.vote(a, poll.poll.id, id === 'A0' ? 1 : 0);
  }
  t.clock.advance(60_000);
  return t;
}

describe('results by segment', () => {
  it('breaks each poll down in the digest, in every renderer, only where a group is large enough', async () => {
    const { core, clock } = await community();
    const model = parseDigest(serializeDigest(await core.digestFor({ start: new Date(clock().getTime() - 3600_000), end: clock() })));
    expect(model.polls[0]!.segments).toEqual([
      { dimension: 'area', groups: [{ key: 'askim', voters: 6, shares: [5 / 6, 1 / 6] }] },
      { dimension: 'industry', groups: [{ key: 'retail', voters: 8, shares: [7 / 8, 1 / 8] }] },
      { dimension: 'size', groups: [{ key: '2-9', voters: 8, shares: [7 / 8, 1 / 8] }] },
    ]);
    const md = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(md).toContain('- Etter område: Askim (6) Ja 83 % · Nei 17 %');
    const slack = JSON.stringify(renderDigest(model, 'en', 'Europe/Oslo'));
    expect(slack).toContain('By area: Askim (6) Ja 83% · Nei 17%');
    const teams = JSON.stringify(digestCards(model, { locale: 'en', timeZone: 'Europe/Oslo' }));
    expect(teams).toContain('By area: Askim (6) Ja 83% · Nei 17%');
    // The summary card and message keep to area; industry and size are in the Markdown digest and the report.
    expect(md).toContain('- Etter bransje: Handel (8) Ja 88 % · Nei 13 %');
    expect(teams).not.toContain('By industry: Retail (8)');
    // Two voters in Trøgstad: never named, in any rendering.
    for (const text of [md, slack, teams]) expect(text).not.toMatch(/Trøgstad \(/u);
  });

  it('shows large groups by name and merges small ones, for suggestion counts and poll results', async () => {
    const { core, clock } = await community();
    const report = await core.segmentReport({ start: new Date(clock().getTime() - 3600_000), end: clock() });
    expect(report.suggestions.total).toBe(8);
    expect(report.suggestions.bySegment.area).toEqual({ shown: [{ key: 'askim', count: 6 }], other: { kind: 'fewer', than: 5 } });
    expect(report.suggestions.bySegment.industry).toEqual({ shown: [{ key: 'retail', count: 8 }], other: null });
    const [poll] = report.polls;
    expect(poll).toMatchObject({ voters: 8, counts: [7, 1] });
    expect(poll!.bySegment.area).toEqual({ shown: [{ key: 'askim', voters: 6, options: [5, 1] }], other: { kind: 'fewer', than: 5 } });

    const md = reportMarkdown(report, 'nb', 'Europe/Oslo');
    expect(md).toContain('- Askim: 6');
    expect(md).toContain('- Andre (samlet): færre enn 5');
    expect(md).not.toMatch(/Trøgstad/);
    expect(reportHtml(report, 'en', 'Europe/Oslo')).toContain('<li>By area · Askim (6 voted): Ja 5, Nei 1</li>');
  });

  it('goes into the JSON and CSV exports, with no small group named', async () => {
    const { core } = await community();
    const data = await core.exportPublished();
    const json = JSON.parse(exportJson(data));
    expect(json.segments.suggestions.bySegment.area.shown).toEqual([{ key: 'askim', count: 6 }]);
    const csv = exportCsv(data, 'en');
    expect(csv).toContain('suggestions_by_area,,,,,askim,,,,6,,,,');
    expect(csv).toContain('suggestions_by_area,,,,,other (merged),,,,<5,,,,');
    expect(csv).toContain('poll_by_area,1,,,Felles røst?,askim,,,Ja,5,,,,');
    expect(csv).not.toContain('trogstad');
  });
});
