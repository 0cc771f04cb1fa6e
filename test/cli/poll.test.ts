import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actor, testCore } from '../helpers/core.ts';
import { runCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const tmp = useTmpDir();
// Many commands in a row on a shared, busy machine: a generous limit, and no timing asserted.
const SLOW = 180_000;

/** A database with poll 1 (no votes, made by a participant who is no member) and poll 2 (one vote). */
async function seeded() {
  const env = { DATABASE_PATH: join(tmp(), 'innspill.db') };
  // Any writing command makes the database and its key file, as a real installation has them.
  expect((await runCli(['members', 'add', 'slack:T1:U9'], { env })).code).toBe(0);
  const { core, store } = testCore({ path: env.DATABASE_PATH });
  expect((await core.createPollFromText(actor('U1'), '"Kaffe?" "Ja" "Nei"', { channelId: 'C1' })).ok).toBe(true);
  expect((await core.createPollFromText(actor('U1'), '"Te?" "Ja" "Nei"', { channelId: 'C1' })).ok).toBe(true);
  await core.vote(actor('U2'), 2, 0);
  store.close();
  return env;
}

/** The poll as the store now holds it, read by a fresh core. */
async function stored(env: { DATABASE_PATH: string }, id: number) {
  const { core, store } = testCore({ path: env.DATABASE_PATH });
  try {
    return await core.viewPoll(id);
  } finally {
    store.close();
  }
}

describe('innspill poll edit', () => {
  it('changes a poll with no votes as the operator, and refuses a poll with votes, an unknown poll and too few answers, in the default language', async () => {
    const env = await seeded();
    const ok = await runCli(['poll', 'edit', '1', '--question', 'Kaffe eller te?', '--option', 'Kaffe', '--option', 'Te', '--option', 'Begge'], { env });
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, 'Avstemning 1 er endret.\n', '']);
    expect((await stored(env, 1)).poll).toMatchObject({ question: 'Kaffe eller te?', options: ['Kaffe', 'Te', 'Begge'] });

    const voted = await runCli(['poll', 'edit', '2', '--question', 'Te?', '--option', 'A', '--option', 'B'], { env });
    expect([voted.code, voted.stderr]).toEqual([1, 'innspill: Avstemningen har alt fått stemmer, så spørsmålet og svarene kan ikke endres. Du kan slette den og lage en ny.\n']);
    const missing = await runCli(['poll', 'edit', '99', '--question', 'Q?', '--option', 'A', '--option', 'B'], { env: { ...env, DEFAULT_LOCALE: 'en' } });
    expect([missing.code, missing.stderr]).toEqual([1, 'innspill: The poll was not found. It may have been deleted.\n']);
    const one = await runCli(['poll', 'edit', '1', '--question', 'Q?', '--option', 'A'], { env: { ...env, DEFAULT_LOCALE: 'en' } });
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/^innspill: A poll needs at least 2 answers \(found 1\)\./);
    // The refusals changed nothing.
    expect((await stored(env, 1)).poll.options).toEqual(['Kaffe', 'Te', 'Begge']);
    expect((await stored(env, 2)).poll).toMatchObject({ question: 'Te?', options: ['Ja', 'Nei'] });
  }, SLOW);
});

describe('innspill poll delete', () => {
  it('deletes with --yes, votes included; not at a terminal without --yes it deletes nothing and exits 2; an unknown poll exits 1', async () => {
    const env = await seeded();
    const asked = await runCli(['poll', 'delete', '2'], { env });
    expect(asked.code).toBe(2);
    expect(asked.stdout).toBe('This deletes, for good: poll 2, "Te?", with 1 voters\' votes\n');
    expect(asked.stderr).toBe('innspill: not at a terminal, so nothing was deleted; run again with --yes to delete\n');
    expect((await stored(env, 2)).poll.deletedAt).toBeNull();

    const done = await runCli(['poll', 'delete', '#2', '--yes'], { env: { ...env, DEFAULT_LOCALE: 'en' } });
    expect([done.code, done.stdout, done.stderr]).toEqual([0, 'Poll 2 is deleted, with its votes.\n', '']);
    const after = await stored(env, 2);
    expect(after.poll.deletedAt).not.toBeNull();
    expect(after.voters).toBe(0);

    const again = await runCli(['poll', 'delete', '2', '--yes'], { env });
    expect([again.code, again.stderr]).toEqual([1, 'innspill: Fant ikke avstemningen. Den kan være slettet.\n']);
    const unknown = await runCli(['poll', 'delete', '99'], { env });
    expect([unknown.code, unknown.stderr]).toEqual([1, 'innspill: Fant ikke avstemningen. Den kan være slettet.\n']);
    // Poll 1 was left alone.
    expect((await stored(env, 1)).poll.deletedAt).toBeNull();
  }, SLOW);
});
