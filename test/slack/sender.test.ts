import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifySlackError } from '../../adapters/slack/api/errors.ts';
import { serializeDigest } from '../../src/digest/serialize.ts';
import type { OutboundMessage, OutboundPayload, Recipient } from '../../src/ports/delivery.ts';
import { actor } from '../helpers/core.ts';
import { slackHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

let id = 0;
const message = (payload: OutboundPayload, recipient: Recipient = { kind: 'user', userId: 'U5' }, workspaceId = 'T1'): OutboundMessage => ({
  id: ++id,
  platform: 'slack',
  workspaceId,
  recipient,
  payload,
  attempt: 1,
});

describe('Slack sender', () => {
  it('opens the chat with a user, then posts; a channel is posted to directly', async () => {
    const poll = await h.core.createPollFromText(actor('U1'), '"Hvem kommer?" "Jeg" "Ikke jeg"', { channelId: 'C1' });
    if (!poll.ok) throw new Error('poll');
    const toUser = await h.adapter.sender.deliver(message({ type: 'poll', pollId: poll.poll.id }));
    expect(toUser).toEqual({ ok: true, platformRef: expect.any(String) });
    expect(h.api.calls.map((c) => c.method)).toEqual(['conversations.open', 'chat.postMessage']);
    expect(h.api.callsTo('conversations.open')[0]!.args.users).toBe('U5');
    expect(h.api.callsTo('chat.postMessage')[0]!.args.channel).toBe('D5');

    h.api.reset();
    await h.adapter.sender.deliver(message({ type: 'poll', pollId: poll.poll.id }, { kind: 'channel', channelId: 'C9' }));
    expect(h.api.calls.map((c) => `${c.method}:${c.args.channel}`)).toEqual(['chat.postMessage:C9']);

    // Both copies are recorded, so a vote updates each of them.
    h.api.reset();
    await h.click('innspill_vote_0', `${poll.poll.id}:0`, { user: 'U5' });
    await h.adapter.idle();
    expect(h.api.callsTo('chat.update').map((c) => c.args.channel).sort()).toEqual(['C9', 'D5']);
  });

  it('relays a member’s reply escaped, so it cannot ping or link', async () => {
    const result = await h.adapter.sender.deliver(message({ type: 'reply', locale: 'en', suggestionId: 7, text: 'Takk! <!channel> <https://x.example|her>' }));
    expect(result.ok).toBe(true);
    const text = JSON.stringify(h.api.callsTo('chat.postMessage')[0]!.args.blocks);
    expect(text).toContain('Reply from the project group to suggestion #7');
    expect(text).toContain('&lt;!channel&gt; &lt;https://x.example|her&gt;');
  });

  it('renders a digest within Block Kit’s limits, escaped', async () => {
    for (let i = 0; i < 80; i++) await h.core.submitSuggestion(actor(`U${i}`), { text: `Forslag ${i} <!here> ${'ord '.repeat(150)}`, topic: i % 2 ? 'growth' : 'place' });
    h.clock.advance(60_000);
    const digest = serializeDigest(await h.core.digestFor(h.core.previewPeriod()));
    const result = await h.adapter.sender.deliver(message({ type: 'digest', locale: 'nb', digest }, { kind: 'channel', channelId: 'C2' }));
    expect(result.ok).toBe(true);
    const { blocks } = h.api.callsTo('chat.postMessage')[0]!.args;
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) expect([...b.text.text].length).toBeLessThanOrEqual(b.type === 'header' ? 150 : 3000);
    expect(JSON.stringify(blocks)).toContain('&lt;!here&gt;');
    expect(JSON.stringify(blocks)).not.toContain('<!here>');
    const bad = await h.adapter.sender.deliver(message({ type: 'digest', locale: 'nb', digest: { nope: true } }, { kind: 'channel', channelId: 'C2' }));
    expect(bad).toEqual({ ok: false, retryable: false, error: 'digest_invalid' });
  });

  it('classifies failures and never retries by itself', async () => {
    const send = () => h.adapter.sender.deliver(message({ type: 'reply', locale: 'nb', suggestionId: 1, text: 'hei' }, { kind: 'channel', channelId: 'C1' }));
    h.api.answer('chat.postMessage', () => ({ status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } }));
    expect(await send()).toMatchObject({ ok: false, retryable: true, retryAfterMs: 7000 });
    h.api.answer('chat.postMessage', () => ({ status: 503, body: 'unavailable' }));
    expect(await send()).toMatchObject({ ok: false, retryable: true, error: 'http_503' });
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(2);

    for (const error of ['account_inactive', 'channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'token_revoked']) {
      h.api.answer('chat.postMessage', () => ({ body: { ok: false, error } }));
      expect(await send()).toEqual({ ok: false, retryable: false, gone: true, error });
    }
    h.api.answer('chat.postMessage', () => ({ body: { ok: false, error: 'msg_too_long' } }));
    expect(await send()).toEqual({ ok: false, retryable: false, error: 'msg_too_long' });
    h.api.answer('chat.postMessage', () => ({ body: { ok: false, error: 'internal_error' } }));
    expect(await send()).toMatchObject({ ok: false, retryable: true });
  });

  it('calls a timeout or a refused connection retryable', () => {
    expect(classifySlackError({ code: 'slack_webapi_request_error', message: 'timeout' })).toEqual({ ok: false, retryable: true, error: 'request_failed' });
  });
});

describe('Slack sender in OAuth mode', () => {
  it('gives up for good on a workspace that has no installation', async () => {
    await h.close();
    h = await slackHarness({ auth: { mode: 'oauth', clientId: '1.2', clientSecret: 's', stateSecret: 'state-secret-0123456789' } });
    expect(await h.adapter.sender.deliver(message({ type: 'reply', locale: 'nb', suggestionId: 1, text: 'x' }, { kind: 'channel', channelId: 'C1' }, 'T404')))
      .toEqual({ ok: false, retryable: false, gone: true, error: 'no_installation' });
    expect(h.api.calls).toEqual([]);
  });
});
