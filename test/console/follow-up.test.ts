import { describe, expect, it } from 'vitest';
import { playgroundSession } from '../helpers/playground.ts';
import { actor, testCore } from '../helpers/core.ts';
import { loadTopicKeywords } from '../../adapters/cli/topic-keywords.ts';

const chat = playgroundSession;

describe('follow-up in the playground', () => {
  it('a member works the review queue with /vurder, /godkjenn, /skjul, /status and /tema; the sender sees status and note in /innspill mine', async () => {
    const { core, store } = testCore({ topicKeywords: loadTopicKeywords()! });
    const member = actor('kari', { platform: 'console', workspaceId: 'local' });
    await core.members.add(member.id, new Date());
    const sender = actor('U2');
    await core.submitSuggestion(sender, { text: 'Vi trenger bedre parkering i Askim sentrum', publishable: true });
    await core.submitSuggestion(sender, { text: 'Raskere byggesak', topic: 'framework', publishable: true });

    const text = await chat(core, member, ['/vurder', '/godkjenn #1', '/skjul 2 Feil tema', '/status 1 vurderes Vi ser på det', '/tema 1 framework', '/gjenopprett 2', '/vurder']);
    expect(text).toContain('Venter på vurdering:\n  #1  Stedsutvikling (foreslått)  Vi trenger bedre parkering i Askim sentrum\n  #2  Rammebetingelser  Raskere byggesak');
    expect(text).toContain('#1 er godkjent for publisering.');
    expect(text).toContain('#2 er skjult.');
    expect(text).toContain('#1 har nå status til vurdering. Avsenderen får beskjed.');
    expect(text).toContain('#1 er flyttet til Rammebetingelser.');
    expect(text).toContain('#2 er gjenopprettet.');
    expect(text.split('Venter på vurdering:').at(-1)).toContain('  #2  Rammebetingelser  Raskere byggesak\n/vurder · /godkjenn <nr>');
    expect(await core.hiddenReason(member, 2)).toBe('Feil tema');
    // The Slack sender's notice is queued for the outbox.
    expect((await store.outbox.list(['pending'], 10)).map((m) => m.payload.type)).toEqual(['status']);

    const mine = await chat(core, actor('kari2', { platform: 'console', workspaceId: 'local' }), ['/innspill mine']);
    expect(mine).toContain('Du har ikke sendt inn noe ennå.');
    const senderView = await core.mine(sender);
    expect(senderView.suggestions.find((s) => s.id === 1)).toMatchObject({ progress: 'considering', statusNote: 'Vi ser på det', topic: 'framework', topicProposed: false });
  });

  it('shows the sender their status and note, and lets them answer the member', async () => {
    const { core, store } = testCore();
    const member = actor('M1');
    await core.members.add(member.id, new Date());
    const me = actor('ola', { platform: 'console', workspaceId: 'local', locale: 'en' });
    const { suggestion } = await core.submitSuggestion(me, { text: 'More buses to Mysen' });
    await core.setStatus(member, suggestion.id, 'done', 'Two more departures from January');
    // With a text, `/answer <no>` answers the project group; alone, it opens a survey.
    const text = await chat(core, me, ['/innspill mine', '/answer 1 Thank you!']);
    expect(text).toContain('#1 (');
    expect(text).toContain(', done)');
    expect(text).toContain('Note: Two more departures from January');
    expect(text).toContain('Thank you! Your answer about #1 has been sent to the project group.');
    const answer = (await store.outbox.list(['pending'], 10)).find((m) => m.payload.type === 'answer');
    expect(answer).toMatchObject({ platform: 'slack', recipient: { kind: 'user', userId: 'M1' }, payload: { text: 'Thank you!' } });
  });

  it('refuses a non-member in their language, and says who the project group is', async () => {
    const { core } = testCore();
    const me = actor('ola', { platform: 'console', workspaceId: 'local', locale: 'en' });
    await core.submitSuggestion(actor('U2'), { text: 'x', publishable: true });
    const text = await chat(core, me, ['/review', '/approve 1', '/contact']);
    expect(text).toContain('You are not allowed to do this.');
    expect(text).toContain('The project group has not given its names yet.');
    expect((await core.exportPublished()).suggestions).toEqual([]);
  });
});
