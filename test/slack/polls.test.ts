import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../helpers/core.ts';
import { slackHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

/** Creates a poll with /poll and waits for its message; returns the poll id and the message. */
async function createPoll(text = '"Hvilken dag passer?" "Tirsdag" "Torsdag"', user = 'U1') {
  const res = await h.command(text, { command: '/poll', user });
  expect(res.status).toBe(200);
  await h.adapter.idle();
  const post = h.api.callsTo('chat.postMessage').at(-1)!;
  const vote = post.args.blocks.flatMap((b: { accessory?: { action_id: string; value: string } }) => (b.accessory ? [b.accessory] : []));
  return { pollId: Number(vote[0].value.split(':')[0]), post, vote };
}

const countsIn = (blocks: { text?: { text: string } }[]) =>
  blocks.flatMap((b) => (b.text ? [...b.text.text.matchAll(/` (\d+) stemmer? \(/g)].map((m) => Number(m[1])) : []));

describe('/poll', () => {
  it('posts the poll with one button per option and a close button', async () => {
    const { post, vote } = await createPoll();
    expect(post.args.channel).toBe('C1');
    expect(vote.map((v: { action_id: string }) => v.action_id)).toEqual(['innspill_vote_0', 'innspill_vote_1']);
    const admin = post.args.blocks.find((b: { type: string }) => b.type === 'actions');
    expect(admin.elements.map((e: { action_id: string }) => e.action_id)).toEqual(['innspill_poll_close']);
    expect(post.args.blocks.length).toBeLessThanOrEqual(50);
  });

  it('explains syntax errors to the creator alone and creates nothing', async () => {
    const res = await h.command('"Bare spørsmål?" "Ett svar"', { command: '/poll' });
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text).toContain('minst 2');
    await h.adapter.idle();
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('opens a form without text, and the form creates and posts the poll', async () => {
    await h.command('', { command: '/poll', channel: 'C7' });
    await h.adapter.idle();
    const view = h.api.callsTo('views.open')[0]!.args.view;
    expect(view.callback_id).toBe('innspill_poll');
    const res = await h.submit('innspill_poll', {
      question: { type: 'plain_text_input', value: 'Kaffe eller te?' },
      options: { type: 'plain_text_input', value: 'Kaffe\nTe\n\n' },
      settings: { type: 'checkboxes', selected_options: [{ value: 'multiple' }] },
      closes: { type: 'datetimepicker', selected_date_time: null },
    }, { privateMetadata: view.private_metadata });
    expect(res.json.response_action).toBe('update');
    await h.adapter.idle();
    const post = h.api.callsTo('chat.postMessage')[0]!;
    expect(post.args.channel).toBe('C7');
    expect(JSON.stringify(post.args.blocks)).toContain('Du kan velge flere svar');
  });

  it('shows form errors under the field', async () => {
    const res = await h.submit('innspill_poll', {
      question: { type: 'plain_text_input', value: 'Kaffe?' },
      options: { type: 'plain_text_input', value: 'Kaffe' },
    });
    expect(res.json).toMatchObject({ response_action: 'errors', errors: { options: expect.stringContaining('minst 2') } });
    const past = await h.submit('innspill_poll', {
      question: { type: 'plain_text_input', value: 'Kaffe?' },
      options: { type: 'plain_text_input', value: 'Ja\nNei' },
      closes: { type: 'datetimepicker', selected_date_time: Math.floor(h.clock().getTime() / 1000) - 60 },
    });
    expect(past.json).toMatchObject({ response_action: 'errors', errors: { closes: expect.any(String) } });
  });

  it('asks to be invited when it may not post in the channel', async () => {
    h.api.answer('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    await h.command('"Q?" "A" "B"', { command: '/poll' });
    await h.adapter.idle();
    const [answer] = h.api.callsTo('response_url');
    expect(answer!.args).toMatchObject({ response_type: 'ephemeral' });
    expect(answer!.args.text).toContain('/invite @Innspill');
  });
});

describe('votes', () => {
  it('are committed before the ack, confirmed to the voter alone, and shown on the message', async () => {
    const { pollId, post } = await createPoll();
    h.api.reset();
    expect((await h.click('innspill_vote_1', `${pollId}:1`, { user: 'U2' })).status).toBe(200);
    expect(await h.core.myChoices(actor('U2'), pollId)).toEqual([1]);
    await h.adapter.idle();
    const [confirmation] = h.api.callsTo('response_url');
    expect(confirmation!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(confirmation!.args.text).toContain('Torsdag');
    const [update] = h.api.callsTo('chat.update');
    expect(update!.args).toMatchObject({ channel: 'C1', ts: post.args.ts ?? expect.any(String) });
    expect(countsIn(update!.args.blocks)).toEqual([0, 1]);
    // One vote is "1 stemme", and its share is of the people who voted.
    expect(JSON.stringify(update!.args.blocks)).toContain('1 stemme (100 %)');
  });

  it('moves with a click on another option, and a double click counts once', async () => {
    const { pollId } = await createPoll();
    await h.click('innspill_vote_0', `${pollId}:0`, { user: 'U2' });
    await h.click('innspill_vote_0', `${pollId}:0`, { user: 'U2' });
    await h.click('innspill_vote_1', `${pollId}:1`, { user: 'U2' });
    expect(await h.core.myChoices(actor('U2'), pollId)).toEqual([1]);
    expect((await h.core.viewPoll(pollId)).tally!.counts).toEqual([0, 1]);
  });

  it('from many users at once become a few updates, the last with the final counts', async () => {
    await h.close();
    h = await slackHarness({ pollUpdateDelayMs: 250 });
    const { pollId } = await createPoll('"Lunsj?" "Pizza" "Suppe" "Salat"');
    h.api.reset();
    const users = Array.from({ length: 120 }, (_, i) => `UV${i}`);
    const results = await Promise.all(users.map((u, i) => h.click(`innspill_vote_${i % 3}`, `${pollId}:${i % 3}`, { user: u })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    // Some change their minds while the burst goes on.
    await Promise.all(users.slice(0, 30).map((u) => h.click('innspill_vote_2', `${pollId}:2`, { user: u })));
    await h.adapter.idle();
    const updates = h.api.callsTo('chat.update');
    expect(updates.length).toBeGreaterThan(0);
    // At most one update per 250 ms however long the burst takes: far fewer than the 150 clicks.
    expect(updates.length).toBeLessThan(30);
    expect(countsIn(updates.at(-1)!.args.blocks)).toEqual([30, 30, 60]);
    expect(h.api.callsTo('response_url')).toHaveLength(150);
  });

  it('wait out a 429 on chat.update and still end on the final counts', async () => {
    const { pollId } = await createPoll();
    let limited = false;
    h.api.answer('chat.update', () => {
      if (limited) return undefined;
      limited = true;
      return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    });
    await h.click('innspill_vote_0', `${pollId}:0`, { user: 'U2' });
    await h.click('innspill_vote_1', `${pollId}:1`, { user: 'U3' });
    await h.adapter.idle();
    const updates = h.api.callsTo('chat.update');
    expect(updates.length).toBe(2);
    expect(updates[1]!.at - updates[0]!.at).toBeGreaterThanOrEqual(900);
    expect(countsIn(updates[1]!.args.blocks)).toEqual([1, 1]);
  });

  it('are refused politely once the poll is closed; only the creator or a member may close and reopen', async () => {
    const { pollId } = await createPoll();
    await h.click('innspill_poll_close', String(pollId), { user: 'U2' });
    await h.adapter.idle();
    expect(h.api.callsTo('response_url').at(-1)!.args.text).toContain('ikke lov');
    expect((await h.core.viewPoll(pollId)).open).toBe(true);

    await h.click('innspill_poll_close', String(pollId), { user: 'U1' });
    await h.adapter.idle();
    const closed = h.api.callsTo('chat.update').at(-1)!.args.blocks;
    expect(JSON.stringify(closed)).toContain('innspill_poll_reopen');
    expect(JSON.stringify(closed)).not.toContain('innspill_vote_');

    await h.click('innspill_vote_0', `${pollId}:0`, { user: 'U3' });
    await h.adapter.idle();
    expect(h.api.callsTo('response_url').at(-1)!.args.text).toContain('stengt');
    expect((await h.core.viewPoll(pollId)).voters).toBe(0);

    await h.click('innspill_poll_reopen', String(pollId), { user: 'U1' });
    await h.adapter.idle();
    expect((await h.core.viewPoll(pollId)).open).toBe(true);
  });

  it('hide counts until closing when asked to', async () => {
    const { pollId, post } = await createPoll('"Hemmelig?" "Ja" "Nei" --skjult');
    expect(JSON.stringify(post.args.blocks)).toContain('Resultatene vises når');
    await h.click('innspill_vote_0', `${pollId}:0`, { user: 'U2' });
    await h.adapter.idle();
    expect(countsIn(h.api.callsTo('chat.update').at(-1)!.args.blocks)).toEqual([]);
  });

  it('ignore a button whose value cannot be read, and a poll of another workspace', async () => {
    const { pollId } = await createPoll();
    expect((await h.click('innspill_vote_0', 'garbage', { user: 'U2' })).status).toBe(200);
    await h.click('innspill_vote_0', `${pollId}:0`, { user: 'U2', team: 'T2' });
    await h.adapter.idle();
    expect((await h.core.viewPoll(pollId)).voters).toBe(0);
    expect(h.api.callsTo('response_url').at(-1)!.args.text).toContain('annet arbeidsområde');
  });

  it('escape the question and options on the poll message', async () => {
    const { post } = await createPoll('"Hei <!channel>?" "<@U1>" "<https://x.example|klikk>"');
    const text = JSON.stringify(post.args.blocks);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;@U1&gt;');
    expect(text).toContain('&lt;https://x.example|klikk&gt;');
    expect(post.args.text).not.toContain('<!channel>');
  });
});

describe('poll copies', () => {
  it('stop calling a workspace that answered 429 until Retry-After, then update every copy', async () => {
    const { pollId } = await createPoll();
    for (const channel of ['D1', 'D2', 'D3']) await h.adapter.sender.deliver({ id: 1, platform: 'slack', workspaceId: 'T1', recipient: { kind: 'channel', channelId: channel }, payload: { type: 'poll', pollId }, attempt: 1 });
    h.api.reset();
    let first = true;
    h.api.answer('chat.update', () => {
      if (!first) return undefined;
      first = false;
      return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    });
    await h.click('innspill_vote_0', `${pollId}:0`, { user: 'U2' });
    await h.adapter.idle();
    const updates = h.api.callsTo('chat.update');
    // One refused call, then one round over all four copies after the wait.
    expect(updates).toHaveLength(5);
    expect(new Set(updates.slice(1).map((u) => u.args.channel))).toEqual(new Set(['C1', 'D1', 'D2', 'D3']));
  });
});

describe('closing time', () => {
  it('updates the poll message when its closing time comes, without a click', async () => {
    await h.command('', { command: '/poll' });
    await h.adapter.idle();
    const view = h.api.callsTo('views.open')[0]!.args.view;
    const closesAt = Math.floor(h.clock().getTime() / 1000) + 1;
    await h.submit('innspill_poll', {
      question: { type: 'plain_text_input', value: 'Rask?' },
      options: { type: 'plain_text_input', value: 'Ja\nNei' },
      closes: { type: 'datetimepicker', selected_date_time: closesAt },
    }, { privateMetadata: view.private_metadata });
    await h.adapter.idle();
    expect(JSON.stringify(h.api.callsTo('chat.postMessage')[0]!.args.blocks)).toContain('innspill_vote_0');
    expect(h.api.callsTo('chat.update')).toEqual([]);
    h.clock.advance(2000);
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'chat.update'), 4000);
    const blocks = JSON.stringify(h.api.callsTo('chat.update')[0]!.args.blocks);
    expect(blocks).not.toContain('innspill_vote_0');
    expect(blocks).toContain('Stengt');
  });
});
