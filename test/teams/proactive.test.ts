import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundMessage, OutboundPayload, Recipient } from '../../src/ports/delivery.ts';
import { REFERENCE_NAMESPACE } from '../../adapters/teams/references.ts';
import { BOT_ID, activity, mention, message, startTeams, type TeamsHarness } from './harness.ts';

const kari = { aad: 'aad-kari' };

let nextId = 0;
function outbound(recipient: Recipient, payload: OutboundPayload, workspaceId = 'tenant-1'): OutboundMessage {
  return { id: ++nextId, platform: 'teams', workspaceId, recipient, payload, attempt: 1 };
}

describe('Teams conversation references and proactive sends', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeams({ sendTimeoutMs: 300 });
  });
  afterEach(async () => {
    await h.close();
  });

  const references = () => h.store.platformState.list<{ serviceUrl: string; conversation: { id: string } }>(REFERENCE_NAMESPACE, '');
  const install = (action: 'add' | 'remove') => activity(h.connector, kari, { type: 'installationUpdate', action });
  const botJoinsChannel = () =>
    activity(h.connector, kari, { type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }], conversation: { conversationType: 'channel', isGroup: true, id: '19:channel-1@thread.tacv2', tenantId: 'tenant-1' } }, 'channel');

  it('keeps a reference with its serviceUrl on install, welcomes the person, and forgets it on uninstall', async () => {
    expect((await h.post(install('add'))).status).toBe(200);
    expect(h.connector.texts()[0]).toContain('Hei! Jeg er Innspill');
    expect(await references()).toEqual([
      { key: 'tenant-1:user:aad-kari', value: expect.objectContaining({ serviceUrl: h.connector.url, conversation: expect.objectContaining({ id: 'a:chat-aad-kari' }) }) },
    ]);
    await h.post(activity(h.connector, kari, { type: 'installationUpdate', action: 'add-upgrade' }));
    expect(h.connector.texts()).toHaveLength(1);
    expect((await h.post(install('remove'))).status).toBe(200);
    expect(await references()).toEqual([]);
  });

  it('keeps channel references by channel (not thread) when the bot joins, and on each message', async () => {
    await h.post(botJoinsChannel());
    await h.post(message(h.connector, kari, 'hei'));
    expect((await references()).map((r) => [r.key, r.value.conversation.id])).toEqual([
      ['tenant-1:conversation:19:channel-1@thread.tacv2', '19:channel-1@thread.tacv2'],
      ['tenant-1:member:aad-kari', '19:channel-1@thread.tacv2'],
      ['tenant-1:user:aad-kari', 'a:chat-aad-kari'],
    ]);
  });

  it('delivers a member’s reply to the person’s chat, escaped, and a poll card to a channel', async () => {
    await h.post(install('add'));
    await h.post(botJoinsChannel());
    const before = h.connector.calls.length;
    const reply = await h.teams.sender.deliver(outbound({ kind: 'user', userId: 'aad-kari' }, { type: 'reply', locale: 'nb', suggestionId: 7, text: 'Takk! Se [lenke](https://x.example)' }));
    expect(reply).toEqual({ ok: true, platformRef: expect.stringMatching(/^sent-/), calls: 1 });
    const sent = h.connector.calls[before]!;
    expect(sent.conversationId).toBe('a:chat-aad-kari');
    expect(sent.replyToId).toBeNull();
    // A card with an answer field; the member's text is a TextRun, which Teams never reads as Markdown.
    const card = JSON.stringify(sent.activity.attachments![0]!.content);
    expect(card).toContain('Svar fra prosjektgruppen på innspill #7');
    expect(card).toContain('{"type":"TextRun","text":"Takk! Se [lenke](https://x.example)"}');
    expect(card).toContain('"verb":"answer.send"');

    const poll = await h.core.createPollFromText({ platform: 'teams', workspaceId: 'tenant-1', userId: 'aad-kari', id: 'teams:tenant-1:aad-kari', locale: 'nb' }, '"Ja eller nei?" "Ja" "Nei"', { channelId: '19:channel-1@thread.tacv2' });
    const pollId = poll.ok ? poll.poll.id : 0;
    expect(await h.teams.sender.deliver(outbound({ kind: 'channel', channelId: '19:channel-1@thread.tacv2' }, { type: 'poll', pollId }))).toMatchObject({ ok: true });
    expect(h.connector.calls.at(-1)!.conversationId).toBe('19:channel-1@thread.tacv2');
    expect(h.connector.cards().at(-1)!.version).toBe('1.5');
  });

  it('classifies failures after one attempt: 429 with Retry-After, 5xx, timeouts, and 403 as gone', async () => {
    await h.post(install('add'));
    const to = { kind: 'user', userId: 'aad-kari' } as const;
    const payload = { type: 'reply', locale: 'nb', suggestionId: 1, text: 'Hei' } as const;
    let calls = h.connector.calls.length;

    h.connector.answerNext(429, { 'retry-after': '7' });
    expect(await h.teams.sender.deliver(outbound(to, payload))).toEqual({ ok: false, retryable: true, retryAfterMs: 7000, error: 'teams_429' });
    expect(h.connector.calls.length).toBe(++calls);

    h.connector.answerNext(502);
    expect(await h.teams.sender.deliver(outbound(to, payload))).toMatchObject({ ok: false, retryable: true, error: 'teams_502' });
    expect(h.connector.calls.length).toBe(++calls);

    h.connector.delayNext(1000);
    expect(await h.teams.sender.deliver(outbound(to, payload))).toMatchObject({ ok: false, retryable: true, error: 'teams_timeout' });

    h.connector.answerNext(403, {}, { error: { code: 'Forbidden', message: 'The bot is not part of the conversation roster.' } });
    expect(await h.teams.sender.deliver(outbound(to, payload))).toMatchObject({ ok: false, retryable: false, gone: true, error: 'teams_403' });
    expect(await references()).toEqual([]);
    expect(await h.teams.sender.deliver(outbound(to, payload))).toMatchObject({ ok: false, retryable: false, gone: true, error: 'no_conversation_reference' });
  });

  it('opens a 1:1 chat with someone only seen in a channel, and keeps it for the next message', async () => {
    await h.post(mention(h.connector, { aad: 'aad-ola' }, 'Et innspill fra kanalen'));
    const to = { kind: 'user', userId: 'aad-ola' } as const;
    const payload = { type: 'reply', locale: 'nb', suggestionId: 1, text: 'Takk for innspillet' } as const;
    expect(await h.teams.sender.deliver(outbound(to, payload))).toMatchObject({ ok: true });
    expect(h.connector.created).toHaveLength(1);
    expect(h.connector.created[0]!.parameters).toMatchObject({ isGroup: false, members: [{ id: '29:aad-ola' }], tenantId: 'tenant-1', channelData: { tenant: { id: 'tenant-1' } } });
    expect(h.connector.calls.at(-1)!).toMatchObject({ conversationId: 'a:created-1', replyToId: null });
    expect(JSON.stringify(h.connector.calls.at(-1)!.activity.attachments)).toContain('Takk for innspillet');

    expect(await h.teams.sender.deliver(outbound(to, payload))).toMatchObject({ ok: true });
    expect(h.connector.created).toHaveLength(1);
    expect(h.connector.calls.at(-1)!.conversationId).toBe('a:created-1');
  });

  it('gives up on someone Teams will not open a chat with (403), and forgets where they were seen', async () => {
    await h.post(mention(h.connector, { aad: 'aad-ola' }, 'Hei'));
    h.connector.answerNext(403, {}, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    const to = { kind: 'user', userId: 'aad-ola' } as const;
    expect(await h.teams.sender.deliver(outbound(to, { type: 'reply', locale: 'nb', suggestionId: 1, text: 'Hei' }))).toMatchObject({ ok: false, gone: true, error: 'teams_403' });
    expect((await references()).map((r) => r.key)).toEqual(['tenant-1:conversation:19:channel-1@thread.tacv2']);
  });

  it('finds no reference across tenants', async () => {
    await h.post(install('add'));
    expect(await h.teams.sender.deliver(outbound({ kind: 'user', userId: 'aad-kari' }, { type: 'poll', pollId: 1 }, 'tenant-2'))).toMatchObject({ ok: false, gone: true });
  });
});
