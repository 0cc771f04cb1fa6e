import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor as coreActor } from '../helpers/core.ts';
import { catalog } from '../../src/i18n/index.ts';
import { actions, invokeCard, nodes, texts, type Card } from './card-reading.ts';
import { activity, execute, message, startTeams, submit, type TeamsHarness } from './harness.ts';

const kari = { aad: 'aad-kari' };
/** The buttons on a card (its refresh action is not one). */
const buttons = (card: Card) => actions(card).map((a) => a.verb).filter((verb) => verb !== 'poll.refresh');
const ola = { aad: 'aad-ola' };
const john = { aad: 'aad-john', locale: 'en-GB' };
const kariId = { platform: 'teams' as const, workspaceId: 'tenant-1', userId: 'aad-kari', id: 'teams:tenant-1:aad-kari', locale: 'nb' as const };

describe('Teams Adaptive Card forms', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeams();
  });
  afterEach(async () => {
    await h.close();
  });

  it('shows a suggestion form error on the card, keeping what was typed, then stores it', async () => {
    const empty = invokeCard(await h.post(execute(h.connector, kari, 'suggestion.submit', { topic: 'growth', text: '   ', anonymous: 'true', publishable: 'false' })));
    expect(texts(empty).join('\n')).toContain('Innspillet er tomt');
    const inputs = Object.fromEntries((empty.body as Card[]).filter((e) => e.id).map((e) => [e.id, e.value]));
    expect(inputs).toMatchObject({ topic: 'growth', anonymous: 'true', publishable: 'false' });

    const done = invokeCard(await h.post(execute(h.connector, kari, 'suggestion.submit', { topic: 'growth', text: 'Gründerhus i Mysen', anonymous: 'true', publishable: 'true' })));
    expect(texts(done).join('\n')).toContain('registrert anonymt med nummer #1');
    const [stored] = (await h.core.mine(kariId)).suggestions;
    expect(stored).toMatchObject({ topic: 'growth', text: 'Gründerhus i Mysen', anonymous: true, publishable: true, senderId: null });
  });

  it('refuses an unknown topic and a wrongly typed field in the user language', async () => {
    const unknown = invokeCard(await h.post(execute(h.connector, john, 'suggestion.submit', { topic: 'weather', text: 'Sun' })));
    expect(texts(unknown).join('\n')).toContain('Unknown topic “weather”');
    const typed = invokeCard(await h.post(execute(h.connector, john, 'suggestion.submit', { text: 42 })));
    expect(texts(typed).join('\n')).toContain('Your suggestion: invalid value');
  });

  it('takes the Action.Submit fallback as a message with a value and answers with a card', async () => {
    const res = await h.post(submit(h.connector, kari, 'suggestion.submit', { topic: 'place', text: 'Flere benker på torget' }));
    expect(res.status).toBe(200);
    expect(texts(h.connector.cards()[0]!).join('\n')).toContain('nummer #1');
  });

  it('saves a profile, and shows an invalid choice on the card', async () => {
    const bad = invokeCard(await h.post(execute(h.connector, kari, 'profile.save', { companyName: 'Kafé Mysen', area: 'mars' })));
    expect(texts(bad).join('\n')).toContain('area er ikke gyldig');
    const ok = invokeCard(await h.post(execute(h.connector, kari, 'profile.save', { companyName: 'Kafé Mysen', area: 'eidsberg', industry: 'hospitality', sizeBand: '2-9' })));
    expect(texts(ok).join('\n')).toContain('Område: Eidsberg');
    expect(await h.core.getProfile(kariId)).toEqual({ companyName: 'Kafé Mysen', area: 'eidsberg', industry: 'hospitality', sizeBand: '2-9' });
  });

  it('creates a poll from the form: errors stay on the form, success posts the poll card in the chat', async () => {
    const few = invokeCard(await h.post(execute(h.connector, kari, 'poll.create', { question: 'Møtedag?', options: 'Tirsdag' })));
    expect(texts(few).join('\n')).toContain('minst 2 svaralternativer');
    const timeOnly = invokeCard(await h.post(execute(h.connector, kari, 'poll.create', { question: 'Møtedag?', options: 'Tirsdag\nTorsdag', closesTime: '12:00' })));
    expect(texts(timeOnly).join('\n')).toContain('Stenger dato (valgfritt): ugyldig verdi');

    const done = invokeCard(await h.post(execute(h.connector, kari, 'poll.create', { question: 'Møtedag?', options: 'Tirsdag\r\nTorsdag\n', multiple: 'true', closesDate: '2026-12-24', closesTime: '12:00' })));
    expect(texts(done).join('\n')).toContain('Avstemning 1 er opprettet');
    const posted = h.connector.cards()[0]!;
    expect(h.connector.calls[0]!.conversationId).toBe('a:chat-aad-kari');
    expect(texts(posted)).toEqual(expect.arrayContaining(['Møtedag?', 'Tirsdag', 'Torsdag']));
    expect(texts(posted).join('\n')).toContain('Du kan velge flere svar');
    const poll = (await h.core.viewPoll(1)).poll;
    expect(poll.closesAt?.toISOString()).toBe('2026-12-24T11:00:00.000Z');
  });

  it('deletes a person’s data only after confirmation', async () => {
    await h.post(message(h.connector, kari, 'Noe jeg angrer på'));
    invokeCard(await h.post(execute(h.connector, kari, 'delete.cancel')));
    expect((await h.core.mine(kariId)).suggestions).toHaveLength(1);
    const done = invokeCard(await h.post(execute(h.connector, kari, 'delete.confirm')));
    expect(texts(done).join('\n')).toContain('Slettet: 1 innspill');
    expect((await h.core.mine(kariId)).suggestions).toHaveLength(0);
  });

  it('answers every invoke, including unknown ones and broken card data (never 501)', async () => {
    const unknownInvoke = await h.post(activity(h.connector, kari, { type: 'invoke', name: 'task/fetch', value: {} }));
    expect(unknownInvoke.status).toBe(200);
    const noAction = await h.post(activity(h.connector, kari, { type: 'invoke', name: 'adaptiveCard/action', value: {} }));
    expect(noAction.status).toBe(200);
    expect(noAction.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(String(noAction.body!.value)).toContain('utdatert');
    const badPoll = await h.post(execute(h.connector, kari, 'poll.vote', { pollId: 'x', option: 0 }));
    expect(badPoll.status).toBe(200);
    const oddVerb = await h.post(execute(h.connector, kari, 'rm -rf'));
    expect(oddVerb.body!.value).toContain('utdatert');
  });

  it('apologises, in the user language, when storage fails, and still answers the invoke', async () => {
    h.store.close();
    const invoke = await h.post(execute(h.connector, john, 'poll.refresh', { pollId: 1 }));
    expect(invoke).toMatchObject({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message' } });
    expect(invoke.body!.value).toContain('Sorry, something went wrong');
    expect((await h.post(message(h.connector, kari, 'Et innspill'))).status).toBe(200);
    expect(h.connector.texts().at(-1)).toContain('Beklager, noe gikk galt');
  });
});

describe('Teams polls with Universal Actions', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeams();
    await h.post(message(h.connector, kari, 'poll "Hvilken dag passer?" "Tirsdag" "Torsdag"'));
  });
  afterEach(async () => {
    await h.close();
  });

  const countLine = (card: Card, option: string) => {
    const all = texts(card);
    const at = all.indexOf(option);
    return all.slice(at + 1, at + 4).join(' ');
  };

  it('records a vote and returns the refreshed card with counts and the voter’s choice; a redelivery counts once', async () => {
    const click = execute(h.connector, ola, 'poll.vote', { pollId: 1, option: 1 });
    const card = invokeCard(await h.post(click));
    expect(countLine(card, 'Torsdag')).toContain('1 stemme');
    expect(countLine(card, 'Torsdag')).not.toContain('stemmer');
    expect(countLine(card, 'Torsdag')).toContain('Ditt valg');
    expect(countLine(card, 'Tirsdag')).not.toContain('Ditt valg');
    await h.post(click);
    expect((await h.core.viewPoll(1)).tally!.counts).toEqual([0, 1]);

    const moved = invokeCard(await h.post(execute(h.connector, ola, 'poll.vote', { pollId: 1, option: 0 })));
    expect(countLine(moved, 'Tirsdag')).toContain('Ditt valg');
    expect((await h.core.viewPoll(1)).tally!.counts).toEqual([1, 0]);
  });

  it('shows the viewer their own choice on refresh', async () => {
    await h.post(execute(h.connector, ola, 'poll.vote', { pollId: 1, option: 0 }));
    const olaView = invokeCard(await h.post(execute(h.connector, ola, 'poll.refresh', { pollId: 1 })));
    const kariView = invokeCard(await h.post(execute(h.connector, kari, 'poll.refresh', { pollId: 1 })));
    expect(countLine(olaView, 'Tirsdag')).toContain('Ditt valg');
    expect(countLine(kariView, 'Tirsdag')).not.toContain('Ditt valg');
    expect(kariView.refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'poll.refresh', data: { pollId: 1 } });
  });

  it('lets the creator close and reopen, refuses others, and refuses votes on a closed poll politely', async () => {
    const refused = invokeCard(await h.post(execute(h.connector, ola, 'poll.close', { pollId: 1 })));
    expect(texts(refused)[0]).toContain('ikke lov');
    const closed = invokeCard(await h.post(execute(h.connector, kari, 'poll.close', { pollId: 1 })));
    expect(texts(closed).join('\n')).toContain('Stengt');
    expect(buttons(closed)).toEqual(['poll.reopen']);

    const late = invokeCard(await h.post(execute(h.connector, ola, 'poll.vote', { pollId: 1, option: 0 })));
    expect(texts(late)[0]).toContain('Avstemningen er stengt');
    expect((await h.core.viewPoll(1)).voters).toBe(0);

    const reopened = invokeCard(await h.post(execute(h.connector, kari, 'poll.reopen', { pollId: 1 })));
    expect(texts(reopened).join('\n')).toContain('Åpen');
  });

  it('shows close only on the views of the creator and members, apart from the answers', async () => {
    // The card everyone sees has no close button; it asks Teams to refresh the creator's own view.
    const [posted] = h.connector.cards();
    expect(buttons(posted!)).toEqual(['poll.vote', 'poll.vote']);
    expect(posted!.refresh).toMatchObject({ action: { verb: 'poll.refresh' }, userIds: [`29:${kari.aad}`] });

    // Ola (neither creator nor member) never gets the button, on refresh or after voting.
    for (const card of [
      invokeCard(await h.post(execute(h.connector, ola, 'poll.refresh', { pollId: 1 }))),
      invokeCard(await h.post(execute(h.connector, ola, 'poll.vote', { pollId: 1, option: 0 }))),
    ]) {
      expect(buttons(card)).not.toContain('poll.close');
      expect(card.actions).toBeUndefined();
    }

    // The creator's own view has it, in its own part below a separator, styled as destructive.
    const mine = invokeCard(await h.post(execute(h.connector, kari, 'poll.refresh', { pollId: 1 })));
    const admin = (mine.body as Card[]).at(-1)!;
    expect(admin).toMatchObject({ type: 'Container', separator: true });
    expect(actions(admin)).toEqual([expect.objectContaining({ verb: 'poll.close', title: 'Steng' })]);
    expect(nodes(admin).find((n) => n.type === 'Action.Execute')).toMatchObject({ style: 'destructive' });
    expect(texts(admin)[0]).toBe(catalog('nb').teams.pollAdmin);

    // A member's view has it too.
    await h.core.members.add(`teams:tenant-1:${ola.aad}`, new Date());
    const member = invokeCard(await h.post(execute(h.connector, ola, 'poll.refresh', { pollId: 1 })));
    expect(buttons(member)).toContain('poll.close');
  });

  it('lets a project member close someone else’s poll, also through the Action.Submit fallback', async () => {
    await h.core.members.add('teams:tenant-1:aad-ola', new Date());
    await h.post(submit(h.connector, ola, 'poll.vote', { pollId: 1, option: 0 }));
    await h.post(submit(h.connector, ola, 'poll.close', { pollId: 1 }));
    const [, closed] = h.connector.cards().slice(-2);
    expect(texts(closed!).join('\n')).toContain('Stengt');
    expect((await h.core.viewPoll(1)).open).toBe(false);
    expect((await h.core.viewPoll(1)).tally!.counts).toEqual([1, 0]);
  });

  it('adds Teams and Slack votes on a poll sent to everyone, and keeps channel polls to their tenant', async () => {
    const member = coreActor('UMEMBER', { platform: 'slack', workspaceId: 'T1' });
    await h.core.members.add(member.id, new Date());
    const result = await h.core.createPollFromText(member, '"Felles stand på messa?" "Ja" "Nei" --alle', { channelId: 'C1' });
    expect(result.ok).toBe(true);
    const pollId = result.ok ? result.poll.id : 0;
    await h.core.vote(coreActor('U2', { platform: 'slack', workspaceId: 'T1' }), pollId, 0);
    const card = invokeCard(await h.post(execute(h.connector, ola, 'poll.vote', { pollId, option: 0 })));
    expect(countLine(card, 'Ja')).toContain('2 stemmer');
    expect(texts(card).join('\n')).toContain('Sendt til alle deltakere');

    const otherTenant = await h.post(execute(h.connector, { aad: 'aad-far', tenant: 'tenant-2' }, 'poll.vote', { pollId: 1, option: 0 }));
    expect(otherTenant.body!.value).toContain('annet arbeidsområde');
  });
});

