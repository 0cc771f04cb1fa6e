import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FOLLOW_UP_ACTIONS } from '../../adapters/slack/render/follow-up.ts';
import { DIGEST_ACTIONS } from '../../adapters/slack/render/digest.ts';
import { actor } from '../helpers/core.ts';
import { slackHarness, type SlackHarness } from './harness.ts';
import { noLiveMarkup } from './blocks.ts';
import type { Recipient } from '../../src/ports/delivery.ts';
import type { StoredRecipient } from '../../src/ports/outbox.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
  await h.core.members.add(`slack:T1:${MEMBER}`, h.clock());
});
afterEach(async () => {
  await h.close();
});

const MEMBER = 'U9';
const buttons = (blocks: any[], actionId: string) =>
  blocks.flatMap((b) => [b.accessory, ...(b.elements ?? [])]).filter((e) => e?.action_id === actionId) as { value: string }[];
const select = (value: string) => ({ type: 'static_select', selected_option: { value } });
const input = (value: string) => ({ type: 'plain_text_input', value });

/** A sealed recipient (an anonymous sender) is opened only when sent, as the worker does. */
const opened = (r: StoredRecipient): Recipient => (r.kind === 'sealed' ? h.core.openRecipient(r.sealed!) : r);

/** Hands every pending outbox message to the Slack sender, as the worker would. */
async function deliverPending() {
  for (const m of await h.store.outbox.list(['pending'], 50)) {
    expect((await h.adapter.sender.deliver({ ...m, recipient: opened(m.recipient), attempt: 1 })).ok).toBe(true);
    await h.store.outbox.markSent(m.id, h.clock(), null);
  }
}

describe('the review queue in App Home', () => {
  it('shows members what waits, with Approve, Hide and Status; approving publishes and refreshes the tab', async () => {
    await h.core.submitSuggestion(actor('U2'), { text: 'Bedre parkering <!channel>', publishable: true });
    await h.event({ type: 'app_home_opened', user: MEMBER, channel: 'D9', tab: 'home', event_ts: '1' });
    await h.adapter.idle();
    const view = h.api.callsTo('views.publish')[0]!.args.view;
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    noLiveMarkup(view.blocks);
    expect(JSON.stringify(view)).toContain('Venter på vurdering');
    expect(JSON.stringify(view)).toContain('Bedre parkering &lt;!channel&gt;');
    expect(buttons(view.blocks, FOLLOW_UP_ACTIONS.approve).map((b) => b.value)).toEqual(['1']);

    h.api.reset();
    expect((await h.click(FOLLOW_UP_ACTIONS.approve, '1', { user: MEMBER })).status).toBe(200);
    await h.adapter.idle();
    expect((await h.core.exportPublished()).suggestions.map((s) => s.ref)).toEqual(['#1']);
    const refreshed = h.api.callsTo('views.publish')[0]!.args.view;
    expect(JSON.stringify(refreshed)).toContain('Ingenting venter på vurdering.');
  });

  it('hides with a reason typed in a form; a reason over 500 characters is refused under the field', async () => {
    await h.core.submitSuggestion(actor('U2'), { text: 'Bedre veier', publishable: true });
    await h.core.approve({ id: `slack:T1:${MEMBER}` }, 1);
    await h.click(FOLLOW_UP_ACTIONS.hide, '1', { user: MEMBER });
    await h.adapter.idle();
    const form = h.api.callsTo('views.open')[0]!.args.view;
    expect(form.callback_id).toBe('innspill_hide');

    const long = await h.submit('innspill_hide', { text: input('x'.repeat(501)) }, { user: MEMBER, privateMetadata: form.private_metadata });
    expect(long.json).toMatchObject({ response_action: 'errors', errors: { text: 'Begrunnelsen er for lang (501 tegn). Den kan være høyst 500 tegn.' } });
    expect((await h.core.exportPublished()).suggestions).toHaveLength(1);

    const ok = await h.submit('innspill_hide', { text: input('Navn på ansatt') }, { user: MEMBER, privateMetadata: form.private_metadata });
    expect(ok.json).toMatchObject({ response_action: 'update' });
    expect((await h.core.exportPublished()).suggestions).toEqual([]);
    expect(await h.core.hiddenReason({ id: `slack:T1:${MEMBER}` }, 1)).toBe('Navn på ansatt');
  });

  it('refuses a non-member in their language and changes nothing', async () => {
    await h.core.submitSuggestion(actor('U2'), { text: 'Bedre veier', publishable: true });
    await h.click(FOLLOW_UP_ACTIONS.approve, '1', { user: 'U3' });
    await h.click(FOLLOW_UP_ACTIONS.hide, '1', { user: 'U3' });
    const sneaky = await h.submit('innspill_hide', { text: input('weg') }, { user: 'U3', privateMetadata: JSON.stringify({ suggestionId: 1 }) });
    await h.adapter.idle();
    expect(h.api.callsTo('views.open').map((c) => JSON.stringify(c.args.view))).toEqual([
      expect.stringContaining('Dette har du ikke lov til.'),
      expect.stringContaining('Dette har du ikke lov til.'),
    ]);
    expect(sneaky.json).toMatchObject({ response_action: 'errors' });
    expect(await h.core.reviewQueue({ id: `slack:T1:${MEMBER}` })).toHaveLength(1);
  });
});

