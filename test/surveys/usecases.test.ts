import { describe, expect, it } from 'vitest';
import { actor, testCore } from '../helpers/core.ts';
import { FULL_ANSWERS, questback } from './fixtures.ts';

const DAY = 86_400_000;

async function setup() {
  const t = testCore();
  const { core, store } = t;
  const member = actor('UM');
  await core.members.add(member.id, t.clock());
  const kari = actor('U1');
  const ola = actor('U2', { platform: 'teams', workspaceId: 'tenant1' });
  const per = actor('U3RESPONDENT9');
  for (const a of [kari, ola, per]) await store.participants.touch({ ...a, now: t.clock() });
  await core.saveProfile(kari, { area: 'askim' });
  await core.saveProfile(ola, { area: 'askim', industry: 'retail' });
  await core.saveProfile(per, { area: 'hobol' });
  const survey = await core.surveys.create('cli', questback());
  return { ...t, member, kari, ola, per, survey };
}

describe('survey use cases', () => {
  it('sends to the target group through the outbox, once per person, with reminders queued for their time', async () => {
    const { core, store, clock, kari, ola, survey } = await setup();
    const { send, queued } = await core.surveys.send('cli', survey.id, { target: { kind: 'area', key: 'askim' }, remindAfterMs: [3 * DAY] });
    expect(send.recipients).toBe(2);
    expect(queued).toBe(4);
    const all = await store.outbox.list(['pending'], 100);
    expect(all.map((m) => m.label).sort()).toEqual([kari.id, kari.id, ola.id, ola.id]);
    expect((await store.outbox.due(clock(), 100)).map((m) => m.payload)).toEqual(
      expect.arrayContaining([{ type: 'survey', surveyId: survey.id, participantId: kari.id, reminder: false }]),
    );
    expect(await store.outbox.due(clock(), 100)).toHaveLength(2);
    expect(await store.outbox.due(new Date(clock().getTime() + 3 * DAY), 100)).toHaveLength(4);
    // Sending again reaches no one twice, and counts only the newly reached for the response rate.
    const again = await core.surveys.send('cli', survey.id, { target: { kind: 'everyone' } });
    expect(again.send.recipients).toBe(1);
    expect((await core.surveys.results(survey.id)).results.recipients).toBe(3);
    const invitations = (await store.outbox.list(['pending'], 100)).filter((m) => m.payload.type === 'survey' && !m.payload.reminder);
    expect(invitations.map((m) => m.label).sort()).toEqual([kari.id, ola.id, actor('U3RESPONDENT9').id].sort());
  });

  it('refuses a send in the past, a close before the start, and members only from chat', async () => {
    const { core, clock, kari, member, survey } = await setup();
    await expect(core.surveys.send('cli', survey.id, { target: { kind: 'everyone' }, at: new Date(clock().getTime() - 1) })).rejects.toMatchObject({
      code: 'survey_invalid',
      params: { reason: 'time_in_past' },
    });
    await expect(core.surveys.send('cli', survey.id, { target: { kind: 'everyone' }, closeAt: new Date(clock().getTime() - 1) })).rejects.toMatchObject({
      code: 'survey_invalid',
    });
    await expect(core.surveys.send(kari, survey.id, { target: { kind: 'everyone' } })).rejects.toMatchObject({ code: 'not_allowed' });
    await expect(core.surveys.send(member, 999, { target: { kind: 'everyone' } })).rejects.toMatchObject({ code: 'survey_not_found' });
  });

  it('keeps a partial response, completes it, lets it be edited until closed, and refuses outsiders and late answers', async () => {
    const { core, clock, kari, per, survey } = await setup();
    await core.surveys.send('cli', survey.id, { target: { kind: 'area', key: 'askim' }, closeAt: new Date(clock().getTime() + 7 * DAY) });
    const page1 = ['focus', 'importance', 'cooperation', 'organisation', 'secretariat'];
    const missing = await core.surveys.save(kari, survey.id, { focus: ['voice'] }, { only: page1, finish: false });
    expect(missing).toMatchObject({ ok: false, issues: [{ questionId: 'importance', problem: 'required' }, { questionId: 'organisation', problem: 'required' }] });
    expect((await core.surveys.forAnswering(kari, survey.id)).answers).toEqual({});

    const partial = await core.surveys.save(kari, survey.id, { focus: ['voice'], importance: 5, organisation: 'council' }, { only: page1, finish: false });
    expect(partial).toMatchObject({ ok: true, complete: false });
    expect(await core.surveys.forAnswering(kari, survey.id)).toMatchObject({ complete: false, answers: { focus: ['voice'], importance: 5 } });
    expect((await core.surveys.results(survey.id)).results).toMatchObject({ responses: 0, partial: 1 });

    const done = await core.surveys.save(kari, survey.id, FULL_ANSWERS, { finish: true });
    expect(done).toMatchObject({ ok: true, complete: true });
    const edited = await core.surveys.save(kari, survey.id, { expectation: 'Endret' }, { only: ['expectation'], finish: false });
    expect(edited).toMatchObject({ ok: true, complete: true, answers: { expectation: 'Endret', importance: 4 } });
    const { results } = await core.surveys.results(survey.id);
    expect(results).toMatchObject({ responses: 1, partial: 0, recipients: 2, responseRate: 0.5 });

    await expect(core.surveys.forAnswering(per, survey.id)).rejects.toMatchObject({ code: 'survey_not_for_you' });
    clock.advance(8 * DAY);
    await expect(core.surveys.save(kari, survey.id, FULL_ANSWERS, { finish: true })).rejects.toMatchObject({ code: 'survey_closed' });
  });

  it('decides reminders when due: not to those who answered or said stop, nothing after closing', async () => {
    const { core, kari, ola, survey, member } = await setup();
    await core.surveys.send(member, survey.id, { target: { kind: 'area', key: 'askim' } });
    await core.surveys.save(kari, survey.id, FULL_ANSWERS, { finish: true });
    expect(await core.surveys.delivery({ surveyId: survey.id, participantId: kari.id, reminder: true })).toEqual({ send: false, reason: 'answered' });
    expect(await core.surveys.delivery({ surveyId: survey.id, participantId: ola.id, reminder: true })).toMatchObject({ send: true, reminder: true });
    await core.surveys.setMessages(ola, false);
    expect(await core.surveys.delivery({ surveyId: survey.id, participantId: ola.id, reminder: true })).toEqual({ send: false, reason: 'opted_out' });
    await core.surveys.setMessages(ola, true);
    await core.surveys.close(member, survey.id);
    expect(await core.surveys.delivery({ surveyId: survey.id, participantId: ola.id, reminder: true })).toEqual({ send: false, reason: 'closed' });
    // A closed survey is not sent again.
    await expect(core.surveys.send(member, survey.id, { target: { kind: 'everyone' } })).rejects.toMatchObject({ code: 'survey_invalid', params: { reason: 'closed' } });
  });

  it('stores responses under a pseudonym, with a segment from the answers where the profile is silent, and erases them on request', async () => {
    const { core, store, per, survey } = await setup();
    await core.surveys.send('cli', survey.id, { target: { kind: 'everyone' } });
    await core.surveys.save(per, survey.id, FULL_ANSWERS, { finish: true });
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    const rows = db.prepare('SELECT * FROM survey_responses').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('U3RESPONDENT9');
    // Profile says hobol; industry and size come from the answers.
    expect(rows[0]).toMatchObject({ area: 'hobol', industry: 'retail', size_band: '2-9' });
    expect(await core.surveys.forgetRespondent(per.id)).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM survey_responses').get()).toEqual({ n: 0 });
  });

  it('keys a response by its survey, never by the person’s other pseudonyms, and the operator’s erasure and access request find it', async () => {
    const { core, store, per, survey } = await setup();
    await core.surveys.send('cli', survey.id, { target: { kind: 'everyone' } });
    await core.submitSuggestion(per, { text: 'Et navngitt innspill', topic: 'other', anonymous: false, publishable: false });
    await core.surveys.save(per, survey.id, FULL_ANSWERS, { finish: true });
    await core.surveys.setMessages(per, false);
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    const { respondent_key: respondent } = db.prepare('SELECT respondent_key FROM survey_responses').get() as { respondent_key: string };
    const { person_key: optOut } = db.prepare('SELECT person_key FROM survey_optouts').get() as { person_key: string };
    // No value a reader of the file could join on: not the named suggestions' key, not each other.
    // (The response's own free-text items carry its key: they are the same answers, in the follow-up loop.)
    const everything = JSON.stringify(db.prepare('SELECT * FROM suggestions WHERE survey_id IS NULL').all());
    expect(everything).not.toContain(respondent);
    expect(everything).not.toContain(optOut);
    expect(respondent).not.toBe(optOut);

    expect(db.prepare('SELECT count(*) AS n FROM suggestions WHERE survey_id IS NOT NULL').get()).toEqual({ n: 2 });
    const shown = await core.showPerson(per);
    expect(shown.surveyResponses).toEqual([expect.objectContaining({ surveyId: survey.id, complete: true })]);
    const erased = await core.forgetPerson(per);
    expect(erased.surveyResponses).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM survey_responses').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM survey_optouts').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM suggestions WHERE survey_id IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('holds a scheduled send in the outbox until its time, and takes answers only from then', async () => {
    const { core, store, clock, kari, survey } = await setup();
    const at = new Date(clock().getTime() + DAY);
    await core.surveys.send('cli', survey.id, { target: { kind: 'area', key: 'askim' }, at });
    expect(await store.outbox.due(clock(), 100)).toEqual([]);
    await expect(core.surveys.forAnswering(kari, survey.id)).rejects.toMatchObject({ code: 'survey_closed' });
    expect((await core.surveys.show(survey.id)).status).toBe('scheduled');
    clock.set(at);
    expect(await store.outbox.due(clock(), 100)).toHaveLength(2);
    expect(await core.surveys.delivery({ surveyId: survey.id, participantId: kari.id, reminder: false })).toMatchObject({ send: true });
    expect((await core.surveys.show(survey.id)).status).toBe('open');
  });
});
