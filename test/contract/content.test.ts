import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { DAY, castVoteIn, later, message, now, pollInput, suggestionInput, vote } from './fixtures.ts';

const definition = { title: 'Undersøkelse', questions: [{ type: 'single', text: 'Hvordan?', options: ['Bra', 'Dårlig'] }] } as never;
const invitation = (surveyId: number, who: string, at: Date, reminder = false) =>
  message(reminder ? `survey:${surveyId}:remind:${at.getTime()}:${who}` : `survey:${surveyId}:${who}`, {
    payload: { type: 'survey', surveyId, participantId: who, reminder },
    label: who,
  });

contract('surveys', (fresh) => {
  it('records sends, queues each person once across sends, and counts only the newly reached', async () => {
    const store = await fresh().open();
    const survey = await store.surveys.create(definition, 'slack:T1:M1', now);
    expect(await store.surveys.get(survey.id)).toEqual(survey);
    const target = { kind: 'everyone' } as never;
    const first = await store.surveys.send({ surveyId: survey.id, target, startsAt: now, closesAt: later(7 * DAY), remindAt: [later(3 * DAY)], createdAt: now }, [
      { ...invitation(survey.id, 'a', now), at: now },
      { ...invitation(survey.id, 'a', later(3 * DAY), true), at: later(3 * DAY) },
    ]);
    const second = await store.surveys.send({ surveyId: survey.id, target, startsAt: now, closesAt: null, remindAt: [], createdAt: later(1) }, [
      { ...invitation(survey.id, 'a', now), at: now },
      { ...invitation(survey.id, 'b', now), at: now },
    ]);
    expect([first.recipients, second.recipients]).toEqual([1, 1]);
    expect((await store.surveys.sends(survey.id)).map((s) => [s.id, s.recipients, s.remindAt])).toEqual([[first.id, 1, [later(3 * DAY)]], [second.id, 1, []]]);
    // A later send without a closing time keeps the survey's.
    expect((await store.surveys.get(survey.id))?.closesAt).toEqual(later(7 * DAY));
    expect((await store.outbox.due(now, 10)).map((m) => m.dedupeKey)).toEqual([`survey:${survey.id}:a`, `survey:${survey.id}:b`]);
    expect((await store.surveys.close(survey.id, later(2)))?.closedAt).toEqual(later(2));
    expect((await store.surveys.close(survey.id, later(3)))?.closedAt).toEqual(later(2));
    expect((await store.surveys.list()).map((s) => s.id)).toEqual([survey.id]);
  });

  it('keeps one response per respondent, replaced on a new answer, and opt-outs by key', async () => {
    const store = await fresh().open();
    const survey = await store.surveys.create(definition, 'slack:T1:M1', now);
    const segment = { area: null, industry: null, sizeBand: null };
    await store.surveys.saveResponse({ surveyId: survey.id, respondentKey: 'r1', answers: { q1: 'Bra' } as never, complete: false, segment, now, workspaceKey: 'slack:T1', texts: [] });
    await store.surveys.saveResponse({ surveyId: survey.id, respondentKey: 'r1', answers: { q1: 'Dårlig' } as never, complete: true, segment, now: later(1), workspaceKey: 'slack:T1', texts: [] });
    expect(await store.surveys.response(survey.id, 'r1')).toEqual({ answers: { q1: 'Dårlig' }, complete: true, updatedAt: later(1) });
    expect(await store.surveys.responses(survey.id)).toEqual([{ answers: { q1: 'Dårlig' }, complete: true, segment }]);
    await store.surveys.setOptOut('o1', true, now);
    await store.surveys.setOptOut('o1', true, now);
    expect(await store.surveys.isOptedOut('o1')).toBe(true);
    await store.surveys.setOptOut('o1', false, now);
    expect(await store.surveys.isOptedOut('o1')).toBe(false);
  });
});

