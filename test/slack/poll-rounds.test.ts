import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPollRoundScheduler } from '../../adapters/scheduler/poll-rounds.ts';
import { actor, testCore } from '../helpers/core.ts';
import { runCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { slackHarness, type SlackHarness } from './harness.ts';
import { pumpOutbox } from './pump.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

const silent = pino({ level: 'silent' });
const deliver = () => pumpOutbox(h);

describe('/poll --every (recurring polls)', () => {
  it('posts the first round now and each later round at its time, once, through the outbox; rounds compare in chat', async () => {
    // Monday 23 November 2026, 10:00 in Oslo; the poll repeats on Mondays at 09:00.
    await h.command('"Hvordan går det?" "Bra" "Dårlig" --every "0 9 * * 1"', { command: '/poll' });
    await h.adapter.idle();
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    const first = (await h.core.viewPoll(1)).poll;
    expect(first).toMatchObject({ seriesId: 1, round: 1 });
    // A round with no closing time of its own closes when the next starts.
    expect(first.closesAt?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    await h.click('innspill_vote_0', '1:0', { user: 'U2' });

    const scheduler = createPollRoundScheduler({ core: h.core, log: silent, queued: () => undefined });
    expect(await scheduler.runDue()).toBe(0);
    h.clock.set('2026-11-30T08:00:30Z');
    // Two processes (or a restart) asking at once still start one round.
    expect((await Promise.all([scheduler.runDue(), scheduler.runDue()])).sort()).toEqual([0, 1]);
    await deliver();
    const posts = h.api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.args.channel).toBe('C1');
    expect(JSON.stringify(posts[1]!.args.blocks)).toMatch(/"value":"2:1:[0-9a-f]{8}"/);
    const second = (await h.core.viewPoll(2)).poll;
    expect(second).toMatchObject({ seriesId: 1, round: 2, question: 'Hvordan går det?', options: ['Bra', 'Dårlig'] });
    expect(second.closesAt?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect((await h.core.viewPoll(1)).open).toBe(false);
    await h.click('innspill_vote_1', '2:1', { user: 'U2' });
    await h.click('innspill_vote_1', '2:1', { user: 'U3' });

    const res = await h.command('runder 2', { command: '/poll' });
    expect(res.json.response_type).toBe('ephemeral');
    const lines = (res.json.text as string).split('\n');
    expect(lines[0]).toBe('Runde for runde: «Hvordan går det?»');
    expect(lines[1]).toMatch(/^Runde 1 \(23\. nov.*\): Bra 100 % · Dårlig 0 % – 1 stemte$/);
    expect(lines[2]).toMatch(/^Runde 2 \(30\. nov.*\): Bra 0 % · Dårlig 100 % – 2 stemte$/);
    expect((await h.command('rounds', { command: '/poll' })).json.text).toMatch(/^Bruk: \/poll runder &lt;nr&gt; · /);
  });

  it('refuses an unreadable or too frequent cron expression, in the user language', async () => {
    const bad = await h.command('"Q?" "A" "B" --every "hver mandag"', { command: '/poll' });
    expect(bad.json.text).toContain('Forstår ikke «hver mandag» som en gjentakelse');
    const often = await h.command('"Q?" "A" "B" --every "*/5 * * * *"', { command: '/poll' });
    expect(often.json.text).toBe('En gjentakende avstemning kan komme høyst én gang i timen.');
    await h.adapter.idle();
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('innspill poll rounds', () => {
  const tmp = useTmpDir();
  it('prints a recurring poll round by round, as text or JSON', async () => {
    const env = { DATABASE_PATH: join(tmp(), 'innspill.db') };
    // Any writing command makes the database and its key file, as a real installation has them.
    expect((await runCli(['members', 'add', 'slack:T1:U1'], { env })).code).toBe(0);
    const { core, store, clock } = testCore({ path: env.DATABASE_PATH });
    const created = await core.createPollFromText(actor('U1'), '"Kaffe?" "Ja" "Nei" --every "0 9 * * 1" --close-in 1d', { channelId: 'C1' });
    expect(created.ok).toBe(true);
    await core.vote(actor('U2'), 1, 0);
    clock.set('2026-11-30T08:00:00Z');
    await core.pollPlans.runDueRounds();
    await core.vote(actor('U2'), 2, 1);
    store.close();

    const text = await runCli(['poll', 'rounds', '2'], { env });
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Ja 100 % · Nei 0 % – 1 stemte');
    expect(text.stdout).toContain('Ja 0 % · Nei 100 % – 1 stemte');
    const json = JSON.parse((await runCli(['poll', 'rounds', '1', '--format', 'json'], { env })).stdout);
    expect(json).toMatchObject({ question: 'Kaffe?', rounds: [{ round: 1, poll: 1, voters: 1, counts: [1, 0] }, { round: 2, poll: 2, voters: 1, counts: [0, 1] }] });
    const none = await runCli(['poll', 'rounds', '99'], { env });
    expect(none.code).not.toBe(0);
  });
});
