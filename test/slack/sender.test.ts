import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifySlackError } from '../../adapters/slack/api/errors.ts';
import pino from 'pino';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import { DM_NAMESPACE } from '../../adapters/slack/dm-channels.ts';
import { DIGEST_ACTIONS, textLength } from '../../adapters/slack/render/digest.ts';
import { serializeDigest } from '../../src/digest/serialize.ts';
import type { OutboundMessage, OutboundPayload, Recipient } from '../../src/ports/delivery.ts';
import type { RecordedCall } from '../fakes/slack-api.ts';
import { actor } from '../helpers/core.ts';
import { noLiveMarkup } from './blocks.ts';
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

  // A summary longer than one message: questions to the group with long texts, and 45 polls.
  const longDigest = async () => {
    for (let i = 0; i < 20; i++) await h.core.submitSuggestion(actor(`U${i}`), { text: `Kan dere svare? Forslag ${i} <!here> ${'ord '.repeat(150)}`, topic: i % 2 ? 'growth' : 'place' });
    for (let i = 0; i < 45; i++) await h.core.createPollFromText(actor('U1'), `"Spørsmål ${i} <!here>?" "Ja" "Nei"`, { channelId: 'C1' });
    h.clock.advance(60_000);
    return serializeDigest(await h.core.digestFor(h.core.previewPeriod()));
  };
  /** The suggestions the summary offers a Reply for: the first ten messages to the group. */
  const answerable = (digest: unknown) => (digest as any).attention.slice(0, 10).map((a: any) => String(a.suggestion.id));
  const replyIds = (calls: RecordedCall[]) => calls.flatMap((c) => c.args.blocks).filter((b: any) => b.accessory?.action_id === DIGEST_ACTIONS.reply).map((b: any) => b.accessory.value);

  it('posts a long digest in parts, in order, within Block Kit’s limits, escaped', async () => {
    const digest = await longDigest();
    const result = await h.adapter.sender.deliver(message({ type: 'digest', locale: 'nb', digest }, { kind: 'channel', channelId: 'C2' }));
    expect(result).toEqual({ ok: true, platformRef: expect.any(String), calls: expect.any(Number) });
    const posts = h.api.callsTo('chat.postMessage');
    expect(posts.length).toBeGreaterThan(1);
    for (const [i, post] of posts.entries()) {
      expect(post.args.channel).toBe('C2');
      expect(post.args.blocks.length).toBeLessThanOrEqual(50);
      expect(textLength(post.args.blocks)).toBeLessThanOrEqual(12_000);
      noLiveMarkup(post.args.blocks);
      expect(JSON.stringify(post.args.blocks.at(-1))).toContain(`Del ${i + 1} av ${posts.length}`);
    }
    expect(replyIds(posts)).toEqual(answerable(digest));
    expect(replyIds(posts)).toHaveLength(10);
    expect(JSON.stringify(posts.map((p) => p.args.blocks))).toContain('&lt;!here&gt;');
    const bad = await h.adapter.sender.deliver(message({ type: 'digest', locale: 'nb', digest: { nope: true } }, { kind: 'channel', channelId: 'C2' }));
    expect(bad).toEqual({ ok: false, retryable: false, error: 'digest_invalid' });
  });

  it('resumes a digest after a failure on part 2, through the outbox: a restarted worker posts parts 2.. only, and never a sent part again', async () => {
    const digest = await longDigest();
    const queued = await h.store.digestRuns.record(
      { slot: h.clock(), periodStart: h.clock(), periodEnd: h.clock(), manual: true },
      [{ platform: 'slack', workspaceId: 'T1', recipient: { kind: 'user', userId: 'U5' }, payload: { type: 'digest', locale: 'en', digest }, dedupeKey: 'U5', label: 'slack:T1:U5' }],
      h.clock(),
    );
    const id = queued!.messageIds[0]!;
    /** A worker as a (re)started process runs it, driven by the fake clock until the message is due no more. */
    const run = async (owner: string) => {
      const worker = createOutboxWorker({ store: h.store.outbox, senders: [h.adapter.sender], clock: h.clock, owner, log: pino({ level: 'silent' }) });
      await worker.pump();
      await worker.settled();
      await worker.stop();
    };
    let n = 0;
    h.api.answer('chat.postMessage', () => (++n === 2 ? { status: 500, body: 'unavailable' } : undefined));
    await run('first');
    const [first, failed] = h.api.callsTo('chat.postMessage');
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(await h.store.outbox.get(id)).toMatchObject({ status: 'pending', partsSent: 1 });

    h.api.reset();
    h.clock.set((await h.store.outbox.nextDue())!);
    await run('restarted');
    const retried = h.api.callsTo('chat.postMessage');
    expect(retried[0]!.args.blocks).toEqual(failed!.args.blocks);
    expect(retried.some((c) => JSON.stringify(c.args.blocks) === JSON.stringify(first!.args.blocks))).toBe(false);
    expect([...replyIds([first!]), ...replyIds(retried)]).toEqual(answerable(digest));
    expect(await h.store.outbox.get(id)).toMatchObject({ status: 'sent', partsSent: retried.length + 1 });
    // Sent in full, yet tried again (an operator's `outbox retry` after an interrupted send): nothing is posted twice.
    h.api.reset();
    await h.store.outbox.markDead(id, 'interrupted while sending');
    expect(await h.store.outbox.retry(id, h.clock())).toBe(true);
    await run('operator');
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    expect(await h.store.outbox.get(id)).toMatchObject({ status: 'sent' });
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

  it('opens a person’s chat once ever: later messages use the kept channel', async () => {
    for (let i = 0; i < 3; i++) expect((await h.adapter.sender.deliver(message({ type: 'reply', locale: 'nb', suggestionId: 1, text: `svar ${i}` }))).ok).toBe(true);
    expect(h.api.callsTo('conversations.open')).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['D5', 'D5', 'D5']);
    // Kept in the database, where a restarted or second process finds it.
    expect(await h.store.platformState.get(DM_NAMESPACE, 'T1:U5')).toBe('D5');
    // Per team: the same user id in another workspace is another chat.
    await h.adapter.sender.deliver(message({ type: 'reply', locale: 'nb', suggestionId: 1, text: 'x' }, { kind: 'user', userId: 'U5' }, 'T2'));
    expect(h.api.callsTo('conversations.open')).toHaveLength(2);
  });

  it('learns the chat from a direct message or App Home, so reaching that person costs no conversations.open', async () => {
    await h.dm('et innspill', { user: 'U7' });
    await h.event({ type: 'app_home_opened', user: 'U8', channel: 'D8', tab: 'messages', event_ts: '1' });
    await h.adapter.idle();
    h.api.reset();
    for (const userId of ['U7', 'U8']) await h.adapter.sender.deliver(message({ type: 'reply', locale: 'nb', suggestionId: 1, text: 'svar' }, { kind: 'user', userId }));
    expect(h.api.calls.map((c) => `${c.method}:${c.args.channel}`)).toEqual(['chat.postMessage:D1', 'chat.postMessage:D8']);
  });

  it('opens the chat afresh on the next try when Slack no longer knows the kept one', async () => {
    await h.store.platformState.put(DM_NAMESPACE, 'T1:U5', 'DOLD', new Date());
    h.api.answer('chat.postMessage', (c) => (c.args.channel === 'DOLD' ? { body: { ok: false, error: 'channel_not_found' } } : undefined));
    const send = () => h.adapter.sender.deliver(message({ type: 'reply', locale: 'nb', suggestionId: 1, text: 'svar' }));
    expect(await send()).toEqual({ ok: false, retryable: true, error: 'channel_not_found' });
    expect(await send()).toMatchObject({ ok: true });
    expect(h.api.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['DOLD', 'D5']);
    expect(await h.store.platformState.get(DM_NAMESPACE, 'T1:U5')).toBe('D5');
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
