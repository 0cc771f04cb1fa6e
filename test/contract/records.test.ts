import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { DAY, now, later, suggestionInput } from './fixtures.ts';

contract('delivery records', (fresh) => {
  it('lets one of two connections have a delivery, and refuses the replay for a week', async () => {
    const db = fresh();
    const [a, b] = [await db.open(), await db.open()];
    const firsts = await Promise.all([a.events.firstDelivery('slack', 'Ev1', now), b.events.firstDelivery('slack', 'Ev1', now)]);
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(await a.events.firstDelivery('slack', 'Ev1', later(6 * DAY))).toBe(false);
    expect(await a.events.firstDelivery('teams', 'Ev1', now)).toBe(true);
  });

  it('forgets deliveries older than a week, so the records do not pile up', async () => {
    const db = fresh();
    const store = await db.open();
    expect(await store.events.firstDelivery('slack', 'EvOld', now)).toBe(true);
    expect(await store.events.firstDelivery('teams', 'a1', later(8 * DAY))).toBe(true);
    expect(await db.sql('SELECT source, key FROM processed_events ORDER BY seen_at')).toEqual([{ source: 'teams', key: 'a1' }]);
  });

  it('stores a replayed suggestion once (its delivery id is a unique key), from either connection', async () => {
    const db = fresh();
    const [a, b] = [await db.open(), await db.open()];
    const results = await Promise.all([a.suggestions.add(suggestionInput(1, { dedupeKey: 'Ev9' })), b.suggestions.add(suggestionInput(1, { dedupeKey: 'Ev9' }))]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(results[0]!.suggestion.id).toBe(results[1]!.suggestion.id);
    expect(await a.suggestions.listBySenders(['n1'], 10)).toHaveLength(1);
  });
});

contract('platform records', (fresh) => {
  it('keeps records by namespace and prefix, wildcards taken literally, in byte order', async () => {
    const store = await fresh().open();
    await store.platformState.put('slack.poll_post', '1:C2:100.2', { ts: '100.2' }, now);
    await store.platformState.put('slack.poll_post', '1:C1:100.1', { ts: '100.1' }, now);
    await store.platformState.put('slack.poll_post', '1:a', { ts: 'a' }, now);
    await store.platformState.put('slack.poll_post', '10:C1:1', { ts: '1' }, now);
    await store.platformState.put('teams.conversation', '1:x', { id: 'x' }, now);
    expect((await store.platformState.list('slack.poll_post', '1:')).map((r) => r.key)).toEqual(['1:C1:100.1', '1:C2:100.2', '1:a']);
    expect(await store.platformState.get('teams.conversation', '1:x')).toEqual({ id: 'x' });
    await store.platformState.put('teams.conversation', '1:x', { id: 'y' }, now);
    expect(await store.platformState.get('teams.conversation', '1:x')).toEqual({ id: 'y' });
    expect(await store.platformState.deletePrefix('slack.poll_post', '1:')).toBe(3);
    expect(await store.platformState.list('slack.poll_post', '')).toHaveLength(1);
    expect(await store.platformState.list('slack.poll_post', '%')).toHaveLength(0);
    expect(await store.platformState.delete('teams.conversation', '1:x')).toBe(true);
    expect(await store.platformState.get('teams.conversation', '1:x')).toBeNull();
  });
});

contract('participants and members', (fresh) => {
  it('keeps seen-times by the day, a profile, and segment groups', async () => {
    const store = await fresh().open();
    const p = await store.participants.touch({ id: 'slack:T1:U1', platform: 'slack', workspaceId: 'T1', userId: 'U1', locale: 'nb', now });
    expect(p.firstSeen).toEqual(new Date('2026-11-23T00:00:00Z'));
    await store.participants.saveProfile('slack:T1:U1', { companyName: 'Bakeriet', area: 'sentrum' as never }, now);
    await store.participants.touch({ id: 'teams:X:U2', platform: 'teams', workspaceId: 'X', userId: 'U2', locale: 'en', now });
    expect((await store.participants.get('slack:T1:U1'))?.profile).toEqual({ companyName: 'Bakeriet', area: 'sentrum' });
    expect((await store.participants.list('teams')).map((x) => x.id)).toEqual(['teams:X:U2']);
    expect((await store.participants.list()).map((x) => x.id)).toEqual(['slack:T1:U1', 'teams:X:U2']);
    expect(await store.participants.segmentGroups()).toEqual(
      expect.arrayContaining([
        { area: 'sentrum', industry: null, sizeBand: null, count: 1 },
        { area: null, industry: null, sizeBand: null, count: 1 },
      ]),
    );
  });

  it('hands back the participant as stored, new or known, and moves last seen only when not quiet', async () => {
    const store = await fresh().open();
    const who = { id: 'slack:T1:U1', platform: 'slack', workspaceId: 'T1', userId: 'U1', locale: 'nb' };
    const created = await store.participants.touch({ ...who, now });
    expect(created).toEqual(await store.participants.get(who.id));
    expect(created).toMatchObject({ profile: null, lastSeen: new Date('2026-11-23T00:00:00Z') });
    await store.participants.saveProfile(who.id, { area: 'sentrum' as never }, now);
    const quietly = await store.participants.touch({ ...who, locale: 'en', now: new Date(now.getTime() + DAY), quiet: true });
    expect(quietly).toMatchObject({ locale: 'en', profile: { area: 'sentrum' }, firstSeen: created.firstSeen, lastSeen: created.lastSeen });
    const seen = await store.participants.touch({ ...who, now: new Date(now.getTime() + 2 * DAY) });
    expect(seen).toMatchObject({ locale: 'nb', profile: { area: 'sentrum' }, firstSeen: created.firstSeen, lastSeen: new Date('2026-11-25T00:00:00Z') });
    expect(seen).toEqual(await store.participants.get(who.id));
  });

  it('adds and removes members once', async () => {
    const store = await fresh().open();
    expect(await store.members.add('slack:T1:U1', now)).toBe(true);
    expect(await store.members.add('slack:T1:U1', now)).toBe(false);
    expect(await store.members.isMember('slack:T1:U1')).toBe(true);
    expect(await store.members.list()).toEqual(['slack:T1:U1']);
    expect(await store.members.remove('slack:T1:U1')).toBe(true);
    expect(await store.members.isMember('slack:T1:U1')).toBe(false);
  });
});
