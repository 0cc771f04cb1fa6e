import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../adapters/cli/app.ts';
import { loadConfig } from '../../adapters/cli/config.ts';
import { InnspillSocketReceiver } from '../../adapters/slack/socket-receiver.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';
import { startFakeSocketMode, channelClick } from '../fakes/slack-socket.ts';
import { SIGNING_SECRET, slackRequests } from '../fakes/slack-requests.ts';
import { actor } from '../helpers/core.ts';
import { socketAdapter } from './harness.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const silent = pino({ level: 'silent' });
const tmp = useTmpDir();
let api: FakeSlackApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

describe('Slack in the composition root', () => {
  it('mounts /slack/events on the shared server when Slack is configured, with SLACK_API_URL for every call', async () => {
    api = await startFakeSlackApi();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: join(tmp(), 'innspill.db'),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-env',
      SLACK_API_URL: api.url,
    });
    const app = await createApp(config, { logger: silent });
    const { port } = await app.start();
    try {
      const slack = slackRequests(`http://127.0.0.1:${port}`);
      const res = await slack.event({ type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'hei', ts: '1.1' } });
      expect(res.status).toBe(200);
      await api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
      expect(api.callsTo('chat.postMessage')[0]!.token).toBe('xoxb-env');
      expect((await slack.event({ type: 'event_callback', team_id: 'T1', event_id: 'Ev2', event: { type: 'message' } }, { secret: 'nope' })).status).toBe(401);
    } finally {
      await app.stop();
    }
  });
});

describe('Socket Mode', () => {
  it('connects through SLACK_API_URL with the app token and mounts no event route', async () => {
    api = await startFakeSlackApi();
    api.answer('apps.connections.open', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    const { store, adapter } = socketAdapter(api);
    expect(adapter.mode).toBe('socket');
    expect(adapter.routes).toEqual([]);
    expect(adapter.receiver).toBeInstanceOf(InnspillSocketReceiver);
    await expect(adapter.start()).rejects.toThrow();
    expect(api.callsTo('apps.connections.open')[0]!.token).toBe('xapp-1-test');
    await adapter.stop();
    store.close();
  });

  it('acks an event envelope only after the message is stored, and a command with its answer', async () => {
    api = await startFakeSlackApi();
    const { core, store, adapter } = socketAdapter(api);
    const client = (adapter.receiver as InnspillSocketReceiver).client;
    const stored = async () => (await core.mine(actor('U1'))).suggestions.length;
    const acked = new Promise<{ storedWhenAcked: number; response: unknown }>((resolve) => {
      client.emit('slack_event', {
        ack: async (response?: unknown) => resolve({ storedWhenAcked: await stored(), response }),
        body: { type: 'event_callback', team_id: 'T1', event_id: 'EvS', event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'over socket', ts: '1.1' } },
      });
    });
    expect(await acked).toEqual({ storedWhenAcked: 1, response: undefined });

    const answer = await new Promise<any>((resolve) => {
      client.emit('slack_event', {
        ack: async (response?: unknown) => resolve(response),
        body: { command: '/innspill', text: 'hjelp', team_id: 'T1', user_id: 'U1', channel_id: 'C1', trigger_id: 't', response_url: api!.responseUrl('x') },
      });
    });
    expect(answer.response_type).toBe('ephemeral');
    await adapter.idle();
    store.close();
  });

  it('runs every kind of request over a live socket, processes a redelivery once and reconnects when Slack asks', async () => {
    api = await startFakeSlackApi();
    const socket = await startFakeSocketMode();
    api.answer('apps.connections.open', () => ({ body: { ok: true, url: socket.url } }));
    const { core, store, adapter } = socketAdapter(api);
    try {
      await adapter.start();
      const dm = { type: 'event_callback', team_id: 'T1', event_id: 'EvLive', event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'over a live socket', ts: '7.1' } };
      await socket.send({ envelope_id: 'e1', type: 'events_api', payload: dm });
      await socket.send({ envelope_id: 'e2', type: 'events_api', payload: dm, retry_attempt: 1, retry_reason: 'timeout' });
      expect((await core.mine(actor('U1'))).suggestions.map((s) => s.text)).toEqual(['over a live socket']);

      const help = (await socket.send({
        envelope_id: 'e3',
        type: 'slash_commands',
        payload: { command: '/innspill', text: 'help', team_id: 'T1', user_id: 'U1', channel_id: 'C1', trigger_id: 't', response_url: api.responseUrl('c') },
      })) as { response_type: string; blocks: unknown[] };
      expect(help.response_type).toBe('ephemeral');
      expect(help.blocks.length).toBeGreaterThan(0);

      const poll = await core.createPoll(
        actor('U1'),
        { question: 'Hvilken dag?', options: ['Mandag', 'Tirsdag'], multipleChoice: false, anonymous: false, resultsAfterClose: false, everyone: false, closes: null },
        { channelId: 'C1' },
      );
      await socket.send(channelClick('e4', 't2', api.responseUrl('v'), { type: 'button', action_id: 'innspill_vote_1', block_id: `poll:${poll.id}:option:1`, value: `${poll.id}:1`, action_ts: '8.1' }));
      expect((await core.viewPoll(poll.id)).tally!.counts).toEqual([0, 1]);

      socket.askToReconnect();
      await socket.connectionNumber(2);
      expect(api.callsTo('apps.connections.open')).toHaveLength(2);
      await socket.send({ envelope_id: 'e5', type: 'events_api', payload: { ...dm, event_id: 'EvLive2', event: { ...dm.event, text: 'after the reconnect', ts: '7.2' } } });
      expect((await core.mine(actor('U1'))).suggestions).toHaveLength(2);
      await adapter.idle();
      expect(api.callsTo('response_url').map((c) => c.args.response_type)).toContain('ephemeral');
    } finally {
      await adapter.stop();
      await socket.close();
      store.close();
    }
  });
});
