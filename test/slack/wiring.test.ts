import { join } from 'node:path';
import { SocketModeReceiver } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../adapters/cli/app.ts';
import { loadConfig } from '../../adapters/cli/config.ts';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';
import { SIGNING_SECRET, slackRequests } from '../fakes/slack-requests.ts';
import { testCore } from '../helpers/core.ts';
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
  it('uses Bolt’s Socket Mode receiver and mounts no event route when SLACK_APP_TOKEN is set', () => {
    const { core, store } = testCore();
    const adapter = createSlackAdapter({
      core,
      state: store.platformState,
      config: { signingSecret: null, apiUrl: 'http://127.0.0.1:9/api/', appToken: 'xapp-1-test', auth: { mode: 'single', botToken: 'xoxb-test' } },
      defaultLocale: 'nb',
      logger: silent,
    });
    expect(adapter.mode).toBe('socket');
    expect(adapter.routes.map((r) => r.path)).toEqual([]);
    expect((adapter.app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(SocketModeReceiver);
    store.close();
  });
});