describe('a status change reaches an anonymous sender, whose answer reaches the member', () => {
  it('goes member → status form → outbox → sender (sealed route) → Answer → outbox → member', async () => {
    await h.core.submitSuggestion(actor('U2', { locale: 'en' }), { text: 'Fiber til Trøgstad', anonymous: true, publishable: true });
    // `/innspill vurder` answers with the queue and its buttons, seen only by the member.
    const queue = await h.command('vurder', { user: MEMBER });
    expect(queue.json.response_type).toBe('ephemeral');
    expect(buttons(queue.json.blocks, FOLLOW_UP_ACTIONS.status).map((b) => b.value)).toEqual(['1']);
    await h.click(FOLLOW_UP_ACTIONS.status, '1', { user: MEMBER });
    await h.adapter.idle();
    const form = h.api.callsTo('views.open')[0]!.args.view;
    expect(form.callback_id).toBe('innspill_status');

    const bad = await h.submit('innspill_status', { status: select('maybe'), topic: select('framework'), text: input('') }, { user: MEMBER, privateMetadata: form.private_metadata });
    expect(bad.json).toMatchObject({ response_action: 'errors' });
    const res = await h.submit(
      'innspill_status',
      { status: select('recommended'), topic: select('framework'), text: input('Tatt med i anbefalingen <!here>') },
      { user: MEMBER, privateMetadata: form.private_metadata },
    );
    expect(JSON.stringify(res.json)).toContain('Avsenderen får beskjed.');
    const [notice] = await h.store.outbox.list(['pending'], 10);
    // The outbox names the suggestion, never the anonymous sender: the recipient is sealed until it is sent.
    expect(notice).toMatchObject({ recipient: { kind: 'sealed' }, label: 'status of #1', payload: { type: 'status', locale: 'en', progress: 'recommended' } });
    expect(notice!.recipient).not.toHaveProperty('userId');

    h.api.reset();
    await deliverPending();
    const post = h.api.callsTo('chat.postMessage')[0]!;
    expect(h.api.callsTo('conversations.open')[0]!.args.users).toBe('U2');
    noLiveMarkup(post.args.blocks);
    expect(JSON.stringify(post.args.blocks)).toContain('it is now “part of the recommendation”');
    expect(JSON.stringify(post.args.blocks)).toContain('Tatt med i anbefalingen &lt;!here&gt;');
    const [answer] = buttons(post.args.blocks, FOLLOW_UP_ACTIONS.answer);

    await h.click(FOLLOW_UP_ACTIONS.answer, answer!.value, { user: 'U2' });
    await h.adapter.idle();
    const answerForm = h.api.callsTo('views.open')[0]!.args.view;
    expect(answerForm.callback_id).toBe('innspill_answer');
    // Someone else cannot answer in the sender's place.
    const other = await h.submit('innspill_answer', { text: input('Jeg også') }, { user: 'U3', privateMetadata: answerForm.private_metadata });
    expect(other.json).toMatchObject({ response_action: 'errors', errors: { text: 'Bare den som sendte innspillet, kan svare på det.' } });
    const sent = await h.submit('innspill_answer', { text: input('Takk! Når kommer fiberen?') }, { user: 'U2', privateMetadata: answerForm.private_metadata, viewId: 'VANS' });
    expect(sent.json).toMatchObject({ response_action: 'update' });

    h.api.reset();
    await deliverPending();
    const toMember = h.api.callsTo('chat.postMessage')[0]!;
    expect(h.api.callsTo('conversations.open')[0]!.args.users).toBe(MEMBER);
    expect(JSON.stringify(toMember.args.blocks)).toContain('Avsenderen av innspill #1 svarer:');
    expect(JSON.stringify(toMember.args.blocks)).toContain('Takk! Når kommer fiberen?');
    expect(buttons(toMember.args.blocks, DIGEST_ACTIONS.reply).map((b) => b.value)).toEqual(['1']);
    // Still one suggestion: the answer did not become a new one; the sender sees status and note.
    const mine = await h.core.mine(actor('U2'));
    expect(mine.suggestions).toMatchObject([{ progress: 'recommended', statusNote: 'Tatt med i anbefalingen <!here>', topic: 'framework' }]);
  });

  it('/innspill mine shows the status and the note', async () => {
    await h.core.submitSuggestion(actor('U2'), { text: 'Fiber' });
    await h.core.setStatus({ id: `slack:T1:${MEMBER}` }, 1, 'done', 'Ferdig utbygd');
    const res = await h.command('mine', { user: 'U2' });
    expect(JSON.stringify(res.json)).toContain('gjennomført');
    expect(JSON.stringify(res.json)).toContain('Merknad: Ferdig utbygd');
  });
});