contract('survey free text in the follow-up loop', (fresh) => {
  it('keeps each free-text answer as one anonymous follow-up item: added, changed (back to review), cleared', async () => {
    const store = await fresh().open();
    const survey = await store.surveys.create(definition, 'slack:T1:M1', now);
    const segment = { area: null, industry: null, sizeBand: null };
    const save = (texts: { questionId: string; text: string; topic: string }[], at: Date) =>
      store.surveys.saveResponse({ surveyId: survey.id, respondentKey: 'r1', answers: {} as never, complete: true, segment, now: at, workspaceKey: 'slack:T1', texts });
    await save([{ questionId: 'q2', text: 'Mer samarbeid', topic: 'other' }, { questionId: 'q3', text: 'Bedre vei', topic: 'transport' }], now);
    const first = await store.surveys.textAnswers(survey.id);
    expect(first.map((s) => [s.text, s.topic, s.anonymous, s.survey])).toEqual([
      ['Mer samarbeid', 'other', true, { id: survey.id, questionId: 'q2' }],
      ['Bedre vei', 'transport', true, { id: survey.id, questionId: 'q3' }],
    ]);
    expect((await store.followUp.reviewQueue(10)).map((s) => s.id)).toEqual(first.map((s) => s.id));
    await store.followUp.approve({ suggestionId: first[0]!.id, memberId: 'slack:T1:M1', now });
    expect((await store.followUp.reviewQueue(10)).map((s) => s.id)).toEqual([first[1]!.id]);
    await save([{ questionId: 'q2', text: 'Mer samarbeid, og raskt', topic: 'other' }], later(DAY));
    const second = await store.surveys.textAnswers(survey.id);
    expect(second.map((s) => [s.id, s.text])).toEqual([[first[0]!.id, 'Mer samarbeid, og raskt']]);
    expect((await store.followUp.reviewQueue(10)).map((s) => s.id)).toEqual([first[0]!.id]);
    expect(await store.surveys.newResponses(survey.id, { start: later(-1), end: later(1) })).toBe(1);
    expect(await store.surveys.newResponses(survey.id, { start: later(1), end: later(2 * DAY) })).toBe(0);
  });
});

contract('follow-up', (fresh) => {
  it('moderates with a record, answers the last member who spoke, and queues a reply or answer once', async () => {
    const store = await fresh().open();
    const s = (await store.suggestions.add(suggestionInput(1))).suggestion;
    expect((await store.followUp.reviewQueue(10)).map((x) => x.id)).toEqual([s.id]);
    const step = { suggestionId: s.id, memberId: 'slack:T1:M1', now };
    expect((await store.followUp.hide({ ...step, reason: 'off topic' }))?.status).toBe('hidden');
    expect(await store.followUp.hiddenReason(s.id)).toBe('off topic');
    expect((await store.followUp.restore(step))?.status).toBe('new');
    expect((await store.followUp.approve(step))?.approvedAt).toEqual(now);
    expect(await store.followUp.reviewQueue(10)).toEqual([]);
    expect((await store.followUp.moveTopic({ ...step, topic: 'transport' }))?.topic).toBe('transport');
    expect(await store.followUp.approve({ ...step, suggestionId: s.id + 99 })).toBeNull();
    const notice = message(`status:${s.id}`, { payload: { type: 'status', locale: 'nb', suggestionId: s.id, progress: 'considering', note: 'ser på det' } });
    const changed = await store.followUp.setProgress({ ...step, memberId: 'slack:T1:M2', now: later(10), progress: 'considering', note: 'ser på det' }, notice);
    expect(changed).toMatchObject({ progress: 'considering', statusNote: 'ser på det', progressAt: later(10) });
    expect(await store.followUp.lastResponder(s.id)).toBe('slack:T1:M2');
    const reply = message(`reply:${s.id}:1`, { payload: { type: 'reply', locale: 'nb', suggestionId: s.id, text: 'hei' } });
    const replyIds = await Promise.all([1, 2].map(() => store.suggestions.recordReply({ suggestionId: s.id, memberId: 'slack:T1:M3', text: 'hei', now: later(20) }, reply)));
    expect(replyIds[0]).toBe(replyIds[1]);
    expect(await store.followUp.lastResponder(s.id)).toBe('slack:T1:M3');
    expect(await store.followUp.sentBy(s.id, ['n1', 'x1'])).toBe(true);
    expect(await store.followUp.sentBy(s.id, ['n2'])).toBe(false);
    const answer = message(`answer:${s.id}:1`, { payload: { type: 'answer', locale: 'nb', suggestionId: s.id, text: 'takk' } });
    const answerIds = await Promise.all([1, 2].map(() => store.followUp.recordAnswer({ suggestionId: s.id, memberId: 'slack:T1:M3', text: 'takk', now: later(30) }, answer)));
    expect(answerIds[0]).toBe(answerIds[1]);
    const period = { start: now, end: later(DAY) };
    expect((await store.followUp.statusChangesIn(period, 10)).map((x) => x.id)).toEqual([s.id]);
    expect(await store.followUp.answersIn(period, 10)).toEqual([{ suggestion: expect.objectContaining({ id: s.id }), text: 'takk', createdAt: later(30) }]);
    expect((await store.followUp.consented()).map((x) => x.id)).toEqual([s.id]);
    expect((await store.outbox.list(['pending'], 10)).map((m) => m.dedupeKey)).toEqual([`status:${s.id}`, `reply:${s.id}:1`, `answer:${s.id}:1`]);
  });

  it('aggregates a period’s suggestions and polls by segment for the report', async () => {
    const store = await fresh().open();
    await store.suggestions.add(suggestionInput(1));
    await store.suggestions.add(suggestionInput(2));
    const poll = await store.polls.create(pollInput({ multipleChoice: true }));
    await castVoteIn(store, vote(poll.id, 1, 0));
    await castVoteIn(store, vote(poll.id, 1, 1));
    await castVoteIn(store, vote(poll.id, 2, 1));
    const input = await store.followUp.reportInput({ start: now, end: later(DAY) });
    const none = { area: null, industry: null, sizeBand: null };
    expect(input.suggestions).toEqual([{ ...none, topic: 'other', progress: 'received', count: 2 }]);
    expect(input.polls).toEqual([{ poll, voters: 2, counts: [1, 2, 0] }]);
    expect(input.votes.sort((a, b) => a.option - b.option)).toEqual([{ ...none, pollId: poll.id, option: 0, count: 1 }, { ...none, pollId: poll.id, option: 1, count: 2 }]);
    expect(input.voters).toEqual([{ ...none, pollId: poll.id, count: 2 }]);
  });
});

