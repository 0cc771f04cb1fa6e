import { describe, expect, it } from 'vitest';
import { chat } from '../helpers/playground.ts';

describe('terminal playground', () => {
  it('creates a poll, votes, changes the vote and closes it', async () => {
    const { text } = await chat(['/poll "Hvilken dag?" "Tirsdag" "Torsdag"', '/stem 1', '/stem 2', '/steng', '/stem 1']);
    expect(text).toContain('Avstemning 1 er opprettet.');
    expect(text).toContain('● 2. Torsdag  ████████████ 1 stemme');
    expect(text).toContain('Avstemningen «Hvilken dag?» er stengt.');
    expect(text).toContain('Avstemningen er stengt, så stemmen ble ikke registrert.');
  });

  it('explains poll syntax errors in the user’s language', async () => {
    expect((await chat(['/poll "Q?" "A"'], { locale: 'en' })).text).toContain('A poll needs at least 2 answers (found 1).');
  });

  it('shows the digest only to members', async () => {
    expect((await chat(['/digest'])).text).toContain('Dette kan bare medlemmer av prosjektgruppen gjøre. (npx innspill members add console:local:kari)');
    expect((await chat(['Innspill', '/digest'], { member: true })).text).toContain('Innspill – ukesoppsummering');
    expect((await chat(['Innspill', '/digest'], { member: true })).text).not.toContain('## ');
  });

  it('lists and deletes own data after confirmation', async () => {
    const { text, core, me } = await chat(['Første', '/mine', '/slett', 'n', '/slett', 'j', '/mine']);
    expect(text).toContain('#1 (');
    expect(text).toContain('Ingenting ble slettet.');
    expect(text).toContain('Slettet: 1 innspill og 0 stemmer, og profilen din.');
    expect(text).toContain('Du har ikke sendt inn noe ennå.');
    expect((await core.mine(me)).suggestions).toEqual([]);
  });

  it('answers unknown commands and survives bad input', async () => {
    const { text } = await chat(['/dance', `/innspill ${'x'.repeat(3001)}`, '/stem 9', 'still here']);
    expect(text).toContain('Jeg forstår ikke «/dance»');
    expect(text).toContain('Innspillet er for langt (3001 tegn)');
    expect(text).toContain('Fant ikke avstemningen');
    expect(text).toContain('registrert med nummer #1');
  });
});
