import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import { startFakeSocketMode, channelClick } from '../fakes/slack-socket.ts';
import { actor } from '../helpers/core.ts';
import { slackHarness, socketAdapter, type SlackHarness } from './harness.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

type Block = { type: string; block_id?: string; accessory?: unknown; elements?: { type: string; action_id: string; options?: { text: { text: string }; value: string }[] }[] };
const options = (n: number) => Array.from({ length: n }, (_, i) => `"Svar ${i + 1}"`).join(' ');
const menuOf = (blocks: Block[]) => blocks.find((b) => b.block_id?.endsWith(':menu'))?.elements?.[0];
const pick = (pollId: number, option: number, user: string) =>
  h.click('innspill_vote_select', '', { user, action: { type: 'static_select', value: undefined, selected_option: { text: { type: 'plain_text', text: 'x' }, value: `${pollId}:${option}` } } });

describe('a poll with more than 10 options in Slack', () => {
  it('is voted with a static_select menu holding every option, within Block Kit limits', async () => {
    await h.command(`"Hvilken næring?" ${options(25)}`, { command: '/poll' });
    await h.adapter.idle();
    const post = h.api.callsTo('chat.postMessage').at(-1)!;
    const blocks = post.args.blocks as Block[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    // No buttons beside the options: the menu replaces them.
    expect(blocks.filter((b) => b.accessory)).toEqual([]);
    const menu = menuOf(blocks)!;
    expect(menu.type).toBe('static_select');
    expect(menu.options).toHaveLength(25);
    expect(menu.options!.length).toBeLessThanOrEqual(100);
    expect(menu.options![24]!.text.text).toBe('Svar 25');
    expect(menu.options!.every((o) => o.text.text.length <= 75 && o.value.length <= 75)).toBe(true);
    const pollId = Number(menu.options![0]!.value.split(':')[0]);

    h.api.reset();
    expect((await pick(pollId, 17, 'U2')).status).toBe(200);
    expect(await h.core.myChoices(actor('U2'), pollId)).toEqual([17]);
    await h.adapter.idle();
    expect(h.api.callsTo('response_url')[0]!.args.text).toContain('Svar 18');
    expect(JSON.stringify(h.api.callsTo('chat.update')[0]!.args.blocks)).toContain('1 stemme (100 %)');
    // Another choice in the menu moves the vote, as a click on another button does.
    await pick(pollId, 3, 'U2');
    expect((await h.core.viewPoll(pollId)).tally!.counts.filter((n) => n > 0)).toEqual([1]);
    expect(await h.core.myChoices(actor('U2'), pollId)).toEqual([3]);
  });

  it('keeps buttons for 10 options, and refuses an option the poll does not have', async () => {
    await h.command(`"Q?" ${options(10)}`, { command: '/poll' });
    await h.adapter.idle();
    const blocks = h.api.callsTo('chat.postMessage').at(-1)!.args.blocks as Block[];
    expect(blocks.filter((b) => b.accessory)).toHaveLength(10);
    expect(menuOf(blocks)).toBeUndefined();

    await h.command(`"Q2?" ${options(12)}`, { command: '/poll' });
    await h.adapter.idle();
    const pollId = Number(menuOf(h.api.callsTo('chat.postMessage').at(-1)!.args.blocks)!.options![0]!.value.split(':')[0]);
    h.api.reset();
    expect((await pick(pollId, 12, 'U3')).status).toBe(200);
    await h.adapter.idle();
    expect(await h.core.myChoices(actor('U3'), pollId)).toEqual([]);
    expect(h.api.callsTo('response_url')[0]!.args.text).toMatch(/finnes ikke|ikke/);
  });

  it('refuses a 26th option with a clear message and posts nothing', async () => {
    const res = await h.command(`"Q?" ${options(26)}`, { command: '/poll' });
    expect(res.json.text).toBe('En avstemning kan ha høyst 25 svaralternativer (fant 26).');
    await h.adapter.idle();
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe("a poll's menu over Socket Mode (Bolt's route, the same vote handler)", () => {
  it('records the choice in selected_option', async () => {
    const api = await startFakeSlackApi();
    const socket = await startFakeSocketMode();
    api.answer('apps.connections.open', () => ({ body: { ok: true, url: socket.url } }));
    const { core, store, adapter } = socketAdapter(api);
    try {
      await adapter.start();
      const created = await core.createPollFromText(actor('U1'), `"Næring?" ${options(15)}`, { channelId: 'C1' });
      const pollId = created.ok ? created.poll.id : 0;
      await socket.send(channelClick('e1', 't1', api.responseUrl('v'), { type: 'static_select', action_id: 'innspill_vote_select', block_id: `poll:${pollId}:menu`, selected_option: { text: { type: 'plain_text', text: 'Svar 15' }, value: `${pollId}:14` }, action_ts: '8.1' }));
      expect(await core.myChoices(actor('U2'), pollId)).toEqual([14]);
      await adapter.idle();
    } finally {
      await adapter.stop();
      await socket.close();
      await api.close();
      store.close();
    }
  });
});
