import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../src/digest/serialize.ts';
import { actor, testCore } from '../helpers/core.ts';

describe('digest runs', () => {
  it('queues a digest for each member on their platform in their language, and for digest channels', async () => {
    const { core, store, clock } = testCore({ digestChannels: [{ platform: 'teams', workspaceId: 'tenant', channelId: '19:abc@thread.tacv2' }] });
    const slackMember = actor('M1');
    const teamsMember = actor('aad-2', { platform: 'teams', workspaceId: 'tenant', locale: 'en' });
    await core.submitSuggestion(teamsMember, { text: 'hello' });
    for (const m of [slackMember, teamsMember, actor('kari', { platform: 'console', workspaceId: 'local' })]) await core.members.add(m.id, new Date());
    clock.advance(60_000);
    const result = await core.runDigest({ slot: new Date('2026-11-23T07:00:00Z'), manual: true });
    expect(result?.unreachable).toEqual(['console:local:kari']);
    const queued = await store.outbox.getMany(result!.messageIds);
    expect(queued.map((m) => [m.platform, m.workspaceId, m.recipient, m.payload.type === 'digest' && m.payload.locale])).toEqual([
      ['slack', 'T1', { kind: 'user', userId: 'M1' }, 'nb'],
      ['teams', 'tenant', { kind: 'user', userId: 'aad-2' }, 'en'],
      ['teams', 'tenant', { kind: 'channel', channelId: '19:abc@thread.tacv2' }, 'nb'],
    ]);
    const payload = queued[0]!.payload;
    if (payload.type !== 'digest') throw new Error('digest');
    expect(parseDigest(payload.digest).topics[0]!.suggestions[0]).toMatchObject({ text: 'hello', createdAt: expect.any(Date) });
  });

  it('skips a quiet week when configured to', async () => {
    const { core } = testCore({ emptyDigest: 'skip' });
    await core.members.add(actor('M1').id, new Date());
    const result = await core.runDigest({ slot: new Date('2026-11-23T07:00:00Z'), manual: false });
    expect(result?.messageIds).toEqual([]);
  });
});

describe('polls to everyone', () => {
  it('queues the poll for every participant on Slack and Teams but the sender, in the same step', async () => {
    const { core, store } = testCore();
    const member = actor('M1');
    await core.members.add(member.id, new Date());
    await core.submitSuggestion(actor('U2'), { text: 'a' });
    await core.submitSuggestion(actor('aad-3', { platform: 'teams', workspaceId: 'tenant' }), { text: 'b' });
    await core.submitSuggestion(actor('kari', { platform: 'console', workspaceId: 'local' }), { text: 'c' });
    const result = await core.createPollFromText(member, '"Q?" "A" "B" --alle', { channelId: 'C1' });
    if (!result.ok) throw new Error('poll');
    const queued = await store.outbox.list(['pending'], 10);
    expect(queued.map((m) => [m.label, m.payload])).toEqual([
      ['slack:T1:U2', { type: 'poll', pollId: result.poll.id }],
      ['teams:tenant:aad-3', { type: 'poll', pollId: result.poll.id }],
    ]);
  });
});

describe('replies to a sender', () => {
  it('reaches an anonymous sender without telling the member who it is', async () => {
    const { core, store } = testCore();
    const member = actor('M1');
    await core.members.add(member.id, new Date());
    const sender = actor('aad-9', { platform: 'teams', workspaceId: 'tenant', locale: 'en' });
    const { suggestion } = await core.submitSuggestion(sender, { text: 'secret idea', anonymous: true });
    const { outboxId } = await core.replyToSender(member, suggestion.id, '  Thanks, let us talk!  ');
    const message = await store.outbox.get(outboxId);
    expect(message).toMatchObject({
      platform: 'teams',
      workspaceId: 'tenant',
      recipient: { kind: 'sealed', sealed: expect.any(String) },
      payload: { type: 'reply', suggestionId: suggestion.id, text: 'Thanks, let us talk!', locale: 'en' },
      label: `reply to #${suggestion.id}`,
    });
    expect(JSON.stringify(await store.outbox.list(['pending'], 10))).not.toContain('aad-9');
    // Only the worker, at the moment of sending, opens it.
    expect(core.openRecipient(message!.recipient.kind === 'sealed' ? message!.recipient.sealed! : '')).toEqual({ kind: 'user', userId: 'aad-9' });
  });

  it('queues one reply for a double click or a redelivered submission', async () => {
    const { core, store } = testCore();
    const member = actor('M1');
    await core.members.add(member.id, new Date());
    const { suggestion } = await core.submitSuggestion(actor('U1'), { text: 'x' });
    const first = await core.replyToSender(member, suggestion.id, 'Takk!', { dedupeKey: 'view-V1' });
    const again = await core.replyToSender(member, suggestion.id, 'Takk!', { dedupeKey: 'view-V1' });
    expect(again).toEqual(first);
    expect(await store.outbox.list(['pending'], 10)).toHaveLength(1);
  });

  it('is for members only, and refuses empty or missing things', async () => {
    const { core } = testCore();
    const { suggestion } = await core.submitSuggestion(actor('U1'), { text: 'x' });
    await expect(core.replyToSender(actor('U2'), suggestion.id, 'hi')).rejects.toMatchObject({ code: 'not_allowed' });
    const member = actor('M1');
    await core.members.add(member.id, new Date());
    await expect(core.replyToSender(member, suggestion.id, '   ')).rejects.toMatchObject({ code: 'suggestion_empty' });
    await expect(core.replyToSender(member, 999, 'hi')).rejects.toMatchObject({ code: 'suggestion_not_found' });
  });
});

describe('see all of a digest topic', () => {
  it('pages a period’s suggestions on a topic, for members only', async () => {
    const { core, clock } = testCore();
    const start = clock();
    for (let i = 0; i < 60; i += 1) await core.submitSuggestion(actor(`U${i}`), { text: `idea ${i}`, topic: 'place' });
    await core.submitSuggestion(actor('U99'), { text: 'other topic', topic: 'financing' });
    clock.advance(1000);
    const period = { start, end: clock() };
    const member = actor('M1');
    await expect(core.digestSuggestions(member, period, 'place', 0)).rejects.toMatchObject({ code: 'not_allowed' });
    await core.members.add(member.id, new Date());
    const first = await core.digestSuggestions(member, period, 'place', 0);
    const second = await core.digestSuggestions(member, period, 'place', 1);
    expect(first).toHaveLength(50);
    expect(second.map((s) => s.text)).toEqual(Array.from({ length: 10 }, (_, i) => `idea ${50 + i}`));
  });
});
