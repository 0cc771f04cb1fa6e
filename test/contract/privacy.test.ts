import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { DAY, castVoteIn, later, message, noHooks, now, personKeys, pollInput, suggestionInput, vote } from './fixtures.ts';

const retention = (at: Date) => ({
  sentBefore: at,
  digestsBefore: at,
  deadBefore: at,
  deliveryRecordsBefore: at,
  sealedSendersBefore: at,
  shortLivedNamespaces: ['slack.digest_parts'],
});

contract('erasure', (fresh) => {
  it('deletes a person: their profile, suggestions, votes, activity, messages, records and answers; others keep theirs', async () => {
    const store = await fresh().open();
    const kari = personKeys(1);
    await store.participants.touch({ id: kari.id, platform: 'slack', workspaceId: 'T1', userId: 'U1', locale: 'nb', now });
    await store.members.add(kari.id, now);
    const named = (await store.suggestions.add(suggestionInput(1))).suggestion;
    const anonymous = (await store.suggestions.add(suggestionInput(1, { senderKey: 'x1', senderId: null, anonymous: true, sealedSender: 'sealed-kari' }))).suggestion;
    const olas = (await store.suggestions.add(suggestionInput(2))).suggestion;
    const open = await store.polls.create(pollInput());
    const closed = await store.polls.create(pollInput());
    for (const poll of [open, closed]) {
      await castVoteIn(store, vote(poll.id, 1, 0));
      await castVoteIn(store, vote(poll.id, 2, 0));
    }
    await store.polls.setClosed(closed.id, now, now);
    // Kari as a member replies to Ola; Ola's member replies to Kari's suggestion, and Kari answers.
    await store.suggestions.recordReply({ suggestionId: olas.id, memberId: kari.id, text: 'takk', now }, message('reply:a', { payload: { type: 'reply', locale: 'nb', suggestionId: olas.id, text: 'takk' }, label: 'slack:T1:U2' }));
    await store.suggestions.recordReply(
      { suggestionId: named.id, memberId: 'slack:T1:M9', text: 'hei', now },
      message('reply:b', { recipient: { kind: 'user', userId: 'U1' }, payload: { type: 'reply', locale: 'nb', suggestionId: named.id, text: 'hei' }, label: 'x' }),
    );
    await store.followUp.recordAnswer({ suggestionId: named.id, memberId: 'slack:T1:M9', text: 'svar', now }, message('answer:a', { payload: { type: 'answer', locale: 'nb', suggestionId: named.id, text: 'svar' }, label: 'slack:T1:M9' }));
    await store.platformState.put('slack.dm', kari.id, { channel: 'D1' }, now);
    await store.events.firstDelivery('vote', `${kari.id}:click`, now);
    await store.events.firstDelivery('vote', 'slack:T1:U2:click', now);
    const hooks = { sealedIsTheirs: (s: string) => s === 'sealed-kari', state: [{ namespace: 'slack.dm', key: kari.id }] };

    const held = await store.privacy.holdings(kari, hooks);
    expect(held.suggestions.map((s) => [s.id, s.sealedSender])).toEqual([[named.id, false], [anonymous.id, true]]);
    expect(held.votes.map((v) => [v.pollId, v.optionLabel])).toEqual([[open.id, 'A'], [closed.id, 'A']]);
    expect(held).toMatchObject({ member: true, replies: [{ suggestionId: olas.id, text: 'takk' }], answers: [{ suggestionId: named.id, text: 'svar' }] });
    expect(held.outbox.map((o) => o.type).sort()).toEqual(['answer', 'reply']);
    expect(held.platformState).toEqual([{ namespace: 'slack.dm', key: kari.id, updatedAt: now }]);
    expect(held.activity).toHaveLength(1);

    const erased = await store.privacy.forget(kari, hooks, now);
    expect(erased).toEqual({ participant: true, suggestions: 2, votes: 2, activity: 1, replies: 2, answers: 1, outbox: 2, digests: 0, platformState: 1 });
    const after = await store.privacy.holdings(kari, hooks);
    expect(after).toMatchObject({ participant: null, member: false, suggestions: [], votes: [], activity: [], replies: [], answers: [], outbox: [], platformState: [] });
    expect(await store.suggestions.get(named.id)).toBeNull();
    expect(await store.suggestions.get(olas.id)).not.toBeNull();
    // An open poll gives the vote back; a closed one keeps its published result.
    expect(await store.polls.tally(open.id)).toEqual({ counts: [1, 0, 0], voters: 1 });
    expect(await store.polls.tally(closed.id)).toEqual({ counts: [2, 0, 0], voters: 2 });
    // Kari created the polls: they stay, by no one in particular.
    expect((await store.polls.get(open.id))?.creatorId).toBe('erased');
    expect(await store.events.firstDelivery('vote', `${kari.id}:click`, now)).toBe(true);
    expect(await store.events.firstDelivery('vote', 'slack:T1:U2:click', now)).toBe(false);
    expect(await store.privacy.forget(kari, hooks, now)).toEqual({ participant: false, suggestions: 0, votes: 0, activity: 0, replies: 0, answers: 0, outbox: 0, digests: 0, platformState: 0 });
  });

  it('never gives a deleted suggestion’s number to the next one', async () => {
    const store = await fresh().open();
    await store.suggestions.add(suggestionInput(1));
    const second = (await store.suggestions.add(suggestionInput(1))).suggestion;
    await store.privacy.forget(personKeys(1), noHooks, now);
    const third = (await store.suggestions.add(suggestionInput(2))).suggestion;
    expect(third.id).toBe(second.id + 1);
  });

  it('deletes a person’s survey responses, their free-text items and opt-out', async () => {
    const store = await fresh().open();
    const survey = await store.surveys.create({ title: 'S', questions: [] } as never, 'slack:T1:M1', now);
    const segment = { area: null, industry: null, sizeBand: null };
    await store.surveys.saveResponse({ surveyId: survey.id, respondentKey: 'r1', answers: {} as never, complete: true, segment, now, workspaceKey: 'slack:T1', texts: [{ questionId: 'q2', text: 'mitt svar', topic: 'other' }] });
    await store.surveys.saveResponse({ surveyId: survey.id, respondentKey: 'r2', answers: {} as never, complete: true, segment, now, workspaceKey: 'slack:T1', texts: [] });
    await store.surveys.setOptOut('o1', true, now);
    expect((await store.surveys.responsesOf(() => 'r1')).map((r) => r.surveyId)).toEqual([survey.id]);
    expect(await store.surveys.forgetRespondent(() => 'r1', 'o1')).toBe(1);
    expect(await store.surveys.responsesOf(() => 'r1')).toEqual([]);
    expect(await store.surveys.textAnswers(survey.id)).toEqual([]);
    expect(await store.surveys.isOptedOut('o1')).toBe(false);
    expect(await store.surveys.responses(survey.id)).toHaveLength(1);
  });
});

