import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../helpers/core.ts';
import { slackHarness, type SlackHarness } from './harness.ts';
import { pumpOutbox } from './pump.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
  await h.command('"Hvilken dag passer?" "Tirsdag" "Torsdag"', { command: '/poll' });
  await h.adapter.idle();
});
afterEach(async () => {
  await h.close();
});

const poll = (text: string, user = 'U1') => h.command(text, { command: '/poll', user });

describe('/poll rediger and /poll slett', () => {
  it('edits a poll with no votes, and updates its posted message', async () => {
    h.api.reset();
    const res = await poll('rediger 1 "Hvilken dag passer best?" "Mandag" "Onsdag" "Fredag"');
    expect(res.json).toMatchObject({ response_type: 'ephemeral', text: 'Avstemning 1 er endret.' });
    // The update goes through the outbox, queued with the edit.
    await pumpOutbox(h);
    const [update] = h.api.callsTo('chat.update');
    const text = JSON.stringify(update!.args.blocks);
    expect(text).toContain('Hvilken dag passer best?');
    expect(text).toMatch(/"value":"1:2:[0-9a-f]{8}"/);
    expect((await h.core.viewPoll(1)).poll.options).toEqual(['Mandag', 'Onsdag', 'Fredag']);
  });

  it('refuses a click on a copy drawn before an edit, which could name another answer now, and refreshes that copy', async () => {
    const valueOf = (blocks: unknown, option: number) => JSON.stringify(blocks).match(new RegExp(`"value":"(1:${option}:[0-9a-f]{8})"`))![1]!;
    const [posted] = h.api.callsTo('chat.postMessage');
    const oldTorsdag = valueOf(posted!.args.blocks, 1);
    expect((await poll('rediger 1 "Hvilken dag passer?" "Tirsdag" "Fredag"')).json.text).toBe('Avstemning 1 er endret.');
    h.api.reset();

    // The old copy's second button meant Torsdag; now the second answer is Fredag.
    await h.click('innspill_vote_1', oldTorsdag, { user: 'U2' });
    await h.adapter.idle();
    expect(h.api.callsTo('response_url').at(-1)!.args.text).toBe(
      'Avstemningen er endret siden denne meldingen ble vist, så stemmen ble ikke registrert. Se den slik den er nå, og stem igjen.',
    );
    expect((await h.core.viewPoll(1)).voters).toBe(0);
    const [refreshed] = h.api.callsTo('chat.update');
    expect(JSON.stringify(refreshed!.args.blocks)).toContain('Fredag');

    // A click on the copy as it now stands counts.
    await h.click('innspill_vote_1', valueOf(refreshed!.args.blocks, 1), { user: 'U2' });
    expect(await h.core.myChoices(actor('U2'), 1)).toEqual([1]);
  });

  it('refuses to edit once anyone has voted, and checks the new texts as a new poll', async () => {
    expect((await poll('edit 1 "Q?" "Bare ett"')).json.text).toContain('minst 2');
    await h.click('innspill_vote_0', '1:0', { user: 'U2' });
    const res = await poll('edit 1 "Annet spørsmål?" "A" "B"');
    expect(res.json.text).toBe('Avstemningen har alt fått stemmer, så spørsmålet og svarene kan ikke endres. Du kan slette den og lage en ny.');
    expect((await h.core.viewPoll(1)).poll.question).toBe('Hvilken dag passer?');
  });

  it('lets only the creator or a project member edit or delete', async () => {
    expect((await poll('slett 1', 'U2')).json.text).toBe('Dette har du ikke lov til. Spør prosjektgruppen om du trenger det.');
    expect((await poll('rediger 1 "X?" "A" "B"', 'U2')).json.text).toContain('ikke lov');
    expect((await poll('slett 1', 'U2')).json.text).not.toContain('slettet');
    // Another workspace cannot touch a channel poll, even a member there.
    await h.core.members.add('slack:T2:U1', h.clock());
    expect((await h.command('slett 1', { command: '/poll', team: 'T2' })).json.text).toBe('Denne avstemningen hører til et annet arbeidsområde.');
    expect((await h.core.viewPoll(1)).poll.deletedAt).toBeNull();
    await h.core.members.add('slack:T1:U3', h.clock());
    expect((await poll('slett 1', 'U3')).json.text).toBe('Avstemning 1 er slettet, med stemmene.');
  });

  it('deletes a poll with its votes; every copy of its message says so, and it takes no more votes', async () => {
    await h.click('innspill_vote_1', '1:1', { user: 'U2' });
    await h.adapter.idle();
    h.api.reset();
    expect((await poll('delete 1')).json.text).toBe('Avstemning 1 er slettet, med stemmene.');
    await pumpOutbox(h);
    const [update] = h.api.callsTo('chat.update');
    expect(update!.args.text).toBe('Denne avstemningen er slettet.');
    expect(JSON.stringify(update!.args.blocks)).not.toContain('innspill_vote');
    expect(JSON.stringify(update!.args.blocks)).not.toContain('Torsdag');
    expect(await h.core.myChoices(actor('U2'), 1)).toEqual([]);
    expect((await h.core.viewPoll(1)).poll).toMatchObject({ question: '', options: [] });
    await h.click('innspill_vote_0', '1:0', { user: 'U3' });
    expect((await h.core.viewPoll(1)).voters).toBe(0);
    expect((await poll('slett 1')).json.text).toContain('Fant ikke avstemningen');
    expect((await poll('slett')).json.text).toContain('Bruk: /poll runder');
  });
});