contract('digest and export queries', (fresh) => {
  it('lists a period’s suggestions, totals and participation, and every poll with its running counts', async () => {
    const store = await fresh().open();
    const s = (await store.suggestions.add(suggestionInput(1, { topic: 'transport' }))).suggestion;
    await store.suggestions.add(suggestionInput(2, { topic: 'transport', createdAt: later(-8 * DAY) }));
    const poll = await store.polls.create(pollInput());
    await castVoteIn(store, vote(poll.id, 3, 2));
    const period = { start: new Date(now.getTime() - 3_600_000), end: later(DAY) };
    const input = await store.reports.digestInput(period, { start: later(-9 * DAY), end: period.start });
    expect(input.suggestions.map((x) => [x.id, x.topic, x.text])).toEqual([[s.id, 'transport', s.text]]);
    expect([...input.topicCounts]).toEqual([['transport', 1]]);
    expect([...input.previousTopicCounts]).toEqual([['transport', 1]]);
    expect(input.totals).toEqual({ suggestions: 1, votes: 1, participants: 2 });
    expect(input.participation.participants).toBe(2);
    expect(await store.reports.suggestionsIn(period, 'transport', 0, 10)).toEqual(input.suggestions);
    const other = await store.polls.create(pollInput({ options: ['X', 'Y'] }));
    expect((await store.reports.pollTallies()).map((r) => [r.poll.id, r.counts, r.voters])).toEqual([
      [poll.id, [0, 0, 1], 1],
      [other.id, [0, 0], 0],
    ]);
  });
});

contract('documents and the public site', (fresh) => {
  it('keeps files and links, newest date first, with their bytes apart', async () => {
    const store = await fresh().open();
    const pdf = await store.documents.add({ title: 'Referat', date: '2026-11-01', kind: 'pdf', url: null, content: new Uint8Array([37, 80, 68, 70]), createdAt: now });
    const link = await store.documents.add({ title: 'Lysark', date: '2026-11-20', kind: 'link', url: 'https://example.org/x', content: null, createdAt: now });
    expect(pdf).toMatchObject({ size: 4, url: null });
    expect((await store.documents.list()).map((d) => d.id)).toEqual([link.id, pdf.id]);
    expect(Buffer.from((await store.documents.content(pdf.id))!)).toEqual(Buffer.from([37, 80, 68, 70]));
    expect(await store.documents.content(link.id)).toBeNull();
    expect(await store.documents.get(link.id)).toEqual(link);
    expect(await store.documents.remove(pdf.id)).toBe(true);
    expect(await store.documents.remove(pdf.id)).toBe(false);
  });

  it('counts voters per week once, and moves its version after a write', async () => {
    const store = await fresh().open();
    const poll = await store.polls.create(pollInput({ multipleChoice: true }));
    const before = store.publicSite.version();
    await castVoteIn(store, vote(poll.id, 1, 0));
    await castVoteIn(store, vote(poll.id, 1, 1));
    await castVoteIn(store, vote(poll.id, 2, 1, { now: later(7 * DAY) }));
    expect(store.publicSite.version()).not.toBe(before);
    expect(await store.publicSite.weeklyVoters()).toEqual([
      { week: '2026-11-23', voters: 1 },
      { week: '2026-11-30', voters: 1 },
    ]);
  });
});
