import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, mention, startTeams, type TeamsHarness } from './harness.ts';

const kari = { aad: 'aad-kari' };
const john = { aad: 'aad-john', locale: 'en-US' };

describe('Teams chat over /api/messages (anonymous mode, loopback)', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeams();
  });
  afterEach(async () => {
    await h.close();
  });

  it('stores a plain personal message as a suggestion and confirms its reference number in Norwegian', async () => {
    const res = await h.post(message(h.connector, kari, 'Bedre parkering i Askim sentrum'));
    expect(res.status).toBe(200);
    expect(h.connector.calls).toHaveLength(1);
    const call = h.connector.calls[0]!;
    expect(call.conversationId).toBe('a:chat-aad-kari');
    expect(call.activity.text).toContain('registrert med nummer #1');
    const mine = await h.core.mine({ platform: 'teams', workspaceId: 'tenant-1', userId: 'aad-kari', id: 'teams:tenant-1:aad-kari', locale: 'nb' });
    expect(mine.suggestions.map((s) => s.text)).toEqual(['Bedre parkering i Askim sentrum']);
  });

  it('stores a redelivered activity once', async () => {
    const activity = message(h.connector, kari, 'Felles markedsføring');
    await h.post(activity);
    await h.post(activity);
    const mine = await h.core.mine({ platform: 'teams', workspaceId: 'tenant-1', userId: 'aad-kari', id: 'teams:tenant-1:aad-kari', locale: 'nb' });
    expect(mine.suggestions).toHaveLength(1);
    expect(h.connector.texts().every((t) => t.includes('#1'))).toBe(true);
  });

  it('answers in the locale the activity reports', async () => {
    await h.post(message(h.connector, john, 'help'));
    expect(h.connector.texts()[0]).toContain('Innspill gathers input');
    await h.post(message(h.connector, john, 'Lower fees for small firms'));
    expect(h.connector.texts()[1]).toContain('registered as number #1');
  });

  it('falls back to the default locale when the activity reports none it speaks', async () => {
    await h.post(message(h.connector, { aad: 'aad-x', locale: 'de-DE' }, 'hjelp'));
    expect(h.connector.texts()[0]).toContain('Innspill samler innspill');
  });

  it('strips the @mention in channels and keeps personal data out of them', async () => {
    await h.post(mention(h.connector, kari, 'Mer samarbeid mellom kommunene'));
    expect(h.connector.calls[0]!.conversationId).toBe('19:channel-1@thread.tacv2;messageid=171');
    expect(h.connector.calls[0]!.activity.text).toContain('#1');
    const mine = await h.core.mine({ platform: 'teams', workspaceId: 'tenant-1', userId: 'aad-kari', id: 'teams:tenant-1:aad-kari', locale: 'nb' });
    expect(mine.suggestions[0]!.text).toBe('Mer samarbeid mellom kommunene');

    await h.post(mention(h.connector, kari, 'mine', 'groupChat'));
    expect(h.connector.texts()[1]).toContain('privat chat');
  });

  it('opens the forms for innspill, profil and poll, and asks before deleting', async () => {
    for (const text of ['innspill', 'profil', 'poll', 'slett']) await h.post(message(h.connector, kari, text));
    const cards = h.connector.cards();
    expect(cards).toHaveLength(4);
    expect(cards.every((c) => c.version === '1.5')).toBe(true);
    const inputs = (card: Record<string, any>) => (card.body as any[]).filter((e) => String(e.type).startsWith('Input.')).map((e) => e.id);
    expect(inputs(cards[0]!)).toEqual(['topic', 'text', 'anonymous', 'publishable']);
    expect(inputs(cards[1]!)).toEqual(['companyName', 'area', 'industry', 'sizeBand']);
    expect(inputs(cards[2]!)).toEqual(['question', 'options', 'multiple', 'anonymous', 'hidden', 'everyone', 'closesDate', 'closesTime']);
    expect((cards[3]!.actions as any[]).map((a) => a.verb)).toEqual(['delete.confirm', 'delete.cancel']);
  });

  it('creates a poll from the inline syntax and posts its card, or explains the syntax error', async () => {
    await h.post(message(h.connector, kari, 'poll "Hvilken dag passer?" "Tirsdag" "Torsdag"'));
    const card = h.connector.cards()[0]!;
    const buttons = (card.body as any[]).filter((e) => e.type === 'ActionSet').map((e) => e.actions[0]);
    expect(buttons.map((b) => [b.title, b.type, b.verb, b.data.option])).toEqual([
      ['Tirsdag', 'Action.Execute', 'poll.vote', 0],
      ['Torsdag', 'Action.Execute', 'poll.vote', 1],
    ]);
    await h.post(message(h.connector, kari, 'poll "Bare ett svar?" "Ja"'));
    expect(h.connector.texts()[0]).toContain('minst 2 svaralternativer');
  });

  it('lists what a person has sent, and nothing of anyone else', async () => {
    await h.post(message(h.connector, kari, 'Første innspill'));
    await h.post(message(h.connector, { aad: 'aad-other' }, 'Et annet innspill'));
    await h.post(message(h.connector, kari, 'mine'));
    const text = h.connector.texts()[2]!;
    expect(text).toContain('Første innspill');
    expect(text).not.toContain('annet');
  });
});