contract('retention', (fresh) => {
  it('prunes sent, dead and digest messages, old delivery records, short-lived records and sealed senders by age', async () => {
    const store = await fresh().open();
    const run = { slot: now, periodStart: later(-7 * DAY), periodEnd: now, manual: false };
    const ids = (await store.digestRuns.record(run, [message('sent'), message('dead'), message('pending'), message('digest', { payload: { type: 'digest', locale: 'nb', digest: {} } })], now))!.messageIds;
    const [sent, dead, pending, digest] = ids as [number, number, number, number];
    await store.outbox.claim(sent, 'w', now, later(60_000));
    await store.outbox.markSent(sent, now, null);
    await store.outbox.markDead(dead, 'gave up');
    await store.outbox.markDead(digest, 'gave up');
    await store.events.firstDelivery('slack', 'Ev1', now);
    await store.platformState.put('slack.digest_parts', 'k', { n: 1 }, now);
    await store.platformState.put('slack.installation', 'T1', { token: 'sealed' }, now);
    const anonymous = (await store.suggestions.add(suggestionInput(1, { senderKey: 'x1', senderId: null, anonymous: true, sealedSender: 'sealed' }))).suggestion;

    expect(await store.privacy.prune(retention(now))).toEqual({ outbox: 0, deliveryRecords: 0, platformState: 0, sealedSenders: 0 });
    expect(await store.privacy.prune(retention(later(1)))).toEqual({ outbox: 3, deliveryRecords: 1, platformState: 1, sealedSenders: 1 });
    expect((await store.outbox.list(['pending', 'sending', 'sent', 'dead'], 10)).map((m) => m.id)).toEqual([pending]);
    expect(await store.platformState.get('slack.installation', 'T1')).toEqual({ token: 'sealed' });
    expect(await store.suggestions.replyTarget(anonymous.id)).toEqual({ senderId: null, sealedSender: null, anonymous: true });
  });
});
