import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMaintenance } from '../../adapters/scheduler/maintenance.ts';
import { actor, testCore } from '../helpers/core.ts';
import { DIGEST_ACTIONS, renderDigest, suggestionBlock, suggestionLine } from '../../adapters/slack/render/digest.ts';
import { digestCards, suggestionItem } from '../../adapters/teams/cards/digest.ts';
import { renderDigestMarkdown } from '../../src/digest/markdown.ts';

const DAY = 86_400_000;

describe('retention', () => {
  afterEach(() => void vi.useRealTimers());

  it('prunes sent, digest and dead messages, delivery records, digest parts and sealed senders, each after its time', async () => {
    const { core, store, clock } = testCore({ platformRecords: { personal: () => [], shortLived: ['slack.digest_parts'] }, replyWindowDays: 180 });
    const member = actor('UBOARD');
    const sender = actor('USEND');
    await core.members.add(member.id, clock());
    const { suggestion } = await core.submitSuggestion(sender, { text: 'Anonym idé', anonymous: true });
    const { outboxId: reply } = await core.replyToSender(member, suggestion.id, 'Takk');
    clock.advance(60_000);
    const digest = await core.runDigest({ slot: clock(), manual: true });
    const [digestId] = digest!.messageIds;
    const poll = await core.createPollFromText(member, '"Alle?" "Ja" "Nei" --alle', { channelId: 'C1' });
    if (!poll.ok) throw new Error('poll');
    const [broadcast] = await core.outbox.list(['pending'], 10).then((l) => l.filter((m) => m.payload.type === 'poll'));
    await store.outbox.markSent(reply, clock(), null);
    await store.outbox.markSent(digestId!, clock(), '1');
    await store.outbox.markDead(broadcast!.id, 'gone');
    await core.firstDelivery('slack', 'Ev1');
    await store.platformState.put('slack.digest_parts', String(digestId), { sent: 1, total: 1 }, clock());
    await store.platformState.put('slack.dm_channel', 'T1:USEND', 'D1', clock());

    const ids = async () => (await core.outbox.list(['pending', 'sending', 'sent', 'dead'], 100)).map((m) => m.id).sort();
    clock.advance(6 * DAY);
    expect(await core.runMaintenance()).toEqual({ outbox: 0, deliveryRecords: 0, platformState: 0, sealedSenders: 0 });

    // After a week: delivery records and digest parts.
    clock.advance(2 * DAY);
    expect(await core.runMaintenance()).toEqual({ outbox: 0, deliveryRecords: 1, platformState: 1, sealedSenders: 0 });
    expect(await core.firstDelivery('slack', 'Ev1')).toBe(true);
    expect(await store.platformState.get('slack.dm_channel', 'T1:USEND')).toBe('D1');

    // After RETENTION_DAYS (30): sent messages, the digest payload with them.
    clock.advance(23 * DAY);
    expect((await core.runMaintenance()).outbox).toBe(2);
    expect(await ids()).toEqual([broadcast!.id]);

    // After 90 days: dead messages.
    clock.advance(60 * DAY);
    expect((await core.runMaintenance()).outbox).toBe(1);
    expect(await ids()).toEqual([]);

    // Within the reply window a member can still answer the anonymous sender.
    await core.replyToSender(member, suggestion.id, 'Enda et svar');
    // After REPLY_WINDOW_DAYS (180): the sealed sender goes, and with it the way to reply.
    clock.advance(90 * DAY);
    expect((await core.runMaintenance()).sealedSenders).toBe(1);
    await expect(core.replyToSender(member, suggestion.id, 'For sent')).rejects.toMatchObject({ code: 'reply_window_passed', params: { days: 180 } });
    // The digest (here a look back over the suggestion's week) says so instead of offering a reply.
    const model = await core.digestFor({ start: suggestion.createdAt, end: new Date(suggestion.createdAt.getTime() + DAY) });
    expect(model.topics[0]!.suggestions[0]).toMatchObject({ id: suggestion.id, replyClosed: true });
    // Slack and Teams list a topic's suggestions one click from the summary ("see all").
    const listed = model.topics[0]!.suggestions[0]!;
    const slack = JSON.stringify([renderDigest(model, 'nb', 'Europe/Oslo'), suggestionLine('nb', listed), suggestionBlock('nb', listed, 500)]);
    const teams = JSON.stringify([digestCards(model, { locale: 'nb', timeZone: 'Europe/Oslo' }), suggestionItem('nb', listed)]);
    const markdown = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo' });
    for (const text of [slack, teams, markdown]) expect(text).toContain('Avsenderen kan ikke lenger nås.');
    expect(slack).not.toContain(DIGEST_ACTIONS.reply);
    expect(teams).not.toContain('digest.reply');
    // The suggestion itself stays, and the person still finds it with the key.
    expect((await core.mine(sender)).suggestions.map((s) => s.id)).toEqual([suggestion.id]);
  });

  it('serve applies retention at start and then every hour', async () => {
    vi.useFakeTimers();
    let passes = 0;
    const run = async () => (passes++, { outbox: 0, deliveryRecords: 0, platformState: 0, sealedSenders: 0 });
    const maintenance = startMaintenance(run, { info: () => {}, warn: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(passes).toBe(1);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(passes).toBe(2);
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(passes).toBe(4);
    await maintenance.stop();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(passes).toBe(4);
  });
});
