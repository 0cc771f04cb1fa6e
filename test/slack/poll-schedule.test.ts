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

const deliver = () => pumpOutbox(h);

describe('/poll --at (scheduled polls)', () => {
  it('waits in the outbox until its time (DST in Europe/Oslo), is posted then, and closes --close-in after', async () => {
    // 28 March 2027 is the night clocks go forward in Norway: 03:30 is summer time, UTC+2.
    const res = await h.command('"Hvilken dag passer?" "Tirsdag" "Torsdag" --at 28.03.2027 03:30 --close-in 2d', { command: '/poll' });
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text).toMatch(/^Avstemning 1 er planlagt og legges ut her 28\. mars( 2027)?,? (kl\. )?03[:.]30\.$/);
    const poll = (await h.core.viewPoll(1)).poll;
    expect(poll.startsAt?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(poll.closesAt?.toISOString()).toBe('2027-03-30T01:30:00.000Z');
    const [queued] = await h.store.outbox.list(['pending'], 10);
    expect(queued).toMatchObject({ recipient: { kind: 'channel', channelId: 'C1' }, payload: { type: 'poll', pollId: 1 }, nextAttemptAt: poll.startsAt });

    await deliver();
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    // Not open before its time, and not listed among open polls.
    await expect(h.core.vote(actor('U2'), 1, 0)).rejects.toMatchObject({ code: 'poll_closed' });
    expect(await h.core.openPolls(actor('U2'))).toEqual([]);

    h.clock.set('2027-03-28T01:30:00Z');
    await deliver();
    const [post] = h.api.callsTo('chat.postMessage');
    expect(post!.args.channel).toBe('C1');
    expect(JSON.stringify(post!.args.blocks)).toContain('Hvilken dag passer?');
    await h.click('innspill_vote_1', '1:1', { user: 'U2' });
    expect(await h.core.myChoices(actor('U2'), 1)).toEqual([1]);
    // Delivered once: another pump sends nothing more.
    await deliver();
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('takes ISO 8601 with a zone, and refuses a past time or an unreadable one, in the user language', async () => {
    const iso = await h.command('"Q?" "A" "B" --at 2026-11-24T10:00:00Z', { command: '/poll' });
    expect(iso.json.text).toContain('planlagt');
    expect((await h.core.viewPoll(1)).poll.startsAt?.toISOString()).toBe('2026-11-24T10:00:00.000Z');

    const past = await h.command('"Q?" "A" "B" --at "01.01.2020 10:00"', { command: '/poll' });
    expect(past.json.text).toBe('Tiden 01.01.2020 10:00 har alt vært. Velg en tid fram i tid.');
    const bad = await h.command('"Q?" "A" "B" --at 2027-13-01T10:00', { command: '/poll' });
    expect(bad.json.text).toContain('Forstår ikke tiden «2027-13-01T10:00»');
    const order = await h.command('"Q?" "A" "B" --at 01.12.2026 10:00 --closes 2026-11-30', { command: '/poll' });
    expect(order.json.text).toBe('Avstemningen stenger før den legges ut. Velg en senere stengetid.');
    expect(await h.store.outbox.list(['pending'], 10)).toHaveLength(1);
  });
});
