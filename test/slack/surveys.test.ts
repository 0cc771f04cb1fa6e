import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import { actor } from '../helpers/core.ts';
import { FULL_ANSWERS, questback } from '../surveys/fixtures.ts';
import { slackHarness, type SlackHarness } from './harness.ts';

const DAY = 86_400_000;
let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

/** The outbox worker on the harness's store and the real Slack sender, driven by the fake clock. */
function outbox() {
  const worker = createOutboxWorker({ store: h.store.outbox, senders: [h.adapter.sender], clock: h.clock, owner: 'test', log: pino({ level: 'silent' }) });
  return async () => {
    await worker.pump();
    await worker.settled();
  };
}

type Block = { type: string; block_id?: string; element?: Record<string, any>; elements?: any[] };
const inputs = (view: { blocks: Block[] }) => view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);
const postsTo = (channel: string) => h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const buttonOf = (post: { args: Record<string, any> }) => (post.args.blocks as Block[]).find((b) => b.type === 'actions')!.elements![0];

/** Slack's form state for a page, from answers (radio/select, checkboxes, text). */
function stateFor(answers: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(answers).map(([id, a]) => [
      `q_${id}`,
      Array.isArray(a)
        ? { type: 'checkboxes', selected_options: a.map((value) => ({ value })) }
        : typeof a === 'number' || ['organisation', 'secretariat', 'fee', 'area', 'industry', 'size'].includes(id)
          ? { type: 'radio_buttons', selected_option: { value: String(a) } }
          : { type: 'plain_text_input', value: a },
    ]),
  );
}
const pick = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, FULL_ANSWERS[k as keyof typeof FULL_ANSWERS]]));
const PAGE1 = ['focus', 'importance', 'cooperation', 'organisation', 'secretariat'];
const PAGE2 = ['financing', 'fee', 'area', 'industry', 'size'];
const PAGE3 = ['expectation', 'comments'];

