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

const suggestions = async (user = 'U1') => (await h.core.mine(actor(user))).suggestions;

describe('direct messages', () => {
  it('store the message before the ack and confirm it in a thread', async () => {
    const res = await h.dm('Kommunen bør samle næringsarealene på ett kart', { eventId: 'Ev1' });
    expect(res.status).toBe(200);
    expect((await suggestions()).map((s) => s.text)).toEqual(['Kommunen bør samle næringsarealene på ett kart']);
    await h.adapter.idle();
    const [reply] = h.api.callsTo('chat.postMessage');
    expect(reply!.args).toMatchObject({ channel: 'D1', thread_ts: expect.stringMatching(/^1700000000/) });
    expect(reply!.args.text).toContain('#1');
    expect(reply!.token).toBe('xoxb-test');
  });

  it('are stored and confirmed once when Slack retries the same event', async () => {
    await h.dm('Én gang', { eventId: 'EvSame' });
    const retries = await Promise.all([h.dm('Én gang', { eventId: 'EvSame', retry: 1 }), h.dm('Én gang', { eventId: 'EvSame', retry: 2 })]);
    expect(retries.map((r) => r.status)).toEqual([200, 200]);
    await h.adapter.idle();
    expect(await suggestions()).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('ignore the bot’s own messages, other bots, and subtypes it does not handle', async () => {
    await h.dm('from a bot', { extra: { bot_id: 'B1' } });
    await h.dm('edited', { extra: { subtype: 'message_changed' } });
    await h.dm('joined', { extra: { subtype: 'channel_join' } });
    await h.dm('app', { extra: { app_id: 'A1', bot_id: 'BBOT', user: 'UBOT' } });
    await h.event({ type: 'message', channel_type: 'channel', channel: 'C1', user: 'U1', text: 'in a channel', ts: '1.1' });
    await h.adapter.idle();
    expect(await suggestions()).toEqual([]);
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('tell the sender why an empty or too long message was not stored', async () => {
    await h.dm('y'.repeat(3001));
    await h.adapter.idle();
    expect(h.api.callsTo('chat.postMessage')[0]!.args.text).toContain('for langt');
    expect(await suggestions()).toEqual([]);
  });

  it('keep each workspace’s suggestions apart', async () => {
    await h.dm('fra T1', { team: 'T1' });
    await h.dm('fra T2', { team: 'T2' });
    expect((await h.core.mine(actor('U1', { workspaceId: 'T2' }))).suggestions.map((s) => s.text)).toEqual(['fra T2']);
    expect((await suggestions()).map((s) => s.text)).toEqual(['fra T1']);
  });

  it('get a 500 (so Slack retries) when the message could not be stored', async () => {
    h.store.close();
    const res = await h.dm('lagres ikke', { eventId: 'EvFail' });
    expect(res.status).toBe(500);
    await h.adapter.idle();
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('are acknowledged while the Web API has not answered yet', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    h.api.answer('chat.postMessage', () => ({ until: gate }));
    h.api.answer('users.info', () => ({ until: gate }));
    // Were the ack to wait for the Web API, this would never resolve.
    expect((await h.dm('rask')).status).toBe(200);
    expect(await suggestions()).toHaveLength(1);
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    release();
  });
});

describe('App Home', () => {
  it('publishes what the bot is for, the user’s suggestions with status, and open polls', async () => {
    await h.dm('Mitt <!here> innspill');
    await h.command('/poll "Passer tirsdag?" "Ja" "Nei"'.replace('/poll ', ''), { command: '/poll' });
    await h.adapter.idle();
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1' });
    await h.adapter.idle();
    const [publish] = h.api.callsTo('views.publish');
    expect(publish!.args.user_id).toBe('U1');
    const view = publish!.args.view;
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(view);
    expect(text).toContain('felles røst');
    expect(text).toContain('Mitt &lt;!here&gt; innspill');
    expect(text).toContain('mottatt');
    expect(text).toContain('Passer tirsdag?');
  });

  it('cuts long lists with “and N more” and stays within Block Kit limits', async () => {
    for (let i = 0; i < 60; i++) await h.core.submitSuggestion(actor('U1'), { text: `Innspill nummer ${i} ${'lang tekst '.repeat(30)}` });
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1' });
    await h.adapter.idle();
    const view = h.api.callsTo('views.publish')[0]!.args.view;
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const b of view.blocks) if (b.text) expect([...b.text.text].length).toBeLessThanOrEqual(b.type === 'header' ? 150 : 3000);
    expect(JSON.stringify(view)).toMatch(/og \d+ til/);
  });

  it('ignores the messages tab', async () => {
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'messages', event_ts: '1' });
    await h.adapter.idle();
    expect(h.api.callsTo('views.publish')).toEqual([]);
  });
});

describe('App Home buttons', () => {
  it('open the suggestion and profile forms', async () => {
    await h.click('innspill_open_suggestion', 'open');
    await h.click('innspill_open_profile', 'open');
    await h.adapter.idle();
    expect(h.api.callsTo('views.open').map((c) => c.args.view.callback_id)).toEqual(['innspill_suggestion', 'innspill_profile']);
  });
});
