import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import type { OutboundMessage } from '../../src/ports/delivery.ts';
import { actor, testCore } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { rekeyLegacyRecords } from '../../storage/index.ts';
import { personKeys } from '../../src/usecases/privacy.ts';
import { createIdentityVault } from '../../src/privacy/vault.ts';
import { parseParticipantId } from '../../src/domain/participant.ts';

type Row = Record<string, unknown>;

/** Every value of a row, JSON columns opened down to their leaves. */
function valuesOf(row: Row): Set<string> {
  const out = new Set<string>();
  const add = (v: unknown): void => {
    if (v === null || v === undefined) return;
    if (typeof v === 'object') return void Object.values(v as object).forEach(add);
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        return add(JSON.parse(v));
      } catch {
        // not JSON: the string itself
      }
    }
    out.add(String(v));
  };
  Object.values(row).forEach(add);
  return out;
}

const union = (rows: Row[]) => new Set(rows.flatMap((r) => [...valuesOf(r)]));

describe('anonymity in the database file', () => {
  const tmp = useTmpDir();

  it('leaves no value shared between a person’s anonymous records and their other rows', async () => {
    const path = join(tmp(), 'innspill.db');
    const { core, store, clock } = testCore({ path });
    const profile = { companyName: 'Acme Bakeri AS', area: 'askim', industry: 'retail', sizeBand: '2-9' };
    const me = actor('UPERSON');
    const others = ['UO1', 'UO2', 'UO3', 'UO4', 'UO5'].map((u) => actor(u));
    const member = actor('UBOARD');
    await core.members.add(member.id, clock());
    await core.saveProfile(me, profile);
    for (const o of others) await core.saveProfile(o, { ...profile, companyName: `Firma ${o.userId}` });

    const anonymousPoll = async (q: string) => {
      const p = await core.createPollFromText(member, `"${q}" "Ja" "Nei" --anonym`, { channelId: 'C1' });
      if (!p.ok) throw new Error('poll');
      return p.poll.id;
    };
    const pollA = await anonymousPoll('Anonym A?');
    const pollB = await anonymousPoll('Anonym B?');
    const named = await core.createPollFromText(member, '"Navngitt?" "Ja" "Nei"', { channelId: 'C1' });
    if (!named.ok) throw new Error('poll');

    // Everyone else does the same things, so values a whole group shares are told apart from links.
    for (const [i, o] of others.entries()) {
      await core.submitSuggestion(o, { text: `Navngitt fra ${o.userId}` });
      await core.submitSuggestion(o, { text: `Anonymt fra ${o.userId}`, anonymous: true });
      await core.vote(o, pollA, i % 2);
      await core.vote(o, pollB, (i + 1) % 2);
      await core.vote(o, named.poll.id, i % 2);
      clock.advance(7_000);
    }

    const { suggestion: mine } = await core.submitSuggestion(me, { text: 'Bedre parkering i Askim' });
    clock.advance(37_000);
    const { suggestion: anonymous } = await core.submitSuggestion(me, { text: 'Kommunen svarer for sent på byggesøknader', anonymous: true });
    clock.advance(61_000);
    await core.vote(me, pollA, 0, { dedupeKey: `${me.id}:1700000000.1` });
    await core.vote(me, pollB, 1);
    clock.advance(29_000);
    await core.vote(me, named.poll.id, 1);
    clock.advance(45_000);
    const { outboxId } = await core.replyToSender(member, anonymous.id, 'Takk, vi tar det opp');

    // The reply goes out through the real worker, which alone opens the sealed recipient.
    const delivered: OutboundMessage[] = [];
    const worker = createOutboxWorker({
      store: store.outbox,
      senders: [{ platform: 'slack', deliver: async (m) => (delivered.push(m), { ok: true, platformRef: 'D123:1700000001.1' }) }],
      clock,
      owner: 'test',
      log: { info: () => {}, warn: () => {} },
      openSealed: core.openRecipient,
    });
    await worker.pump();
    await worker.settled();
    expect(delivered.map((m) => m.recipient)).toEqual([{ kind: 'user', userId: 'UPERSON' }]);
    store.close();

    // A reviewer with a copy of the file and no key file.
    const db = new Database(path, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const all = new Map(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all() as Row[]]));
    db.close();
    const rows = (table: string, where: (r: Row) => boolean) => all.get(table)!.filter(where);

    const anonymousRows = [
      ...rows('suggestions', (r) => r.id === anonymous.id),
      ...rows('votes', (r) => r.poll_id === pollA || r.poll_id === pollB),
      ...rows('outbox', (r) => r.id === outboxId),
      ...rows('replies', (r) => r.suggestion_id === anonymous.id),
      ...rows('processed_events', () => true),
    ];
    // 6 people × 3 polls: nobody keeps one voter key across polls.
    expect(new Set(rows('votes', () => true).map((r) => r.voter_key)).size).toBe(18);

    const myRows = [
      ...rows('participants', (r) => r.id === me.id),
      ...rows('suggestions', (r) => r.id === mine.id),
      ...rows('votes', (r) => r.poll_id === named.poll.id),
      ...rows('activity', () => true),
    ];
    const othersRows = [
      ...rows('participants', (r) => r.id !== me.id),
      ...rows('suggestions', (r) => r.id !== mine.id && r.id !== anonymous.id),
      ...rows('votes', () => true),
      ...rows('polls', () => true),
      ...rows('members', () => true),
    ];
    // Values anyone in the group shares (area, workspace, flags, option numbers) link nobody.
    const common = union(othersRows);
    const anonymousValues = [...union(anonymousRows)].filter((v) => !common.has(v));
    const myValues = union(myRows);
    expect(anonymousValues.filter((v) => myValues.has(v))).toEqual([]);

    // And none of the person's own identifiers appears in the anonymous records at all.
    const anonymousText = JSON.stringify(anonymousRows);
    for (const id of [me.id, me.userId, 'Acme Bakeri AS', 'D123']) expect(anonymousText).not.toContain(id);
    // The sent reply keeps no recipient.
    expect(rows('outbox', (r) => r.id === outboxId)[0]).toMatchObject({ status: 'sent', recipient: '{"kind":"sealed","sealed":null}', platform_ref: null });
    // First and last seen are days, and an anonymous action does not move them.
    const [participant] = rows('participants', (r) => r.id === me.id);
    expect((participant!.last_seen as number) % 86_400_000).toBe(0);

    // With the key, the person still finds (and could delete) all of it.
    const reopened = testCore({ path, clock });
    const found = await reopened.core.mine(me);
    expect(found.suggestions.map((s) => s.id).sort()).toEqual([mine.id, anonymous.id].sort());
    expect(found.votes.map((v) => v.poll.id).sort()).toEqual([pollA, pollB, named.poll.id].sort());
    reopened.store.close();
  });

  it('moves records from before separate pseudonyms to their own, the first time the database meets its key', async () => {
    const { core, store } = testCore();
    const me = actor('UOLD');
    const vault = createIdentityVault(Buffer.alloc(32, 7));
    const { suggestion } = await core.submitSuggestion(me, { text: 'gammel anonym', anonymous: true });
    const poll = await core.createPollFromText(actor('UBOARD'), '"Q?" "A" "B" --anonym', { channelId: 'C1' });
    if (!poll.ok) throw new Error('poll');
    await core.vote(me, poll.poll.id, 1);
    // As an older version wrote them: everything under the person's one key.
    const named = vault.key(me.id);
    store.db.prepare('UPDATE suggestions SET sender_key = ? WHERE id = ?').run(named, suggestion.id);
    store.db.prepare('UPDATE votes SET voter_key = ?').run(named);
    store.db.prepare('UPDATE activity SET person_key = ? WHERE person_key = ?').run(named, vault.activityKey(me.id));

    const keysOf = (id: string) => personKeys({ vault }, parseParticipantId(id));
    expect(rekeyLegacyRecords(store.db, keysOf)).toEqual({ suggestions: 1, votes: 1, activity: 1 });
    expect(rekeyLegacyRecords(store.db, keysOf)).toEqual({ suggestions: 0, votes: 0, activity: 0 });
    const values = JSON.stringify(store.db.prepare('SELECT * FROM suggestions').all()) + JSON.stringify(store.db.prepare('SELECT * FROM votes').all());
    expect(values).not.toContain(named);
    expect((await core.mine(me)).suggestions.map((s) => s.id)).toEqual([suggestion.id]);
    expect(await core.myChoices(me, poll.poll.id)).toEqual([1]);
  });
});
