import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_ACTIONS } from '../../adapters/slack/render/digest.ts';
import { serializeDigest } from '../../src/digest/serialize.ts';
import type { OutboundMessage } from '../../src/ports/delivery.ts';
import { actor } from '../helpers/core.ts';
import { slackHarness, type SlackHarness } from './harness.ts';
import { clickInView as inView } from './in-view.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

const MEMBER = 'U9';

/** Queues nothing: hands a digest straight to the sender, as the outbox would, for one member. */
async function deliverDigest(userId: string) {
  h.clock.advance(60_000);
  const digest = serializeDigest(await h.core.digestFor(h.core.previewPeriod()));
  const message: OutboundMessage = { id: 1000, platform: 'slack', workspaceId: 'T1', recipient: { kind: 'user', userId }, payload: { type: 'digest', locale: 'en', digest }, attempt: 1 };
  expect((await h.adapter.sender.deliver(message)).ok).toBe(true);
  return h.api.callsTo('chat.postMessage').flatMap((c) => c.args.blocks as any[]);
}

const buttonsOf = (blocks: any[], actionId: string) =>
  blocks.flatMap((b) => [b.accessory, ...(b.elements ?? [])]).filter((e) => e?.action_id === actionId) as { value: string }[];

/** A button clicked inside a modal. */
const clickInView = (actionId: string, value: string, view: { id: string; hash: string }, user = MEMBER) =>
  inView(h, { type: 'button', action_id: actionId, value }, view, user);

describe('Reply to sender from the Slack digest', () => {
  beforeEach(async () => {
    await h.core.members.add(`slack:T1:${MEMBER}`, h.clock());
  });

  it('opens a form; the reply is queued for the anonymous sender, who stays unnamed', async () => {
    // Long enough that random ciphertext in the outbox row cannot contain it by chance (a two-letter id did, 1 run in 40).
    const SENDER = 'U2SENDER0ANON';
    const { suggestion } = await h.core.submitSuggestion(actor(SENDER), { text: 'Kan dere få fikset veiene?', anonymous: true });
    const blocks = await deliverDigest(MEMBER);
    const [button] = buttonsOf(blocks, DIGEST_ACTIONS.reply);
    expect(button!.value).toBe(String(suggestion.id));

    h.api.reset();
    expect((await h.click(DIGEST_ACTIONS.reply, button!.value, { user: MEMBER, channel: 'D9' })).status).toBe(200);
    await h.adapter.idle();
    const [open] = h.api.callsTo('views.open');
    expect(open!.args.trigger_id).toMatch(/^trigger/);
    const view = open!.args.view;
    expect(view.callback_id).toBe('innspill_reply');
    expect(view.blocks[0].element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 2000 });
    expect(JSON.stringify(view)).not.toContain(SENDER);

    const res = await h.submit('innspill_reply', { text: { type: 'plain_text_input', value: 'Takk! Vi tar det opp <!channel>' } }, { user: MEMBER, privateMetadata: view.private_metadata, viewId: 'VREPLY' });
    expect(res.json.response_action).toBe('update');
    expect(JSON.stringify(res.json.view)).toContain(`#${suggestion.id}`);
    expect(JSON.stringify(res.json)).not.toContain(SENDER);

    const queued = await h.core.outbox.list(['pending'], 10);
    expect(queued).toHaveLength(1);
    // The recipient stays sealed in the outbox until the moment of sending.
    expect(queued[0]).toMatchObject({ platform: 'slack', workspaceId: 'T1', recipient: { kind: 'sealed', sealed: expect.any(String) }, payload: { type: 'reply', suggestionId: suggestion.id, text: 'Takk! Vi tar det opp <!channel>' } });
    expect(JSON.stringify(queued[0])).not.toContain(SENDER);
    const sealed = queued[0]!.recipient.kind === 'sealed' ? queued[0]!.recipient.sealed! : '';

    // The sender gets it in their chat with the bot, escaped.
    h.api.reset();
    expect((await h.adapter.sender.deliver({ ...queued[0]!, recipient: h.core.openRecipient(sealed), attempt: 1 })).ok).toBe(true);
    expect(h.api.callsTo('conversations.open')[0]!.args.users).toBe(SENDER);
    const post = h.api.callsTo('chat.postMessage')[0]!;
    expect(post.args.channel).toBe(`D${SENDER.slice(1)}`);
    expect(JSON.stringify(post.args.blocks)).toContain('&lt;!channel&gt;');
  });

  it('shows an empty reply’s error under the field', async () => {
    const { suggestion } = await h.core.submitSuggestion(actor('U2'), { text: 'x' });
    const res = await h.submit('innspill_reply', { text: { type: 'plain_text_input', value: '   ' } }, { user: MEMBER, privateMetadata: JSON.stringify({ suggestionId: suggestion.id }) });
    expect(res.json.response_action).toBe('errors');
    expect(res.json.errors.text).toBeTruthy();
    expect(await h.core.outbox.list(['pending'], 10)).toEqual([]);
  });

  it('refuses a non-member in their language, on the click and on a forged submission', async () => {
    const { suggestion } = await h.core.submitSuggestion(actor('U2'), { text: 'x', anonymous: true });
    await h.click(DIGEST_ACTIONS.reply, String(suggestion.id), { user: 'U3' });
    await h.adapter.idle();
    const view = h.api.callsTo('views.open')[0]!.args.view;
    expect(view.callback_id).toBeUndefined();
    expect(JSON.stringify(view)).toContain('Bare medlemmer av prosjektgruppen');

    const res = await h.submit('innspill_reply', { text: { type: 'plain_text_input', value: 'hei' } }, { user: 'U3', privateMetadata: JSON.stringify({ suggestionId: suggestion.id }) });
    expect(res.json).toEqual({ response_action: 'errors', errors: { text: expect.stringContaining('Bare medlemmer') } });
    expect(await h.core.outbox.list(['pending'], 10)).toEqual([]);
  });

  it('opens the form by pushing it when the click comes from the see-all list', async () => {
    const { suggestion } = await h.core.submitSuggestion(actor('U2'), { text: 'x' });
    await clickInView(DIGEST_ACTIONS.reply, String(suggestion.id), { id: 'VLIST', hash: 'h1' });
    await h.adapter.idle();
    expect(h.api.callsTo('views.open')).toEqual([]);
    expect(h.api.callsTo('views.push')[0]!.args.view.callback_id).toBe('innspill_reply');
  });
});

