import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import { actor } from '../helpers/core.ts';
import { FULL_ANSWERS, questback } from '../surveys/fixtures.ts';
import { cardPages, surveyCard } from '../../adapters/teams/cards/survey-card.ts';
import { parseSurveyDefinition } from '../../src/surveys/definition.ts';
import { activity, execute, message, startTeams, TENANT, type TeamsHarness } from './harness.ts';

const DAY = 86_400_000;
const kari: { aad: string; locale?: string } = { aad: 'aad-kari' };
const ola = { aad: 'aad-ola', locale: 'en-GB' };

let h: TeamsHarness;
beforeEach(async () => {
  h = await startTeams();
});
afterEach(async () => {
  await h.close();
});

type Card = { body: Record<string, any>[]; actions?: Record<string, any>[] };
const inputIds = (card: Card) => card.body.filter((e) => String(e.type).startsWith('Input.')).map((e) => e.id as string);
const cardText = (card: Card) => JSON.stringify(card);
/** Card inputs as Teams sends them: a multi-select as comma-separated keys, numbers as text. */
const inputsFor = (keys: string[]) =>
  Object.fromEntries(keys.map((k) => {
    const a = FULL_ANSWERS[k as keyof typeof FULL_ANSWERS];
    return [`q_${k}`, Array.isArray(a) ? a.join(',') : String(a)];
  }));
const PAGE1 = ['focus', 'importance', 'cooperation', 'organisation', 'secretariat', 'financing', 'fee', 'area', 'industry', 'size'];
const PAGE2 = ['expectation', 'comments'];

