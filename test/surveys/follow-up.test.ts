import { describe, expect, it } from 'vitest';
import { loadTopicKeywords } from '../../adapters/cli/topic-keywords.ts';
import { reviewLine } from '../../adapters/console/render.ts';
import { reviewBlocks } from '../../adapters/slack/render/follow-up.ts';
import { reviewCard } from '../../adapters/teams/cards/follow-up.ts';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';
import { texts } from '../teams/card-reading.ts';
import { actor, testCore } from '../helpers/core.ts';
import { FULL_ANSWERS, questback } from './fixtures.ts';

async function setup(publishMode: 'review' | 'immediate' = 'review') {
  const t = testCore({ topicKeywords: loadTopicKeywords()!, publishMode });
  const member = actor('UM');
  await t.core.members.add(member.id, t.clock());
  const kari = actor('U1');
  await t.store.participants.touch({ ...kari, now: t.clock() });
  const survey = await t.core.surveys.create('cli', questback());
  await t.core.surveys.send('cli', survey.id, { target: { kind: 'everyone' } });
  return { ...t, member, kari, survey };
}

describe('survey free text in the follow-up loop', () => {
  it('enters the review queue with a proposed topic, anonymous, and is approved, hidden, restored, moved and given a status like a suggestion', async () => {
    const { core, member, kari, survey } = await setup();
    await core.surveys.save(kari, survey.id, { ...FULL_ANSWERS, expectation: 'Bedre parkering i sentrum', comments: 'Ring meg på 912 34 567' }, { finish: true });
    const queue = await core.reviewQueue(member);
    expect(queue.map((s) => [s.text, s.topic, s.topicProposed, s.anonymous, s.senderId, s.segment, s.survey])).toEqual([
      ['Bedre parkering i sentrum', 'place', true, true, null, { area: null, industry: null, sizeBand: null }, { id: survey.id, questionId: 'expectation' }],
      ['Ring meg på 912 34 567', 'other', true, true, null, { area: null, industry: null, sizeBand: null }, { id: survey.id, questionId: 'comments' }],
    ]);
    // Every queue says what it answers: Slack's App Home, Teams' card, the playground and `moderate list`.
    expect(JSON.stringify(reviewBlocks(queue, 'nb'))).toContain(`#${queue[0]!.id} · Stedsutvikling (foreslått) · svar på undersøkelse ${survey.id} (expectation)*`);
    expect(texts(reviewCard('en', queue, DEFAULT_TOPICS))).toContain(`#${queue[1]!.id} · Other (proposed) · answer to survey ${survey.id} (comments)`);
    expect(reviewLine(queue[0]!, 'Stedsutvikling', 'nb')).toBe(`#${queue[0]!.id}  Stedsutvikling (foreslått) · svar på undersøkelse ${survey.id} (expectation)  Bedre parkering i sentrum`);
    const [first, second] = queue;
    expect((await core.approve(member, first!.id)).approvedAt).not.toBeNull();
    expect((await core.hide(member, second!.id, 'telefonnummer')).status).toBe('hidden');
    expect(await core.hiddenReason(member, second!.id)).toBe('telefonnummer');
    expect((await core.restore(member, second!.id)).status).toBe('new');
    expect((await core.moveTopic(member, second!.id, 'organisation')).topic).toBe('organisation');
    // A survey answer has no sender to tell: the status is set, and no notice is queued.
    const status = await core.setStatus(member, first!.id, 'considering', 'Tas med i anbefalingen');
    expect(status).toMatchObject({ notified: false, suggestion: { progress: 'considering', statusNote: 'Tas med i anbefalingen' } });
    expect(await core.reviewQueue(member)).toEqual([expect.objectContaining({ id: second!.id })]);
    // Refused to anyone but a member, as for suggestions.
    await expect(core.approve(kari, second!.id)).rejects.toMatchObject({ code: 'not_allowed' });
  });

  it('follows an edited response: a changed answer waits for review again (a moved topic stays), a cleared one leaves the loop', async () => {
    const { core, member, kari, survey } = await setup();
    await core.surveys.save(kari, survey.id, FULL_ANSWERS, { finish: true });
    const [expectation, comments] = await core.reviewQueue(member);
    await core.approve(member, expectation!.id);
    await core.approve(member, comments!.id);
    await core.moveTopic(member, expectation!.id, 'financing');
    expect(await core.reviewQueue(member)).toEqual([]);

    await core.surveys.save(kari, survey.id, { expectation: 'Lavere eiendomsskatt', comments: '' }, { only: ['expectation', 'comments'], finish: false });
    const after = await core.reviewQueue(member);
    expect(after).toEqual([expect.objectContaining({ id: expectation!.id, text: 'Lavere eiendomsskatt', topic: 'financing', approvedAt: null })]);
    expect(await core.suggestionFor(member, comments!.id).catch((e: { code: string }) => e.code)).toBe('suggestion_not_found');
    // Saving the same text again changes nothing.
    await core.approve(member, expectation!.id);
    await core.surveys.save(kari, survey.id, { expectation: 'Lavere eiendomsskatt' }, { only: ['expectation'], finish: false });
    expect(await core.reviewQueue(member)).toEqual([]);
  });

  it('never publishes free text as a suggestion, nor while its survey runs', async () => {
    const { core, member, kari, survey } = await setup('immediate');
    await core.surveys.save(kari, survey.id, FULL_ANSWERS, { finish: true });
    for (const s of await core.reviewQueue(member)) await core.approve(member, s.id);
    const data = await core.exportPublished();
    expect(data.suggestions).toEqual([]);
    expect(JSON.stringify(data)).not.toContain(FULL_ANSWERS.expectation);
  });
});
