import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../helpers/core.ts';
import { slackHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

const blockText = (message: { blocks?: { text?: { text: string } }[] }) => (message.blocks ?? []).map((b) => b.text?.text ?? '').join('\n');

describe('/innspill', () => {
  it('stores the text and confirms to the sender alone with the reference number', async () => {
    const res = await h.command('Vi trenger bedre busstilbud til industriområdet');
    expect(res.status).toBe(200);
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text).toContain('#1');
    const { suggestions } = await h.core.mine(actor('U1'));
    expect(suggestions.map((s) => s.text)).toEqual(['Vi trenger bedre busstilbud til industriområdet']);
    // The confirmation came in the ack: no Web API call was needed for it.
    await h.adapter.idle();
    expect(h.api.calls.filter((c) => c.method !== 'users.info')).toEqual([]);
  });

  it('explains too long or unreadable input in the user’s language', async () => {
    const res = await h.command('x'.repeat(3001));
    expect(res.json.text).toContain('for langt');
    expect((await h.core.mine(actor('U1'))).suggestions).toEqual([]);
  });

  it('answers in the locale Slack reports for the user, once it is known', async () => {
    h.api.answer('users.info', (call) => ({ body: { ok: true, user: { id: call.args.user, locale: 'en-US' } } }));
    await h.command('hjelp', { user: 'U2' });
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'users.info' && c.args.include_locale === 'true'));
    await h.adapter.idle();
    const res = await h.command('help', { user: 'U2' });
    expect(res.json.text).toContain('Innspill gathers input');
    expect(h.api.callsTo('users.info')).toHaveLength(1);
  });

  it('shows help with the commands escaped for mrkdwn', async () => {
    const res = await h.command('hjelp');
    expect(res.json.text).toContain('/innspill &lt;tekst&gt;');
    expect(res.json.text).not.toContain('<tekst>');
  });

  it('lists the sender’s own suggestions and votes with `mine`, escaped', async () => {
    await h.command('Ping <!channel> og <@U999> via <https://evil.example|banken> & co');
    const res = await h.command('mine');
    const text = blockText(res.json);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;@U999&gt;');
    expect(text).toContain('&lt;https://evil.example|banken&gt; &amp; co');
    expect(text).not.toMatch(/<[!@h]/);
    const other = await h.command('mine', { user: 'U2' });
    expect(other.json.text).toContain('ikke sendt inn noe');
  });

  it('deletes the sender’s data only after the confirmation button', async () => {
    await h.command('Et innspill');
    const ask = await h.command('slett');
    const buttons = ask.json.blocks.find((b: { type: string }) => b.type === 'actions').elements.map((e: { action_id: string }) => e.action_id);
    expect(buttons).toEqual(['innspill_delete_confirm', 'innspill_delete_cancel']);
    await h.click('innspill_delete_cancel', 'cancel');
    await h.adapter.idle();
    expect((await h.core.mine(actor('U1'))).suggestions).toHaveLength(1);
    expect((await h.click('innspill_delete_confirm', 'delete')).status).toBe(200);
    // Committed before the ack: nothing to wait for.
    expect((await h.core.mine(actor('U1'))).suggestions).toHaveLength(0);
    await h.adapter.idle();
    const responses = h.api.callsTo('response_url');
    expect(responses.map((r) => r.args.replace_original)).toEqual([true, true]);
    expect(responses[1]!.args.text).toContain('Slettet: 1 innspill');
  });

  it('opens the suggestion form without text, and the profile form with `profil`, after the ack', async () => {
    expect((await h.command('')).status).toBe(200);
    await h.command('profil');
    await h.adapter.idle();
    const opened = h.api.callsTo('views.open').map((c) => c.args.view);
    expect(opened.map((v) => v.callback_id)).toEqual(['innspill_suggestion', 'innspill_profile']);
    expect(opened[0].blocks.map((b: { block_id: string }) => b.block_id)).toEqual(['topic', 'text', 'flags']);
    expect(h.api.callsTo('views.open')[0]!.args.trigger_id).toMatch(/^trigger/);
  });
});

describe('modals', () => {
  it('stores a suggestion from the form and replaces the modal with the reference number', async () => {
    const res = await h.submit('innspill_suggestion', {
      topic: { type: 'static_select', selected_option: { value: 'financing' } },
      text: { type: 'plain_text_input', value: 'Felles søknad om midler' },
      flags: { type: 'checkboxes', selected_options: [{ value: 'anonymous' }, { value: 'publishable' }] },
    });
    expect(res.json.response_action).toBe('update');
    expect(JSON.stringify(res.json.view)).toContain('anonymt med nummer #1');
    const [stored] = (await h.core.mine(actor('U1'))).suggestions;
    expect(stored).toMatchObject({ topic: 'financing', anonymous: true, publishable: true, senderId: null });
  });

  it('shows a refusal under the field it concerns', async () => {
    const empty = await h.submit('innspill_suggestion', { topic: { type: 'static_select', selected_option: { value: 'other' } }, text: { type: 'plain_text_input', value: '   ' } });
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { text: expect.stringContaining('tomt') } });
    const topic = await h.submit('innspill_suggestion', { topic: { type: 'static_select', selected_option: { value: 'nope' } }, text: { type: 'plain_text_input', value: 'hei' } });
    expect(topic.json).toMatchObject({ response_action: 'errors', errors: { topic: expect.any(String) } });
  });

  it('stores one suggestion when the same modal is submitted twice', async () => {
    const values = { topic: { type: 'static_select', selected_option: { value: 'other' } }, text: { type: 'plain_text_input', value: 'Én gang' } };
    await h.submit('innspill_suggestion', values, { viewId: 'Vsame' });
    await h.submit('innspill_suggestion', values, { viewId: 'Vsame' });
    expect((await h.core.mine(actor('U1'))).suggestions).toHaveLength(1);
  });

  it('saves the profile and refuses an invalid choice', async () => {
    const res = await h.submit('innspill_profile', {
      company: { type: 'plain_text_input', value: 'Askim Sykkel AS' },
      area: { type: 'static_select', selected_option: { value: 'askim' } },
      industry: { type: 'static_select', selected_option: { value: 'retail' } },
      size: { type: 'static_select', selected_option: null },
    });
    expect(res.json.response_action).toBe('update');
    expect(await h.core.getProfile(actor('U1'))).toEqual({ companyName: 'Askim Sykkel AS', area: 'askim', industry: 'retail' });
    const bad = await h.submit('innspill_profile', { area: { type: 'static_select', selected_option: { value: 'oslo' } } });
    expect(bad.json).toMatchObject({ response_action: 'errors', errors: { area: expect.any(String) } });
    // The next form opens with what was saved.
    await h.command('profil');
    await h.adapter.idle();
    const view = h.api.callsTo('views.open')[0]!.args.view;
    expect(view.blocks[1].element.initial_option.value).toBe('askim');
  });
});
