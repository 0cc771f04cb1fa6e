import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actions, invokeCard, texts } from './card-reading.ts';
import { execute, message, startTeams, type TeamsHarness } from './harness.ts';

const kari = { aad: 'aad-kari' };
const ola = { aad: 'aad-ola' };

describe('editing and deleting a Teams poll', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeams();
    await h.post(message(h.connector, kari, 'poll "Møtedag?" "Mandag" "Fredag"'));
  });
  afterEach(async () => {
    await h.close();
  });

  it('edits before any vote, refuses after, and a deleted poll’s card says so on refresh', async () => {
    await h.post(message(h.connector, kari, 'poll rediger 1 "Hvilken møtedag?" "Mandag" "Onsdag"'));
    expect(h.connector.texts().at(-1)).toBe('Avstemning 1 er endret.');
    const refreshed = invokeCard(await h.post(execute(h.connector, ola, 'poll.refresh', { pollId: 1 })));
    expect(texts(refreshed)).toContain('Hvilken møtedag?');

    await h.post(execute(h.connector, ola, 'poll.vote', { pollId: 1, option: 1 }));
    await h.post(message(h.connector, kari, 'poll edit 1 "Annet?" "A" "B"'));
    expect(h.connector.texts().at(-1)).toContain('har alt fått stemmer');

    await h.post(message(h.connector, ola, 'poll slett 1'));
    expect(h.connector.texts().at(-1)).toContain('ikke lov');
    await h.post(message(h.connector, kari, 'poll slett 1'));
    expect(h.connector.texts().at(-1)).toBe('Avstemning 1 er slettet, med stemmene.');
    const gone = invokeCard(await h.post(execute(h.connector, ola, 'poll.refresh', { pollId: 1 })));
    expect(texts(gone)).toEqual(['Denne avstemningen er slettet.']);
    const late = invokeCard(await h.post(execute(h.connector, ola, 'poll.vote', { pollId: 1, option: 0 })));
    expect(texts(late)).toEqual(['Denne avstemningen er slettet.']);
    expect((await h.core.viewPoll(1)).voters).toBe(0);
  });
  it('refuses a vote from a card drawn before an edit, and answers with the card as the poll now stands', async () => {
    const posted = h.connector.calls.find((c) => c.activity.attachments?.length)!.activity.attachments![0]!.content;
    const oldFredag = actions(posted as Parameters<typeof actions>[0]).find((a) => a.verb === 'poll.vote' && a.title === 'Fredag')!.data;
    expect(oldFredag).toMatchObject({ pollId: 1, option: 1, rev: expect.stringMatching(/^[0-9a-f]{8}$/) });
    await h.post(message(h.connector, kari, 'poll rediger 1 "Møtedag?" "Mandag" "Onsdag"'));

    // The old card's second answer was Fredag; the second answer is now Onsdag.
    const refused = invokeCard(await h.post(execute(h.connector, ola, 'poll.vote', oldFredag)));
    expect(texts(refused)).toContain('Avstemningen er endret siden denne meldingen ble vist, så stemmen ble ikke registrert. Se den slik den er nå, og stem igjen.');
    expect(texts(refused)).toContain('Onsdag');
    expect((await h.core.viewPoll(1)).voters).toBe(0);

    const onsdag = actions(refused).find((a) => a.verb === 'poll.vote' && a.title === 'Onsdag')!.data;
    await h.post(execute(h.connector, ola, 'poll.vote', onsdag));
    expect((await h.core.viewPoll(1)).tally?.counts).toEqual([0, 1]);
  });
});
