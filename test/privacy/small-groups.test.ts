import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.ts';
import { renderDigestMarkdown } from '../../src/digest/markdown.ts';
import type { DigestInput } from '../../src/digest/model.ts';
import { parseDigest, serializeDigest } from '../../src/digest/serialize.ts';
import { AREAS, INDUSTRIES, SIZE_BANDS } from '../../src/domain/participant.ts';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';
import type { ExportSource } from '../../src/export/model.ts';
import { publishExport } from '../../src/export/publish.ts';
import { exportCsv, exportHtml, exportJson } from '../../src/export/render.ts';
import { renderDigest } from '../../adapters/slack/render/digest.ts';
import { digestCards } from '../../adapters/teams/cards/digest.ts';
import { actor, testCore } from '../helpers/core.ts';

const K = 5;
const order = { topics: DEFAULT_TOPICS, areas: AREAS, industries: INDUSTRIES, sizes: SIZE_BANDS };
const period = { start: new Date('2026-11-16T07:00:00Z'), end: new Date('2026-11-23T07:00:00Z') };
const full = { area: 'askim', industry: 'retail', sizeBand: '2-9' } as const;

/** A week in which a group of `n` (one company's segment, one anonymous poll's voters, one area) is the one to protect. */
function week(n: number): DigestInput {
  return {
    period,
    suggestions: [{ id: 1, topic: 'place', text: 'Anonymt innspill', anonymous: true, companyName: null, segment: full, createdAt: new Date('2026-11-17T10:00:00Z') }],
    topicCounts: new Map([['place', 1]]),
    previousTopicCounts: new Map(),
    topicAreas: [{ topic: 'place', area: 'askim', count: 1 }],
    polls: [
      { id: 7, question: 'Anonym?', options: ['Ja', 'Nei'], counts: [n - Math.floor(n / 2), Math.floor(n / 2)], voters: n, closed: true, everyone: false, anonymous: true, hiddenUntilClose: false, multipleChoice: false, closesAt: null },
      { id: 8, question: 'Skjult?', options: ['Ja', 'Nei'], counts: [7, 3], voters: 10, closed: false, everyone: false, anonymous: false, hiddenUntilClose: true, multipleChoice: false, closesAt: null },
    ],
    participation: { participants: n + 10, byArea: new Map([['askim', n], ['hobol', 10]]), byIndustry: new Map([[null, n + 10]]), bySize: new Map([[null, n + 10]]) },
    totals: { suggestions: 1, votes: n + 10, participants: n },
    previous: null,
    // The suggestion's full segment, and its area, are shared by n participants only; many others give no segment.
    segmentGroups: [{ ...full, count: n }, { area: null, industry: null, sizeBand: null, count: 40 }],
  };
}

/** The digest in every rendering, as text to search. */
function renderings(n: number): Record<string, string> {
  // Through the outbox's JSON, as a queued digest is sent.
  const model = parseDigest(serializeDigest(buildDigest(week(n), { ...order, minGroupSize: K })));
  return {
    markdown: renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo' }),
    blockKit: JSON.stringify(renderDigest(model, 'nb', 'Europe/Oslo')),
    adaptiveCard: JSON.stringify(digestCards(model, { locale: 'nb', timeZone: 'Europe/Oslo' })),
  };
}

describe('MIN_GROUP_SIZE in the digest', () => {
  it('labels an anonymous suggestion in the model only with a segment at least k share', () => {
    for (const n of [1, 4, 5, 6]) {
      const model = parseDigest(serializeDigest(buildDigest(week(n), { ...order, minGroupSize: K })));
      expect(model.topics[0]!.suggestions[0]!.segment).toEqual(n < K ? { area: null, industry: null, sizeBand: null } : full);
    }
  });

  for (const n of [1, 4, 5, 6]) {
    for (const [form, text] of Object.entries(renderings(n))) {
      it(`${form}, a group of ${n}`, () => {
        const small = n < K;
        // An anonymous poll's results, and its number of voters.
        expect(text.includes('Resultatene vises ikke før minst 5 har stemt')).toBe(small);
        expect(text.includes('færre enn 5 har stemt')).toBe(small);
        expect(text.includes(`${n} har stemt`)).toBe(!small);
        // The anonymous suggestion's label: the full segment only when at least k share it, else nothing.
        // (Slack and Teams show the list of suggestions one click away, where the same model's label is used.)
        const listed = form === 'markdown';
        expect(text.includes('Handel')).toBe(listed && !small);
        expect(text.includes('2–9 ansatte')).toBe(listed && !small);
        // Participation by area: a small area goes into "Andre", "færre enn 5".
        expect(text.includes('Andre')).toBe(small);
        expect(text.includes('Askim')).toBe(!small);
        // Active participants.
        expect(text.includes('færre enn 5 deltakere')).toBe(small);
        expect(text.includes(`${n} deltakere`)).toBe(!small);
        // A poll hidden until it closes shows its voters and nothing more, whatever its size.
        expect(text).toContain('Resultatene vises når avstemningen er stengt.');
        expect(text).toContain('10 har stemt');
        expect(text).not.toContain('70 %');
      });
    }
  }
});

