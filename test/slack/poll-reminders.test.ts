import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../helpers/core.ts';
import { slackHarness, type SlackHarness } from './harness.ts';
import { pumpOutbox } from './pump.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

const HOUR = 3_600_000;
const deliver = () => pumpOutbox(h);

describe('/poll --remind (reminders of a poll to everyone)', () => {
  it('reminds, at each time set, only those who have not voted and have not said stop, through the outbox', async () => {
    await h.core.members.add('slack:T1:U1', h.clock());
    for (const u of ['U2', 'U3', 'U4']) await h.store.participants.touch({ ...actor(u), now: h.clock() });
    const res = await h.command('"Kommer du på konferansen?" "Ja" "Nei" --alle --stenger 5d --påminn 1d --påminn 3d', { command: '/poll' });
    expect(res.status).toBe(200);
    await deliver();
    const first = h.api.callsTo('chat.postMessage').length;
    expect(first).toBeGreaterThanOrEqual(3);
    const channels = new Map(h.api.callsTo('chat.postMessage').map((c) => [c.args.channel as string, c]));

    // U2 votes; U3 turns survey and poll messages off.
    await h.core.vote(actor('U2'), 1, 0);
    await h.command('stopp', { user: 'U3' });
    h.clock.advance(24 * HOUR);
    h.api.reset();
    await deliver();
    const reminders = h.api.callsTo('chat.postMessage');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.args.blocks[0].text.text).toBe('Påminnelse: du har ikke stemt ennå.');
    expect(JSON.stringify(reminders[0]!.args.blocks)).toContain('innspill_vote_0');
    expect(channels.has(reminders[0]!.args.channel)).toBe(true);

    // U4 votes before the second reminder: nobody is left to remind.
    await h.core.vote(actor('U4'), 1, 1);
    h.clock.advance(2 * 24 * HOUR);
    h.api.reset();
    await deliver();
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    expect(await h.store.outbox.list(['pending', 'dead'], 50)).toEqual([]);
  });

  it('remind in every round of a recurring poll to everyone', async () => {
    await h.core.members.add('slack:T1:U1', h.clock());
    for (const u of ['U2', 'U3']) await h.store.participants.touch({ ...actor(u), now: h.clock() });
    await h.command('"Ukens puls?" "Bra" "Dårlig" --alle --hver "0 9 * * 1" --påminn 1d', { command: '/poll' });
    // The outbox paces posts to Slack's rate limits: a minute between pumps lets each batch out.
    const deliverAll = async () => {
      await deliver();
      h.clock.advance(60_000);
      await deliver();
    };
    await deliverAll();
    // Round 2 starts on Monday 30 November at 09:00 in Oslo; U2 votes in it, U3 does not.
    h.clock.set('2026-11-30T08:00:00Z');
    expect(await h.core.pollPlans.runDueRounds()).toHaveLength(1);
    await deliverAll();
    await h.core.vote(actor('U2'), 2, 0);
    h.clock.set('2026-12-01T08:00:00Z');
    h.api.reset();
    await deliverAll();
    const reminders = h.api.callsTo('chat.postMessage');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.args.blocks[0].text.text).toBe('Påminnelse: du har ikke stemt ennå.');
    expect(JSON.stringify(reminders[0]!.args.blocks)).toMatch(/"value":"2:0:[0-9a-f]{8}"/);
    expect(await h.store.outbox.list(['pending', 'dead'], 50)).toEqual([]);
  });

  it('refuses reminders for a channel poll, and a reminder after the poll closes', async () => {
    expect((await h.command('"Q?" "A" "B" --remind 1d', { command: '/poll' })).json.text).toContain('bare med avstemninger til alle');
    await h.core.members.add('slack:T1:U1', h.clock());
    expect((await h.command('"Q?" "A" "B" --everyone --close-in 1d --remind 2d', { command: '/poll' })).json.text).toBe(
      'En påminnelse kommer etter at avstemningen stenger. Velg en kortere tid.',
    );
  });
});
