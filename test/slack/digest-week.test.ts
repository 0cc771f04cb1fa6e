import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_ACTIONS, DIGEST_BUDGET, textLength } from '../../adapters/slack/render/digest.ts';
import { ACTIONS } from '../../adapters/slack/render/poll.ts';
import { serializeDigest } from '../../src/digest/serialize.ts';
import type { OutboundMessage } from '../../src/ports/delivery.ts';
import { actor } from '../helpers/core.ts';
import { seedFixtureWeek, type FixtureWeek } from '../helpers/fixture-week.ts';
import { noLiveMarkup } from './blocks.ts';
import { slackHarness, type SlackHarness } from './harness.ts';
import { clickInView } from './in-view.ts';

/** A real week's digest through the Slack adapter: the fake Web API sees what Slack would. */
let h: SlackHarness;
let week: FixtureWeek;
const MEMBER = 'U9';
beforeAll(async () => {
  h = await slackHarness();
  await h.core.members.add(`slack:T1:${MEMBER}`, h.clock());
  week = await seedFixtureWeek(h.core, h.clock, { person: (n) => actor(`UP${n}`), creator: actor(MEMBER) });
});
afterAll(async () => {
  await h.close();
});

async function deliver(locale: 'nb' | 'en', id: number) {
  h.api.reset();
  const digest = serializeDigest(await h.core.digestFor(week.period));
  const message: OutboundMessage = { id, platform: 'slack', workspaceId: 'T1', recipient: { kind: 'user', userId: MEMBER }, payload: { type: 'digest', locale, digest }, attempt: 1 };
  expect((await h.adapter.sender.deliver(message)).ok).toBe(true);
  return h.api.callsTo('chat.postMessage');
}

const elements = (blocks: any[], actionId: string) => blocks.flatMap((b) => [b.accessory, ...(b.elements ?? [])]).filter((e) => e?.action_id === actionId);

/** A choice in a "…" menu of the list modal. */
const inView = (action: Record<string, unknown>, user = MEMBER) => clickInView(h, action, { id: 'VLIST', hash: 'h1' }, user);

describe('a real week’s digest in Slack', () => {
  it('fits one message: what needs a member first, each with its button, then topics, polls and participation', async () => {
    const posts = await deliver('nb', 2001);
    expect(posts).toHaveLength(1);
    const blocks = posts[0]!.args.blocks as any[];
    expect(blocks.length).toBeLessThanOrEqual(DIGEST_BUDGET.blocks);
    expect(textLength(blocks)).toBeLessThanOrEqual(DIGEST_BUDGET.text);
    noLiveMarkup(blocks);
    const text = JSON.stringify(blocks);
    // The order of the parts, each under its own heading.
    const at = (s: string) => text.indexOf(s);
    expect(at('Trenger deg (9)')).toBeGreaterThan(0);
    expect(at('Trenger deg')).toBeLessThan(at('Tema denne uken'));
    expect(at('Tema denne uken')).toBeLessThan(at('Avstemninger'));
    expect(at('Avstemninger')).toBeLessThan(at('Deltakelse'));
    // The request to be phoned and the questions to the group, each with Reply, and nothing else has Reply.
    expect(text).toContain('Ring meg gjerne på 912 34 567');
    expect(elements(blocks, DIGEST_ACTIONS.reply).map((b) => Number(b.value))).toEqual([week.ids.callMe, week.ids.questionOrganisation, week.ids.questionFinancing, week.ids.email]);
    // The parking theme, one click from its topic; the poll closing soon, one click from closing.
    expect(text).toMatch(/lignende innspill denne uken/u);
    expect(elements(blocks, ACTIONS.close).map((b) => Number(b.value))).toEqual([week.polls.merge]);
    expect(elements(blocks, DIGEST_ACTIONS.seeAll).length).toBe(7 + 1);
    // Shares of voters, said so; counts with their noun.
    expect(text).toContain('45 % av 55 som stemte (25 stemmer)');
    expect(text).toContain('9 % av 34 som stemte (3 stemmer)');
  });

  it('says the same in English, with English plurals', async () => {
    const posts = await deliver('en', 2002);
    const text = JSON.stringify(posts[0]!.args.blocks);
    expect(text).toContain('Needs you (9)');
    expect(text).toContain('45% of 55 voters (25 votes)');
    expect(text).toContain('80 suggestions');
  });

  it('opens the compact list of a topic from "see all", and its "…" menu replies or shows the whole text', async () => {
    const [post] = await deliver('nb', 2003);
    const place = elements(post!.args.blocks, DIGEST_ACTIONS.seeAll).find((b) => JSON.parse(b.value).t === 'place' && b.text.text === 'Se alle');
    h.api.reset();
    await h.click(DIGEST_ACTIONS.seeAll, place.value, { user: MEMBER, channel: 'D9' });
    await h.adapter.idle();
    const view = h.api.callsTo('views.open')[0]!.args.view;
    const menus = elements(view.blocks, DIGEST_ACTIONS.more);
    const count = JSON.parse(place.value).n;
    expect(menus).toHaveLength(count);
    expect(elements(view.blocks, DIGEST_ACTIONS.reply)).toEqual([]);
    const email = menus.find((m) => m.options[0].value === `reply:${week.ids.email}`);
    expect(email.options.map((o: any) => o.value)).toEqual([`reply:${week.ids.email}`, `full:${week.ids.email}`]);

    h.api.reset();
    await inView({ type: 'overflow', action_id: DIGEST_ACTIONS.more, selected_option: { text: { type: 'plain_text', text: 'x' }, value: `full:${week.ids.email}` } });
    await h.adapter.idle();
    const full = h.api.callsTo('views.push')[0]!.args.view;
    expect(JSON.stringify(full)).toContain('post@glommabygg.no');
    expect(elements(full.blocks, DIGEST_ACTIONS.reply).map((b) => Number(b.value))).toEqual([week.ids.email]);

    h.api.reset();
    await inView({ type: 'overflow', action_id: DIGEST_ACTIONS.more, selected_option: { text: { type: 'plain_text', text: 'x' }, value: `reply:${week.ids.email}` } });
    await h.adapter.idle();
    const form = h.api.callsTo('views.push')[0]!.args.view;
    expect(form.callback_id).toBe('innspill_reply');
    expect(JSON.parse(form.private_metadata)).toMatchObject({ suggestionId: week.ids.email });

    // Not for someone outside the project group.
    h.api.reset();
    await inView({ type: 'overflow', action_id: DIGEST_ACTIONS.more, selected_option: { text: { type: 'plain_text', text: 'x' }, value: `full:${week.ids.email}` } }, 'UP5');
    await h.adapter.idle();
    const refused = h.api.callsTo('views.push')[0]!.args.view;
    expect(JSON.stringify(refused)).toContain('Bare medlemmer');
    expect(JSON.stringify(refused)).not.toContain('glommabygg');
  });

  it('closes the poll that closes soon with one click', async () => {
    const [post] = await deliver('nb', 2004);
    const [close] = elements(post!.args.blocks, ACTIONS.close);
    await h.click(ACTIONS.close, close.value, { user: MEMBER, channel: 'D9' });
    await h.adapter.idle();
    expect((await h.core.viewPoll(week.polls.merge)).open).toBe(false);
    const after = JSON.stringify((await deliver('nb', 2005))[0]!.args.blocks);
    expect(after).toContain('Trenger deg (8)');
  });
});
