import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFrom } from '../../src/domain/participant.ts';
import { serializeDigest } from '../../src/digest/serialize.ts';
import { catalog } from '../../src/i18n/index.ts';
import type { OutboundMessage } from '../../src/ports/delivery.ts';
import { CARD_BUDGET_BYTES } from '../../adapters/teams/cards/pack.ts';
import { seedFixtureWeek, type FixtureWeek } from '../helpers/fixture-week.ts';
import { actions, invokeMessage, nodes, texts, type Card } from './card-reading.ts';
import { activity, execute, startTeams, TENANT, type Person, type TeamsHarness } from './harness.ts';

/** A real week's digest through the Teams adapter and the fake Bot Connector. */
const kari: Person = { aad: 'aad-kari', name: 'Kari Medlem' };
const idOf = (p: Person) => `teams:${TENANT}:${p.aad}` as const;
const actorOf = (aad: string) => actorFrom({ platform: 'teams', workspaceId: TENANT, userId: aad }, 'nb');

let h: TeamsHarness;
let week: FixtureWeek;
beforeAll(async () => {
  h = await startTeams();
  await h.core.members.add(idOf(kari), h.clock());
  await h.post(activity(h.connector, kari, { type: 'installationUpdate', action: 'add' }));
  week = await seedFixtureWeek(h.core, h.clock, { person: (n) => actorOf(`aad-p${n}`), creator: actorOf(kari.aad) });
});
afterAll(async () => {
  await h.close();
});

async function deliver(locale: 'nb' | 'en', id: number): Promise<{ cards: Card[]; bytes: number[] }> {
  const before = h.connector.calls.length;
  const digest = serializeDigest(await h.core.digestFor(week.period));
  const message: OutboundMessage = { id, platform: 'teams', workspaceId: TENANT, recipient: { kind: 'user', userId: idOf(kari) }, payload: { type: 'digest', locale, digest }, attempt: 1 };
  expect(await h.teams.sender.deliver(message)).toMatchObject({ ok: true });
  const calls = h.connector.calls.slice(before);
  return { cards: calls.flatMap((c) => (c.activity.attachments ?? []).map((a) => a.content as Card)), bytes: calls.map((c) => Buffer.byteLength(JSON.stringify(c.activity))) };
}

describe('a real week’s digest in Teams', () => {
  it('fits one card under 28 KB: what needs a member first, each with its button', async () => {
    const { cards, bytes } = await deliver('nb', 3001);
    expect(cards).toHaveLength(1);
    expect(bytes[0]).toBeLessThan(28_000);
    expect(Buffer.byteLength(JSON.stringify(cards[0]))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const all = texts(cards[0]!).join('\n');
    expect(all.indexOf('Trenger deg (9)')).toBeLessThan(all.indexOf('Tema denne uken'));
    expect(all.indexOf('Tema denne uken')).toBeLessThan(all.indexOf('Avstemninger'));
    expect(all).toContain('Ring meg gjerne på 912 34 567');
    const found = actions(cards[0]!);
    expect(found.filter((a) => a.verb === 'digest.reply').map((a) => a.data.suggestionId)).toEqual([week.ids.callMe, week.ids.questionOrganisation, week.ids.questionFinancing, week.ids.email]);
    expect(found.filter((a) => a.verb === 'digest.closePoll').map((a) => a.data.pollId)).toEqual([week.polls.merge]);
    expect(found.filter((a) => a.verb === 'digest.seeAll')).toHaveLength(7 + 1);
    expect(all).toContain('45 % av 55 som stemte (25 stemmer)');
    expect(all).toContain('6 % av 34 som stemte (2 stemmer)');
  });

  it('says it in English with English plurals', async () => {
    const all = texts((await deliver('en', 3002)).cards[0]!).join('\n');
    expect(all).toContain('Needs you (9)');
    expect(all).toContain('45% of 55 voters (25 votes)');
  });

  it('opens a topic’s compact list from "see all": one line each, the actions behind "…"', async () => {
    const { cards } = await deliver('nb', 3003);
    const place = actions(cards[0]!).find((a) => a.verb === 'digest.seeAll' && a.data.topic === 'place' && a.title === 'Se alle')!;
    const before = h.connector.calls.length;
    expect(invokeMessage(await h.post(execute(h.connector, kari, 'digest.seeAll', place.data)))).toBe(catalog('nb').teams.seeAllPosted);
    const list = h.connector.calls.slice(before).flatMap((c) => (c.activity.attachments ?? []).map((a) => a.content as Card));
    expect(list).toHaveLength(1);
    const menus = nodes(list[0]).filter((n) => n.type === 'Action.ShowCard') as Card[];
    const count = actions(list[0]!).filter((a) => a.verb === 'digest.reply').length;
    expect(menus).toHaveLength(count);
    expect(count).toBeGreaterThan(10);
    // Each "…" opens the reply button for its suggestion, nothing else on the line is a button.
    const email = menus.find((m) => actions(m.card).some((a) => a.data.suggestionId === week.ids.email))!;
    expect(email.title).toBe('…');
    expect(actions(email.card).map((a) => a.verb)).toEqual(['digest.reply']);
    expect(invokeMessage(await h.post(execute(h.connector, kari, 'digest.reply', { suggestionId: week.ids.email })))).toBe(catalog('nb').teams.replyFormPosted);
  });

  it('closes the poll that closes soon with one click, leaving the digest card as it is', async () => {
    const { cards } = await deliver('nb', 3004);
    const close = actions(cards[0]!).find((a) => a.verb === 'digest.closePoll')!;
    const outsider: Person = { aad: 'aad-p5' };
    expect(invokeMessage(await h.post(execute(h.connector, outsider, 'digest.closePoll', close.data)))).toMatch(/ikke lov|bare/iu);
    expect((await h.core.viewPoll(week.polls.merge)).open).toBe(true);
    expect(invokeMessage(await h.post(execute(h.connector, kari, 'digest.closePoll', close.data)))).toContain('er stengt');
    expect((await h.core.viewPoll(week.polls.merge)).open).toBe(false);
  });
});
