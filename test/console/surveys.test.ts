import { describe, expect, it } from 'vitest';
import { actor, testCore } from '../helpers/core.ts';
import { playgroundSession } from '../helpers/playground.ts';
import { FULL_ANSWERS, questback } from '../surveys/fixtures.ts';

async function session(core: ReturnType<typeof testCore>['core'], lines: string[], locale: 'nb' | 'en' = 'nb') {
  const me = actor('kari', { platform: 'console', workspaceId: 'local', locale });
  return { text: await playgroundSession(core, me, lines), me };
}

describe('surveys in the terminal playground', () => {
  it('answers the 12-question survey question by question, re-asking on a wrong answer, and keeps earlier answers on a second go', async () => {
    const { core } = testCore();
    const survey = await core.surveys.create('cli', questback());
    await core.surveys.send('cli', survey.id, { target: { kind: 'everyone' } });
    const first = await session(core, [
      '/undersøkelser',
      '/svar',
      '1,2,3,4', // focus: more than the 3 allowed
      '1,4', // focus
      '9', // importance: out of range
      '4', // importance
      '', // cooperation: optional, skipped
      '2', // organisation
    ]);
    expect(first.text).toContain(`#${survey.id} Felles røst for næringslivet i Indre Østfold  (/svar ${survey.id})`);
    expect(first.text).toContain('1/12: Hva bør en felles røst for næringslivet prioritere? Velg inntil tre.');
    expect(first.text).toContain('Velg høyst 3.');
    expect(first.text).toContain('Velg et tall fra 1 til 5.');
    expect(first.text).toContain('3/12: Hvor godt fungerer samarbeidet mellom næringslivet og kommunen i dag? (valgfritt)');
    // The input ended half-way: what was answered is kept, not complete.
    const me = first.me;
    expect(await core.surveys.forAnswering(me, survey.id)).toMatchObject({ complete: false, answers: { focus: ['framework', 'place'], importance: 4, organisation: 'network' } });

    const second = await session(core, [
      `/svar ${survey.id}`,
      '', // focus kept
      '', // importance kept
      '2', // cooperation
      '', // organisation kept
      '2', // secretariat
      '1,3', // financing
      '3', // fee
      '1', // area
      '1', // industry
      '2', // size
      FULL_ANSWERS.expectation,
      '',
      '/undersøkelser',
    ]);
    expect(second.text).toContain('[1,4]');
    expect(second.text).toContain('Takk! Svarene dine er lagret.');
    expect(second.text).toContain(`#${survey.id} Felles røst for næringslivet i Indre Østfold ✓`);
    const { results } = await core.surveys.results(survey.id);
    expect(results.responses).toBe(1);
    expect(results.questions.find((q) => q.id === 'expectation')!.texts).toEqual([FULL_ANSWERS.expectation]);
  });

  it('turns survey messages off and on, and lets a member send and close from the playground', async () => {
    const { core } = testCore();
    await core.members.add('console:local:kari', new Date());
    await core.surveys.create('cli', questback());
    const { text } = await session(core, ['/innspill stop', '/innspill start', '/innspill survey send 1', '/innspill survey list', '/innspill survey close 1', '/svar 1', '/innspill survey send 1'], 'en');
    expect(text).toContain('You will get no more surveys or reminders.');
    expect(text).toContain('You will get surveys again.');
    expect(text).toContain('Survey #1 has been sent to 0 participants.');
    expect(text).toContain('#1 A common voice for local business in Indre Østfold (open, 0 responses)');
    expect(text).toContain('Survey #1 is closed.');
    expect(text).toContain('The survey is closed, so your answer was not saved.');
    expect(text).toContain('The survey cannot be sent: it is closed.');
  });
});
