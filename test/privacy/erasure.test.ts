import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { actor, testCore } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';

/** testCore's key, written as the key file, so the CLI finds the same pseudonyms. */
const KEY = Buffer.alloc(32, 7).toString('base64');
/** Spawned processes on a busy shared machine: room to finish, nothing measured. */
const SPAWNED = { timeout: 180_000 };

describe('erasure', () => {
  const tmp = useTmpDir();

  it('innspill forget --yes removes every row about a person and their text from the file’s bytes', SPAWNED, async () => {
    const dir = tmp();
    const path = join(dir, 'innspill.db');
    writeFileSync(`${path}.key`, `${KEY}\n`, { mode: 0o600 });
    const { core, store, clock } = testCore({ path });
    const person = actor('UERASE9');
    const other = actor('UKEEP1');
    const member = actor('UBOARD');
    await core.members.add(member.id, clock());
    await core.saveProfile(person, { companyName: 'Zyxwv Bakeri AS', area: 'askim' });
    await core.submitSuggestion(person, { text: 'Alphanamed idea about roads' });
    const { suggestion: secret } = await core.submitSuggestion(person, { text: 'Bravoanon idea about taxes', anonymous: true });
    await core.submitSuggestion(other, { text: 'Charlie kept idea' });
    const closed = await core.createPollFromText(member, '"Closed?" "Ja" "Nei" --anonym', { channelId: 'C1' });
    const open = await core.createPollFromText(member, '"Open?" "Ja" "Nei"', { channelId: 'C1' });
    if (!closed.ok || !open.ok) throw new Error('poll');
    for (const p of [closed.poll.id, open.poll.id]) {
      await core.vote(person, p, 0);
      await core.vote(other, p, 1);
    }
    await core.closePoll(member, closed.poll.id);
    await core.replyToSender(member, secret.id, 'Deltareply to the sender');
    clock.advance(60_000);
    await core.runDigest({ slot: clock(), manual: true });
    await store.platformState.put('slack.dm_channel', 'T1:UERASE9', 'DPERSON7', clock());
    await store.platformState.put('slack.dm_channel', 'T1:UKEEP1', 'DKEEP1', clock());
    // A poll to everyone queues a message to the person too.
    await core.createPollFromText(member, '"Alle?" "Ja" "Nei" --alle', { channelId: 'C1' });
    const digestBefore = JSON.stringify(await core.outbox.list(['pending'], 100));
    expect(digestBefore).toContain('Alphanamed');
    store.close();

    const env = { DATABASE_PATH: path };
    // Not at a terminal and no --yes: it says what would go, removes nothing, and exits 2.
    const asked = await runCli(['forget', person.id], { env });
    expect(asked.code).toBe(2);
    expect(asked.stdout).toContain('suggestions: 2 (1 anonymous)');
    expect(asked.stdout).toContain('votes: 2');
    expect(asked.stderr).toContain('--yes');

    const shown = await runCli(['participant', 'show', person.id], { env });
    expect(shown.code).toBe(0);
    const held = JSON.parse(shown.stdout) as { participant: { profile: { companyName: string } }; suggestions: { text: string; anonymous: boolean }[]; votes: unknown[] };
    expect(held.participant.profile.companyName).toBe('Zyxwv Bakeri AS');
    expect(held.suggestions.map((s) => [s.text, s.anonymous])).toEqual([
      ['Alphanamed idea about roads', false],
      ['Bravoanon idea about taxes', true],
    ]);
    expect(held.votes).toHaveLength(2);

    const erased = await runCli(['forget', person.id, '--yes'], { env });
    expect(erased.stderr).toBe('');
    expect(erased.code).toBe(0);
    expect(erased.stdout).toContain('erased slack:T1:UERASE9: participant removed, 2 suggestions, 2 votes');

    const marks = ['UERASE9', 'Zyxwv', 'Alphanamed', 'Bravoanon', 'Deltareply', 'DPERSON7'];
    const db = new Database(path, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const dump = JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM "${t}"`).all()));
    for (const mark of marks) expect(dump).not.toContain(mark);
    expect(dump).toContain('Charlie kept idea');
    expect(dump).toContain('DKEEP1');
    // The closed poll keeps its result; the open one gives the vote back.
    const tally = (id: number) => db.prepare('SELECT option, votes FROM poll_tallies WHERE poll_id = ? ORDER BY option').all(id);
    expect(tally(closed.poll.id)).toEqual([{ option: 0, votes: 1 }, { option: 1, votes: 1 }]);
    expect(tally(open.poll.id)).toEqual([{ option: 0, votes: 0 }, { option: 1, votes: 1 }]);
    expect(db.prepare('SELECT count(*) AS n FROM votes').get()).toEqual({ n: 2 });
    db.close();

    // The digest still goes to the member, without the person's suggestions.
    const { store: after, core: afterCore } = testCore({ path });
    const pending = JSON.stringify(await afterCore.outbox.list(['pending'], 100));
    expect(pending).toContain('Charlie kept idea');
    after.close();

    // Nor are they left in the file's free pages or its WAL after a clean stop.
    const bytes = Buffer.concat([path, `${path}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
    for (const mark of marks) expect(bytes.includes(Buffer.from(mark))).toBe(false);
    expect(bytes.includes(Buffer.from('Charlie kept idea'))).toBe(true);
  });

  it('innspill maintenance applies the retention rules once', SPAWNED, async () => {
    const result = await runCli(['maintenance'], { env: { DATABASE_PATH: join(tmp(), 'innspill.db') } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('removed 0 old outbox messages, 0 delivery records and 0 digest-part records; 0 sealed senders past the reply window\n');
  });

  it('"delete my data" in chat removes the participant row and the person’s records too', async () => {
    const { core, store } = testCore();
    const person = actor('U1');
    await core.saveProfile(person, { companyName: 'Firma AS' });
    await core.submitSuggestion(person, { text: 'x', anonymous: true });
    expect(await core.forgetMe(person)).toMatchObject({ participant: true, suggestions: 1 });
    expect(await store.participants.get(person.id)).toBeNull();
    expect(await core.mine(person)).toEqual({ suggestions: [], votes: [] });
  });
});
