import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../adapters/slack/render/digest.ts';
import { digestCards } from '../../adapters/teams/cards/digest.ts';
import { renderDigestMarkdown } from '../../src/digest/markdown.ts';
import { parseDigest, serializeDigest } from '../../src/digest/serialize.ts';
import { noLiveMarkup, texts as slackTexts } from '../slack/blocks.ts';
import { markdownTexts, texts as cardTexts } from '../teams/card-reading.ts';
import { actor, fakeClock, testCore } from '../helpers/core.ts';
import { FULL_ANSWERS, questback } from './fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HOSTILE = '<!channel> **fet** [lenke](https://evil.example) <at>Kari</at> &amp;';

/** A survey sent to seven, answered by `answering` of them an hour later, with free text from each. */
async function running(answering: number, options: { publishMode?: 'review' | 'immediate' } = {}) {
  const clock = fakeClock('2026-11-23T09:00:00Z');
  const t = testCore({ clock, ...options });
  const member = actor('UM');
  await t.core.members.add(member.id, clock());
  const people = Array.from({ length: 7 }, (_, i) => actor(`U${i + 1}`));
  for (const p of people) await t.store.participants.touch({ ...p, now: clock() });
  const survey = await t.core.surveys.create('cli', questback());
  const start = clock();
  await t.core.surveys.send('cli', survey.id, { target: { kind: 'everyone' }, closeAt: new Date(start.getTime() + 14 * DAY) });
  clock.advance(HOUR);
  for (const [i, p] of people.slice(0, answering).entries()) {
    const { comments: _comments, ...answers } = FULL_ANSWERS;
    await t.core.surveys.save(p, survey.id, { ...answers, expectation: i === 0 ? HOSTILE : `Forventning nummer ${i + 1}`, ...(i === 0 ? { comments: 'Mer samarbeid' } : {}) }, { finish: true });
  }
  const items = await t.store.surveys.textAnswers(survey.id);
  const period = { start, end: new Date(start.getTime() + 2 * DAY) };
  return { ...t, clock, member, people, survey, items, period };
}

describe('surveys in the weekly digest', () => {
  it('shows a running survey’s response rate, its new responses and new free text (to publish, waiting), and nothing of it among the suggestions', async () => {
    const { core, member, survey, items, period } = await running(6);
    expect(items).toHaveLength(7);
    await core.approve(member, items[1]!.id);
    await core.hide(member, items[2]!.id, 'names someone');
    const model = await core.digestFor(period);
    expect(model.totals.suggestions.value).toBe(0);
    expect(model.topics).toEqual([]);
    expect(model.empty).toBe(false);
    expect(model.surveys).toEqual([
      expect.objectContaining({
        id: survey.id,
        state: 'open',
        recipients: 7,
        responses: { count: 6 },
        responseRate: 6 / 7,
        newResponses: { count: 6 },
        newTexts: expect.objectContaining({ published: 1, waiting: 5 }),
      }),
    ]);
    // The waiting ones first, three by name; the hidden one never.
    const shown = model.surveys![0]!.newTexts.shown;
    expect(shown.map((t) => t.waiting)).toEqual([true, true, true]);
    expect(shown.map((t) => t.id)).not.toContain(items[2]!.id);
    // What waits for review is in "needs you" too, with its buttons, as a suggestion would be.
    expect(model.attention.filter((a) => a.kind === 'review').map((a) => a.kind === 'review' && a.suggestion.id)).toEqual([items[0]!.id, items[3]!.id, items[4]!.id]);

    const md = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(md).toContain('## Undersøkelser');
    expect(md).toContain('**Felles røst for næringslivet i Indre Østfold** (åpen til 7. des., 10:00)');
    expect(md).toContain('- 6 av 7 har svart (86 %) · 6 nye svar siden forrige oppsummering');
    expect(md).toContain('- Nye fritekstsvar: 1 publiseres når den stenger, 5 venter på vurdering');
    expect(md).toContain(`**#${items[0]!.id}** &lt;!channel> \\*\\*fet\\*\\* \\[lenke\\](https://evil.example) &lt;at>Kari&lt;/at> &amp;amp; (venter på vurdering)`);
    expect(md).toContain(`- Resultater: \`npx innspill survey results ${survey.id}\``);
    const en = renderDigestMarkdown(model, { locale: 'en', timeZone: 'Europe/Oslo' });
    expect(en).toContain('## Surveys');
    expect(en).toContain('**A common voice for local business in Indre Østfold** (open until 7 Dec, 10:00)');
    expect(en).toContain('- 6 of 7 have answered (86%) · 6 new responses since the last digest');
    expect(en).toContain('- New free-text answers: 1 to be published when it closes, 5 waiting for review');

    const slack = renderDigest(model, 'nb', 'Europe/Oslo');
    expect(slack).toHaveLength(1);
    noLiveMarkup(slack[0]!.blocks);
    const slackText = slackTexts(slack[0]!.blocks).map((t) => t.text).join('\n');
    expect(slackText).toContain('*Undersøkelser*');
    expect(slackText).toContain('6 av 7 har svart (86 %) · 6 nye svar siden forrige oppsummering');
    expect(slackText).toContain(`• *#${items[0]!.id}* &lt;!channel&gt; **fet** [lenke](https://evil.example) &lt;at&gt;Kari&lt;/at&gt; &amp;amp; _(venter på vurdering)_`);
    expect(slackText).toContain(`Resultater: \`npx innspill survey results ${survey.id}\``);

    const cards = digestCards(model, { locale: 'en', timeZone: 'Europe/Oslo' });
    expect(cards).toHaveLength(1);
    const cardText = cardTexts(cards[0]!);
    expect(cardText).toContain('Surveys');
    expect(cardText).toContain('6 of 7 have answered (86%) · 6 new responses since the last digest');
    expect(cardText).toContain(HOSTILE);
    expect(cardText).toContain(`npx innspill survey results ${survey.id}`);
    // User text only in TextRuns, never in a TextBlock that Teams reads as Markdown.
    expect(markdownTexts(cards[0]!).join('\n')).not.toContain('evil.example');

    // Queued in the outbox as JSON, it reads back the same.
    expect(parseDigest(serializeDigest(model))).toEqual(model);
  });

  it('under PUBLISH_MODE=immediate counts new free text as to be published, none waiting', async () => {
    const { core, period } = await running(5, { publishMode: 'immediate' });
    const [s] = (await core.digestFor(period)).surveys!;
    expect(s!.newTexts).toMatchObject({ published: 6, waiting: 0 });
  });

  it('shows fewer than MIN_GROUP_SIZE responses as "fewer than 5", with no rate that would give them away', async () => {
    for (const [answering, line] of [
      [1, '- færre enn 5 av 7 har svart · færre enn 5 nye svar siden forrige oppsummering'],
      [4, '- færre enn 5 av 7 har svart · færre enn 5 nye svar siden forrige oppsummering'],
      [5, '- 5 av 7 har svart (71 %) · 5 nye svar siden forrige oppsummering'],
    ] as const) {
      const { core, period } = await running(answering);
      const model = await core.digestFor(period);
      const md = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo' });
      expect(md, `${answering} responses`).toContain(line);
      if (answering < 5) {
        expect(model.surveys![0]).toMatchObject({ responses: { count: 0, fewerThan: 5 }, responseRate: null, newResponses: { count: 0, fewerThan: 5 } });
        const slack = JSON.stringify(renderDigest(model, 'nb', 'Europe/Oslo'));
        expect(slack).toContain('færre enn 5 av 7 har svart');
        expect(slack).not.toContain(`${answering} av 7`);
        expect(slack).not.toMatch(/\(\d+ %\)/);
      }
    }
  });

  it('gives a survey one line in the digest of the week it closed, and none after', async () => {
    const { core, clock, survey, period } = await running(6);
    clock.advance(DAY);
    await core.surveys.close('cli', survey.id);
    const week = { start: period.start, end: new Date(period.start.getTime() + 7 * DAY) };
    const model = await core.digestFor(week);
    expect(model.surveys).toEqual([expect.objectContaining({ state: 'closed', responses: { count: 6 } })]);
    const md = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo', format: 'text' });
    expect(md).toContain('Felles røst for næringslivet i Indre Østfold (stengt i perioden)\n• 6 av 7 har svart (86 %)\n• Resultater: npx innspill survey results');
    expect(md).not.toContain('Nye fritekstsvar');
    const next = await core.digestFor({ start: week.end, end: new Date(week.end.getTime() + 7 * DAY) });
    expect(next.surveys).toBeUndefined();
    expect(renderDigestMarkdown(next, { locale: 'nb', timeZone: 'Europe/Oslo' })).not.toContain('Undersøkelser');
  });
});