function source(n: number): ExportSource {
  return {
    generatedAt: new Date('2026-11-23T07:00:00Z'),
    suggestions: [{ ref: '#1', date: '2026-11-17', topic: 'place', text: 'Anonymt innspill', area: 'askim', industry: 'retail', sizeBand: '2-9', status: 'received', note: null, anonymous: true }],
    polls: [{ id: 7, question: 'Anonym?', closed: true, anonymous: true, voters: n, options: [{ label: 'Ja', votes: n - Math.floor(n / 2) }, { label: 'Nei', votes: Math.floor(n / 2) }] }],
    segmentGroups: [{ ...full, count: n }],
  };
}

describe('MIN_GROUP_SIZE in the export', () => {
  for (const n of [1, 4, 5, 6]) {
    it(`csv, json and html, a group of ${n}`, () => {
      const small = n < K;
      const data = publishExport(source(n), K);
      const json = JSON.parse(exportJson(data)) as { suggestions: { area: string | null; industry: string | null }[]; polls: { voters: number | null; votersFewerThan?: number; options: { votes: number | null }[] }[] };
      expect(json.suggestions[0]).toMatchObject(small ? { area: null, industry: null, sizeBand: null } : full);
      expect(json.polls[0]!.voters).toBe(small ? null : n);
      expect(json.polls[0]!.votersFewerThan).toBe(small ? 5 : undefined);
      expect(json.polls[0]!.options.map((o) => o.votes)).toEqual(small ? [null, null] : [n - Math.floor(n / 2), Math.floor(n / 2)]);

      const csv = exportCsv(data, 'nb');
      expect(csv.includes('<5')).toBe(small);
      expect(csv.includes('Askim')).toBe(!small);

      const html = exportHtml(data, 'nb');
      expect(html.includes('færre enn 5 har stemt')).toBe(small);
      expect(html.includes(`${n} har stemt`)).toBe(!small);
      expect(html.includes('Askim')).toBe(!small);
    });
  }
});

describe('hidden results, from storage', () => {
  it('keeps a hidden-until-closed poll to its voter count until it closes', async () => {
    const { core, clock } = testCore();
    const kari = actor('kari');
    const poll = await core.createPollFromText(kari, '"Skjult?" "Ja" "Nei" --skjult', { channelId: 'C1' });
    if (!poll.ok) throw new Error('poll');
    for (const u of ['U1', 'U2', 'U3', 'U4', 'U5', 'U6']) await core.vote(actor(u), poll.poll.id, 0);
    clock.advance(60_000);
    const open = (await core.digestFor({ start: new Date(clock().getTime() - 86_400_000), end: clock() })).polls[0]!;
    expect(open).toMatchObject({ voters: 6, results: 'hidden_until_close', options: [] });
    await core.closePoll(kari, poll.poll.id);
    clock.advance(60_000);
    const closed = (await core.digestFor({ start: new Date(clock().getTime() - 86_400_000), end: clock() })).polls[0]!;
    expect(closed.results).toBeUndefined();
    expect(closed.options.map((o) => o.count)).toEqual([6, 0]);
  });
});

describe('an anonymous suggestion’s segment, as stored', () => {
  it('keeps only the level at least k participants share, so the database file holds no label pointing at one company', async () => {
    const { core, store } = testCore();
    const lone = actor('ULONE');
    await core.saveProfile(lone, { area: 'hobol', industry: 'ict', sizeBand: '50-249' });
    for (const u of ['U1', 'U2', 'U3', 'U4']) await core.saveProfile(actor(u), { area: 'hobol', industry: 'ict', sizeBand: 'solo' });
    const { suggestion: anonymous } = await core.submitSuggestion(lone, { text: 'anonym', anonymous: true });
    const { suggestion: named } = await core.submitSuggestion(lone, { text: 'med navn' });
    // Five share area and industry, one the size: the size is dropped from the anonymous one only.
    expect(anonymous.segment).toEqual({ area: 'hobol', industry: 'ict', sizeBand: null });
    expect(named.segment).toEqual({ area: 'hobol', industry: 'ict', sizeBand: '50-249' });
    expect(store.db.prepare('SELECT size_band FROM suggestions WHERE id = ?').get(anonymous.id)).toEqual({ size_band: null });
    // So does a vote in an anonymous poll; a vote in a named poll keeps the whole segment.
    for (const flags of ['--anonym', '']) {
      const poll = await core.createPollFromText(actor('U1'), `"Q?" "A" "B" ${flags}`, { channelId: 'C1' });
      if (!poll.ok) throw new Error('poll');
      await core.vote(lone, poll.poll.id, 0);
    }
    expect(store.db.prepare('SELECT poll_id, area, industry, size_band FROM votes ORDER BY poll_id').all()).toEqual([
      { poll_id: 1, area: 'hobol', industry: 'ict', size_band: null },
      { poll_id: 2, area: 'hobol', industry: 'ict', size_band: '50-249' },
    ]);
  });
});