describe('a 12-question survey in Slack', () => {
  it('goes out through the outbox, is answered page by page in a modal, edited, and reminds only those who have not answered', async () => {
    const { core, store, clock } = h;
    for (const user of ['U1', 'U2', 'U4']) {
      const a = actor(user);
      await store.participants.touch({ ...a, now: clock() });
      await core.saveProfile(a, { area: 'askim' });
    }
    await store.participants.touch({ ...actor('U3'), now: clock() });
    const survey = await core.surveys.create('cli', questback());
    await core.surveys.send('cli', survey.id, { target: { kind: 'area', key: 'askim' }, remindAfterMs: [3 * DAY] });
    const deliver = outbox();
    await deliver();

    // One invitation each to the target group (U3 is outside it), with a button.
    expect(postsTo('D1')).toHaveLength(1);
    expect(postsTo('D2')).toHaveLength(1);
    expect(postsTo('D4')).toHaveLength(1);
    expect(postsTo('D3')).toHaveLength(0);
    const invitation = postsTo('D1')[0]!;
    expect(invitation.args.text).toContain('Felles røst for næringslivet i Indre Østfold');
    expect(buttonOf(invitation)).toMatchObject({ action_id: 'innspill_survey_open', value: String(survey.id) });

    // The button opens page 1 of 3.
    await h.click('innspill_survey_open', String(survey.id), { channel: 'D1' });
    await h.adapter.idle();
    const page1 = h.api.callsTo('views.open')[0]!.args.view;
    expect(page1.callback_id).toBe('innspill_survey');
    expect(inputs(page1)).toEqual(PAGE1.map((q) => `q_${q}`));
    expect(JSON.stringify(page1.blocks)).toContain('Side 1 av 3');
    expect(page1.blocks.length).toBeLessThanOrEqual(100);

    // Required answers missing: shown under their questions, nothing stored.
    const missing = await h.submit('innspill_survey', stateFor({ focus: ['voice'] }), { privateMetadata: page1.private_metadata });
    expect(missing.json).toEqual({ response_action: 'errors', errors: { q_importance: 'Dette spørsmålet må besvares.', q_organisation: 'Dette spørsmålet må besvares.' } });
    const tooMany = await h.submit('innspill_survey', stateFor({ ...pick(PAGE1), focus: ['framework', 'growth', 'attract', 'place'] }), { privateMetadata: page1.private_metadata });
    expect(tooMany.json.errors).toEqual({ q_focus: 'Velg høyst 3.' });

    const toPage2 = await h.submit('innspill_survey', stateFor(pick(PAGE1)), { privateMetadata: page1.private_metadata });
    expect(toPage2.json.response_action).toBe('push');
    const page2 = toPage2.json.view;
    expect(inputs(page2)).toEqual(PAGE2.map((q) => `q_${q}`));
    expect(JSON.parse(page2.private_metadata)).toEqual({ s: survey.id, p: 1, d: 2 });
    // The first page is kept even if the rest is never answered.
    expect(await core.surveys.forAnswering(actor('U1'), survey.id)).toMatchObject({ complete: false, answers: { importance: 4 } });

    // A field that is no question of this page is refused, and nothing of it stored.
    const forged = await h.submit('innspill_survey', { ...stateFor(pick(PAGE2)), q_focus: { type: 'checkboxes', selected_options: [{ value: 'voice' }] } }, { privateMetadata: page2.private_metadata });
    expect(forged.json).toEqual({ response_action: 'errors', errors: { q_financing: 'Dette spørsmålet finnes ikke i undersøkelsen.' } });
    expect((await core.surveys.forAnswering(actor('U1'), survey.id)).answers.financing).toBeUndefined();

    const toPage3 = await h.submit('innspill_survey', stateFor(pick(PAGE2)), { privateMetadata: page2.private_metadata });
    expect(toPage3.json.response_action).toBe('push');
    const page3 = toPage3.json.view;
    expect(inputs(page3)).toEqual(PAGE3.map((q) => `q_${q}`));
    expect(page3.submit.text).toBe('Send svar');
    const done = await h.submit('innspill_survey', stateFor(pick(PAGE3)), { privateMetadata: page3.private_metadata });
    expect(done.json).toEqual({ response_action: 'clear' });
    await h.adapter.idle();
    expect(postsTo('U1').at(-1)!.args.text).toContain('Takk!');
    expect((await core.surveys.results(survey.id)).results).toMatchObject({ responses: 1, recipients: 3 });

    // Reopened: the earlier answers are filled in, and can be changed until the survey closes.
    await h.click('innspill_survey_open', String(survey.id), { channel: 'D1' });
    await h.adapter.idle();
    const again = h.api.callsTo('views.open')[1]!.args.view;
    const organisation = again.blocks.find((b: Block) => b.block_id === 'q_organisation');
    expect(organisation.element.initial_option.value).toBe('network');
    const focus = again.blocks.find((b: Block) => b.block_id === 'q_focus');
    expect(focus.element.initial_options.map((o: { value: string }) => o.value)).toEqual(['framework', 'place']);
    const edited = await h.submit('innspill_survey', stateFor({ ...pick(PAGE1), importance: 1 }), { privateMetadata: again.private_metadata });
    expect(edited.json.response_action).toBe('push');
    expect(await core.surveys.forAnswering(actor('U1'), survey.id)).toMatchObject({ complete: true, answers: { importance: 1, comments: FULL_ANSWERS.comments } });

    // U2 turns survey messages off; after three days only U4 is reminded.
    const stop = await h.command('stopp', { user: 'U2' });
    expect(stop.json.text).toContain('Du får ikke flere undersøkelser');
    clock.advance(3 * DAY);
    await deliver();
    expect(postsTo('D4')).toHaveLength(2);
    expect(postsTo('D4')[1]!.args.text).toContain('Påminnelse');
    expect(postsTo('D1')).toHaveLength(1);
    expect(postsTo('D2')).toHaveLength(1);
    expect(await store.outbox.list(['pending', 'dead'], 10)).toEqual([]);
  });

  it('refuses an answer to a closed survey, and lets members list, send and close from chat', async () => {
    const { core, store, clock } = h;
    await core.members.add('slack:T1:U9', clock());
    await store.participants.touch({ ...actor('U1'), now: clock() });
    const survey = await core.surveys.create('cli', questback());
    expect((await h.command('undersøkelse send 1', { user: 'U1' })).json.text).toContain('Dette har du ikke lov til');
    expect((await h.command('undersøkelse send 1 area:oslo', { user: 'U9' })).json.text).toContain('Ukjent mottakergruppe');
    expect((await h.command('undersøkelse send 1', { user: 'U9' })).json.text).toBe(`Undersøkelse #${survey.id} er sendt til 1 deltakere.`);
    expect((await h.command('undersøkelse liste', { user: 'U9' })).json.text).toContain(`#${survey.id} Felles røst for næringslivet i Indre Østfold (åpen, 0 svar)`);

    await h.click('innspill_survey_open', String(survey.id), { channel: 'D1' });
    await h.adapter.idle();
    const page1 = h.api.callsTo('views.open')[0]!.args.view;
    expect((await h.command('undersøkelse steng 1', { user: 'U9' })).json.text).toBe(`Undersøkelse #${survey.id} er stengt.`);
    const late = await h.submit('innspill_survey', stateFor(pick(PAGE1)), { privateMetadata: page1.private_metadata });
    expect(late.json).toEqual({ response_action: 'errors', errors: { q_focus: 'Undersøkelsen er stengt, så svaret ble ikke lagret.' } });
    expect((await core.surveys.results(survey.id)).results).toMatchObject({ responses: 0, partial: 0 });
  });

  it('takes `stopp` in the chat with the bot once, even when Slack delivers it again, and stores no suggestion', async () => {
    await h.dm('stopp', { user: 'U1', eventId: 'EvStop' });
    await h.dm('stopp', { user: 'U1', eventId: 'EvStop', retry: 1 });
    await h.adapter.idle();
    const confirmations = h.api.callsTo('chat.postMessage').filter((c) => String(c.args.text).includes('Du får ikke flere undersøkelser'));
    expect(confirmations).toHaveLength(1);
    expect((await h.core.mine(actor('U1'))).suggestions).toEqual([]);
    const survey = await h.core.surveys.create('cli', questback());
    await h.store.participants.touch({ ...actor('U1'), now: h.clock() });
    await h.core.surveys.send('cli', survey.id, { target: { kind: 'everyone' } });
    expect(await h.core.surveys.delivery({ surveyId: survey.id, participantId: actor('U1').id, reminder: false })).toEqual({ send: false, reason: 'opted_out' });
  });
});
