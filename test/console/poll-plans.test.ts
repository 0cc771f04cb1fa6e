import { describe, expect, it } from 'vitest';
import { chat } from '../helpers/playground.ts';

const options = (n: number) => Array.from({ length: n }, (_, i) => `"Svar ${i + 1}"`).join(' ');

describe('polls in the console playground', () => {
  it('take up to 25 options, voted by number, and refuse a 26th', async () => {
    const { text } = await chat([`/poll "Hvilken næring?" ${options(25)}`, '/stem 25', `/poll "Q?" ${options(26)}`]);
    expect(text).toContain('Avstemning 1 er opprettet.');
    expect(text).toContain('● 25. Svar 25');
    expect(text).toContain('En avstemning kan ha høyst 25 svaralternativer (fant 26).');
  });

  it('schedule a poll with --at: it opens for votes at its time', async () => {
    const { text, core } = await chat(['/poll "Møtedag?" "Mandag" "Fredag" --at 24.11.2026 10:00', '/stem 1 1']);
    expect(text).toMatch(/Avstemning 1 er planlagt og legges ut her 24\. nov/);
    expect(text).toContain('Avstemningen er stengt, så stemmen ble ikke registrert.');
    expect((await core.viewPoll(1)).poll.startsAt?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });
});

describe('poll subcommands in the console playground', () => {
  it('edit a poll before any vote, and delete it', async () => {
    const { text } = await chat(['/poll "Q?" "A" "B"', '/poll rediger 1 "Ny?" "C" "D"', '/stem 1 1', '/poll rediger 1 "Igjen?" "E" "F"', '/poll slett 1', '/poll runder 1']);
    expect(text).toContain('Avstemning 1 er endret.');
    expect(text).toContain('● 1. C');
    expect(text).toContain('har alt fått stemmer');
    expect(text).toContain('Avstemning 1 er slettet, med stemmene.');
    expect(text).toContain('Fant ikke avstemningen');
  });
});
