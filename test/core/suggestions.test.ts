import { describe, expect, it } from 'vitest';
import { actor, testCore } from '../helpers/core.ts';

describe('suggestions', () => {
  it('stores trimmed text with the sender segment at that time', async () => {
    const { core } = testCore();
    const me = actor('U1');
    await core.saveProfile(me, { companyName: 'Bakeriet AS', area: 'askim', industry: 'retail', sizeBand: '2-9' });
    const { suggestion } = await core.submitSuggestion(me, { text: '  Flere parkeringsplasser  ', topic: 'place' });
    expect(suggestion).toMatchObject({ text: 'Flere parkeringsplasser', topic: 'place', companyName: 'Bakeriet AS', senderId: me.id, status: 'new' });
    expect(suggestion.segment).toEqual({ area: 'askim', industry: 'retail', sizeBand: '2-9' });
    await core.saveProfile(me, { area: 'eidsberg' });
    expect((await core.mine(me)).suggestions[0]!.segment.area).toBe('askim');
  });

  it('keeps no readable identity for anonymous suggestions, yet shows them to their sender', async () => {
    const { core, store } = testCore();
    const me = actor('U1ANONYMOUS0SENDER');
    await core.saveProfile(me, { companyName: 'Bakeriet AS' });
    const { suggestion } = await core.submitSuggestion(me, { text: 'Hemmelig', anonymous: true });
    expect(suggestion).toMatchObject({ senderId: null, companyName: null, anonymous: true });
    const row = (store as unknown as { db: import('better-sqlite3').Database }).db.prepare('SELECT * FROM suggestions').get() as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain('U1ANONYMOUS0SENDER');
    expect(JSON.stringify(row)).not.toContain('Bakeriet');
    expect((await core.mine(me)).suggestions.map((s) => s.id)).toEqual([suggestion.id]);
    expect((await core.mine(actor('U2'))).suggestions).toEqual([]);
  });

  it('validates text: empty, too long, counted in characters', async () => {
    const { core } = testCore();
    await expect(core.submitSuggestion(actor(), { text: '   ' })).rejects.toMatchObject({ code: 'suggestion_empty' });
    await expect(core.submitSuggestion(actor(), { text: 'x'.repeat(3001) })).rejects.toMatchObject({ code: 'suggestion_too_long', params: { max: 3000, length: 3001 } });
    await expect(core.submitSuggestion(actor(), { text: '😀'.repeat(3000) })).resolves.toMatchObject({ duplicate: false });
    await expect(core.submitSuggestion(actor(), { text: 'ok', topic: 'weather' })).rejects.toMatchObject({ code: 'unknown_topic' });
  });

  it('stores a redelivered message once', async () => {
    const { core } = testCore();
    const a = await core.submitSuggestion(actor(), { text: 'Hei' }, { dedupeKey: 'Ev123' });
    const b = await core.submitSuggestion(actor(), { text: 'Hei' }, { dedupeKey: 'Ev123' });
    expect(b).toEqual({ suggestion: a.suggestion, duplicate: true });
    expect((await core.mine(actor())).suggestions).toHaveLength(1);
  });

  it('deletes all of a person’s data and nobody else’s', async () => {
    const { core } = testCore();
    const me = actor('U1');
    const other = actor('U2');
    await core.saveProfile(me, { area: 'askim' });
    await core.submitSuggestion(me, { text: 'one' });
    await core.submitSuggestion(me, { text: 'two', anonymous: true });
    await core.submitSuggestion(other, { text: 'theirs' });
    const poll = await core.createPollFromText(other, '"Q?" "A" "B"', { channelId: 'C' });
    if (!poll.ok) throw new Error('poll');
    await core.vote(me, poll.poll.id, 0);
    await core.vote(other, poll.poll.id, 1);
    expect(await core.forgetMe(me)).toMatchObject({ participant: true, suggestions: 2, votes: 1 });
    expect(await core.mine(me)).toEqual({ suggestions: [], votes: [] });
    expect(await core.getProfile(me)).toBeNull();
    expect((await core.mine(other)).suggestions).toHaveLength(1);
    expect((await core.viewPoll(poll.poll.id)).tally?.counts).toEqual([0, 1]);
  });

  it('validates profiles', async () => {
    const { core } = testCore();
    await expect(core.saveProfile(actor(), { area: 'oslo' })).rejects.toMatchObject({ code: 'profile_invalid', params: { field: 'area' } });
  });

  it('lets members hide a suggestion and nobody else', async () => {
    const { core } = testCore();
    const { suggestion } = await core.submitSuggestion(actor('U1'), { text: 'spam' });
    await expect(core.hide(actor('U1'), suggestion.id)).rejects.toMatchObject({ code: 'not_allowed' });
    const member = actor('M1');
    await core.members.add(member.id, new Date());
    await expect(core.hide(member, suggestion.id)).resolves.toMatchObject({ status: 'hidden' });
  });
});