describe('Teams escaping', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeams();
  });
  afterEach(async () => {
    await h.close();
  });

  const evil = '[Klikk her](https://evil.example) <at>Alle</at> **viktig** # Overskrift';

  it('cannot forge links, mentions or formatting in chat replies', async () => {
    await h.post(message(h.connector, kari, evil));
    await h.post(message(h.connector, kari, 'mine'));
    const text = h.connector.texts()[1]!;
    expect(text).toContain('\\[Klikk her\\](https://evil.example) &lt;at&gt;Alle&lt;/at&gt; \\*\\*viktig\\*\\*');
    expect(text).not.toMatch(/(^|[^\\])\[Klikk/);
    expect(text).not.toContain('<at>');
  });

  it('puts user text on cards only where Adaptive Cards read no Markdown', async () => {
    await h.post(message(h.connector, kari, `poll "${evil}?" "${evil}" "Nei"`));
    const card = h.connector.cards()[0]!;
    const textBlocks: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.type === 'TextBlock') textBlocks.push(String(n.text));
      Object.values(n).forEach(walk);
    };
    walk(card);
    expect(textBlocks.some((t) => t.includes('evil.example'))).toBe(false);
    expect(texts(card)).toContain(`${evil}?`);
    const profile = invokeCard(await h.post(execute(h.connector, kari, 'profile.save', { companyName: evil, area: 'mars' })));
    walk(profile);
    expect(textBlocks.some((t) => t.includes('evil.example'))).toBe(false);
  });
});