describe('See all from the Slack digest', () => {
  it('lists a topic’s suggestions for the period page by page, within 100 blocks a view', async () => {
    await h.core.members.add(`slack:T1:${MEMBER}`, h.clock());
    for (let i = 1; i <= 120; i++) await h.core.submitSuggestion(actor(`U${100 + i}`), { text: `Forslag ${i} <@U1>`, topic: 'place' });
    await h.core.submitSuggestion(actor('U99'), { text: 'Ikke med', topic: 'growth' });
    const blocks = await deliverDigest(MEMBER);
    // Every topic has its "see all"; the one for place development opens its 120.
    const seeAll = buttonsOf(blocks, DIGEST_ACTIONS.seeAll).filter((b) => JSON.parse(b.value).t === 'place');
    expect(buttonsOf(blocks, DIGEST_ACTIONS.seeAll)).toHaveLength(2);
    expect(JSON.stringify(blocks)).toContain('Place development* – 120 suggestions');

    h.api.reset();
    await h.click(DIGEST_ACTIONS.seeAll, seeAll[0]!.value, { user: MEMBER });
    await h.adapter.idle();
    const first = h.api.callsTo('views.open')[0]!.args.view;
    // One line per suggestion, each with its "…" menu.
    const replies = (view: any) => buttonsOf(view.blocks, DIGEST_ACTIONS.more).map((m: any) => m.options[0].value);
    expect(first.blocks.length).toBeLessThanOrEqual(100);
    expect(replies(first)).toHaveLength(50);
    expect(JSON.stringify(first)).toContain('Forslag 1 &lt;@U1&gt;');
    expect(JSON.stringify(first)).not.toContain('Ikke med');
    expect(buttonsOf(first.blocks, DIGEST_ACTIONS.previous)).toEqual([]);

    const seen = [...replies(first)];
    let view = first;
    for (const [n, expected] of [[2, 50], [3, 20]] as const) {
      const [next] = buttonsOf(view.blocks, DIGEST_ACTIONS.next);
      await clickInView(DIGEST_ACTIONS.next, next!.value, { id: `VSEE${n}`, hash: `hash${n}` });
      await h.adapter.idle();
      const update = h.api.callsTo('views.update').at(-1)!;
      expect(update.args).toMatchObject({ view_id: `VSEE${n}`, hash: `hash${n}` });
      view = update.args.view;
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(replies(view)).toHaveLength(expected);
      expect(buttonsOf(view.blocks, DIGEST_ACTIONS.previous)).toHaveLength(1);
      seen.push(...replies(view));
    }
    expect(buttonsOf(view.blocks, DIGEST_ACTIONS.next)).toEqual([]);
    expect(new Set(seen).size).toBe(120);
  });

  it('refuses a non-member', async () => {
    await h.core.submitSuggestion(actor('U2'), { text: 'x', topic: 'place' });
    const value = JSON.stringify({ t: 'place', s: 0, e: h.clock().getTime() + 1000, n: 200, p: 0 });
    await h.click(DIGEST_ACTIONS.seeAll, value, { user: 'U3' });
    await h.adapter.idle();
    const view = h.api.callsTo('views.open')[0]!.args.view;
    expect(JSON.stringify(view)).toContain('Bare medlemmer av prosjektgruppen');
    expect(buttonsOf(view.blocks, DIGEST_ACTIONS.reply)).toEqual([]);
  });
});