describe('a 12-question survey in Teams', () => {
  it('arrives as a card through the outbox, is answered with Action.Execute page by page, and reminds only those who have not answered', async () => {
    const { core, store, clock, connector } = h;
    for (const person of [kari, ola]) {
      await h.post(activity(connector, person, { type: 'installationUpdate', action: 'add' }));
      await store.participants.touch({ ...actor(person.aad, { platform: 'teams', workspaceId: TENANT }), locale: person.locale ?? 'nb-NO', now: clock() });
    }
    const survey = await core.surveys.create('cli', questback());
    await core.surveys.send('cli', survey.id, { target: { kind: 'everyone' }, remindAfterMs: [3 * DAY] });
    const worker = createOutboxWorker({ store: store.outbox, senders: [h.teams.sender], clock, owner: 'test', log: pino({ level: 'silent' }) });
    const deliver = async () => {
      await worker.pump();
      await worker.settled();
    };
    const before = connector.calls.length;
    await deliver();
    const sent = connector.calls.slice(before);
    expect(sent.map((c) => c.conversationId).sort()).toEqual(['a:chat-aad-kari', 'a:chat-aad-ola']);
    const toKari = sent.find((c) => c.conversationId === 'a:chat-aad-kari')!.activity.attachments![0]!.content as Card;
    expect(inputIds(toKari)).toEqual(PAGE1.map((q) => `q_${q}`));
    expect(cardText(toKari)).toContain('Prosjektgruppen for felles røst ber om svarene dine');
    expect(cardText(toKari)).toContain('Side 1 av 2');
    expect(toKari.actions![0]).toMatchObject({ type: 'Action.Execute', verb: 'survey.submit', data: { surveyId: survey.id, page: 0 } });
    // Ola's Teams speaks English: the card does too.
    const toOla = sent.find((c) => c.conversationId === 'a:chat-aad-ola')!.activity.attachments![0]!.content as Card;
    expect(cardText(toOla)).toContain('A common voice for local business in Indre Østfold');

    // Required answers missing: the same page again, with the problems on it, nothing stored.
    const missing = await h.post(execute(connector, kari, 'survey.submit', { surveyId: survey.id, page: 0, q_focus: 'voice' }));
    expect(missing.status).toBe(200);
    const again = missing.body!.value as Card;
    expect(inputIds(again)).toEqual(PAGE1.map((q) => `q_${q}`));
    expect(cardText(again)).toContain('Hvor viktig er det for din bedrift at næringslivet i Indre Østfold taler med én stemme?: Dette spørsmålet må besvares.');
    expect(again.body.find((e) => e.id === 'q_focus')!.value).toBe('voice');
    expect((await core.surveys.forAnswering(actor('aad-kari', { platform: 'teams', workspaceId: TENANT }), survey.id)).answers).toEqual({});

    const page2 = await h.post(execute(connector, kari, 'survey.submit', { surveyId: survey.id, page: 0, ...inputsFor(PAGE1) }));
    expect(inputIds(page2.body!.value as Card)).toEqual(PAGE2.map((q) => `q_${q}`));
    const done = await h.post(execute(connector, kari, 'survey.submit', { surveyId: survey.id, page: 1, ...inputsFor(PAGE2) }));
    const thanks = done.body!.value as Card;
    expect(cardText(thanks)).toContain('Takk! Svarene dine er lagret.');
    // The answers stay on the card, ready to be changed.
    expect(thanks.body.find((e) => e.id === 'q_organisation')!.value).toBe('network');
    const kariActor = actor('aad-kari', { platform: 'teams', workspaceId: TENANT });
    expect(await core.surveys.forAnswering(kariActor, survey.id)).toMatchObject({ complete: true, answers: { ...FULL_ANSWERS } });

    const edit = await h.post(execute(connector, kari, 'survey.submit', { surveyId: survey.id, page: 0, ...inputsFor(PAGE1), q_importance: '2' }));
    expect(inputIds(edit.body!.value as Card)).toEqual(PAGE2.map((q) => `q_${q}`));
    expect((await core.surveys.forAnswering(kariActor, survey.id)).answers.importance).toBe(2);

    clock.advance(3 * DAY);
    const beforeReminders = connector.calls.length;
    await deliver();
    const reminders = connector.calls.slice(beforeReminders);
    expect(reminders.map((c) => c.conversationId)).toEqual(['a:chat-aad-ola']);
    expect(cardText(reminders[0]!.activity.attachments![0]!.content as Card)).toContain('Reminder: you have not answered');
  });

  it('turns survey messages off with `stopp`, and refuses answers once the survey is closed', async () => {
    const { core, store, clock, connector } = h;
    await h.post(activity(connector, kari, { type: 'installationUpdate', action: 'add' }));
    await store.participants.touch({ ...actor(kari.aad, { platform: 'teams', workspaceId: TENANT }), now: clock() });
    const stop = await h.post(message(connector, kari, 'innspill stopp'));
    expect(stop.status).toBe(200);
    expect(connector.texts().at(-1)).toContain('Du får ikke flere undersøkelser');
    const survey = await core.surveys.create('cli', questback());
    await core.surveys.send('cli', survey.id, { target: { kind: 'everyone' } });
    const worker = createOutboxWorker({ store: store.outbox, senders: [h.teams.sender], clock, owner: 'test', log: pino({ level: 'silent' }) });
    const before = connector.calls.length;
    await worker.pump();
    await worker.settled();
    expect(connector.calls.length).toBe(before);
    expect((await store.outbox.list(['sent'], 10))[0]).toMatchObject({ status: 'sent' });

    await core.surveys.close('cli', survey.id);
    const late = await h.post(execute(connector, kari, 'survey.submit', { surveyId: survey.id, page: 0, ...inputsFor(PAGE1) }));
    expect(late.body!.value).toContain('Undersøkelsen er stengt');
  });

  it('keeps every card of the largest survey the format allows under Teams’ 28 KB', () => {
    const long = (n: number) => 'ø'.repeat(n);
    const options = Array.from({ length: 25 }, (_, i) => ({ key: `o${i}`, text: { nb: long(75), en: long(75) } }));
    const questions = Array.from({ length: 30 }, (_, i) => ({ id: `q${i}`, type: 'multiple', required: true, text: { nb: long(2000), en: long(2000) }, options }));
    const parsed = parseSurveyDefinition({ title: { nb: long(150), en: long(150) }, intro: { nb: long(3000), en: long(3000) }, questions });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const pages = cardPages(parsed.survey);
    expect(pages.flat()).toHaveLength(30);
    for (const [page] of pages.entries()) {
      const card = surveyCard(1, parsed.survey, {}, page, 'nb', 'nb', { heading: long(300) });
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
    }
  });

  it('refuses an input that is not what a card sends', async () => {
    const { core, store, clock, connector } = h;
    await store.participants.touch({ ...actor(kari.aad, { platform: 'teams', workspaceId: TENANT }), now: clock() });
    const survey = await core.surveys.create('cli', questback());
    await core.surveys.send('cli', survey.id, { target: { kind: 'everyone' } });
    const odd = await h.post(execute(connector, kari, 'survey.submit', { surveyId: survey.id, page: 0, ...inputsFor(PAGE1), q_organisation: { $ne: 1 } }));
    expect(cardText(odd.body!.value as Card)).toContain('Velg et av svaralternativene.');
    expect((await core.surveys.forAnswering(actor(kari.aad, { platform: 'teams', workspaceId: TENANT }), survey.id)).answers).toEqual({});
  });
});
