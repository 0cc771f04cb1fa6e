import { pino, type Logger } from 'pino';
import { createHttpServer } from '../../adapters/http/server.ts';
import { createSlackAdapter, type SlackAdapterConfig } from '../../adapters/slack/index.ts';
import { createSecretBox } from '../../src/privacy/seal.ts';
import { testCore } from '../helpers/core.ts';
import { platformRecords } from '../../adapters/cli/platform-records.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';
import { SIGNING_SECRET, slackRequests } from '../fakes/slack-requests.ts';

const silent = pino({ level: 'silent' });
let seq = 0;
const next = () => ++seq;

/** The adapter in Socket Mode (an app token), its Web API at the fake; started and stopped by the test. */
export function socketAdapter(fake: FakeSlackApi) {
  const { core, store } = testCore();
  const adapter = createSlackAdapter({
    core,
    state: store.platformState,
    config: { signingSecret: null, apiUrl: fake.url, appToken: 'xapp-1-test', auth: { mode: 'single', botToken: 'xoxb-test' } },
    defaultLocale: 'nb',
    secrets: createSecretBox(Buffer.alloc(32, 9)),
    logger: silent,
  });
  return { core, store, adapter };
}

/** A real Slack adapter on a real HTTP server, a real core on in-memory SQLite, and a fake Web API. */
export async function slackHarness(
  options: { auth?: SlackAdapterConfig['auth']; appToken?: string | null; participantPolls?: boolean; pollUpdateDelayMs?: number; logger?: Logger; path?: string; refreshBudgetMs?: number } = {},
) {
  const api = await startFakeSlackApi();
  const secrets = createSecretBox(Buffer.alloc(32, 9));
  const { core, store, clock } = testCore({
    platformRecords,
    ...(options.participantPolls === undefined ? {} : { participantPolls: options.participantPolls }),
    // A database file, for a test that shares it with the command line.
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  const adapter = createSlackAdapter({
    core,
    state: store.platformState,
    config: { signingSecret: SIGNING_SECRET, apiUrl: api.url, appToken: options.appToken ?? null, auth: options.auth ?? { mode: 'single', botToken: 'xoxb-test' } },
    defaultLocale: 'nb',
    secrets,
    logger: options.logger ?? silent,
    pollUpdateDelayMs: options.pollUpdateDelayMs ?? 20,
    ...(options.refreshBudgetMs === undefined ? {} : { refreshBudgetMs: options.refreshBudgetMs }),
  });
  const http = createHttpServer(adapter.routes, silent);
  const { port } = await http.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const slack = slackRequests(base);

  const command = (text: string, o: { user?: string; team?: string; channel?: string; command?: string } = {}) => {
    const id = next();
    return slack.command({
      token: 'legacy',
      team_id: o.team ?? 'T1',
      team_domain: 'test',
      channel_id: o.channel ?? 'C1',
      channel_name: 'general',
      user_id: o.user ?? 'U1',
      user_name: 'someone',
      command: o.command ?? '/innspill',
      text,
      api_app_id: 'A1',
      is_enterprise_install: 'false',
      response_url: api.responseUrl(`cmd${id}`),
      trigger_id: `trigger${id}`,
    });
  };

  const dm = (text: string, o: { user?: string; team?: string; eventId?: string; extra?: Record<string, unknown>; retry?: number } = {}) =>
    slack.event(
      {
        token: 'legacy',
        team_id: o.team ?? 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: o.eventId ?? `Ev${next()}`,
        event_time: 1,
        event: { type: 'message', channel: 'D1', channel_type: 'im', user: o.user ?? 'U1', text, ts: `1700000000.00${next()}`, event_ts: '1', ...o.extra },
      },
      o.retry ? { headers: { 'x-slack-retry-num': String(o.retry), 'x-slack-retry-reason': 'http_timeout' } } : {},
    );

  const event = (ev: Record<string, unknown>, o: { team?: string; eventId?: string } = {}) =>
    slack.event({ token: 'legacy', team_id: o.team ?? 'T1', api_app_id: 'A1', type: 'event_callback', event_id: o.eventId ?? `Ev${next()}`, event_time: 1, event: ev });

  /** `o.action`: fields that replace the button's, e.g. a menu's `type` and `selected_option`. */
  const click = (actionId: string, value: string, o: { user?: string; team?: string; channel?: string; messageTs?: string; action?: Record<string, unknown> } = {}) => {
    const id = next();
    return slack.interaction({
      type: 'block_actions',
      team: { id: o.team ?? 'T1', domain: 'test' },
      user: { id: o.user ?? 'U1', username: 'someone', team_id: o.team ?? 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      container: { type: 'message', message_ts: o.messageTs ?? '1.1', channel_id: o.channel ?? 'C1' },
      trigger_id: `trigger${id}`,
      channel: { id: o.channel ?? 'C1', name: 'general' },
      response_url: api.responseUrl(`act${id}`),
      actions: [{ type: 'button', block_id: 'b', action_id: actionId, value, action_ts: `1700000000.${id}`, text: { type: 'plain_text', text: 'x' }, ...o.action }],
    });
  };

  const submit = (callbackId: string, values: Record<string, Record<string, unknown>>, o: { user?: string; team?: string; privateMetadata?: string; viewId?: string } = {}) =>
    slack.interaction({
      type: 'view_submission',
      team: { id: o.team ?? 'T1', domain: 'test' },
      user: { id: o.user ?? 'U1', name: 'someone', team_id: o.team ?? 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: `trigger${next()}`,
      view: {
        id: o.viewId ?? `V${next()}`,
        type: 'modal',
        callback_id: callbackId,
        private_metadata: o.privateMetadata ?? '',
        hash: 'h',
        state: { values: Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { value: v }])) },
      },
    });

  return {
    api,
    core,
    store,
    secrets,
    clock,
    adapter,
    base,
    slack,
    command,
    dm,
    event,
    click,
    submit,
    async close() {
      await adapter.stop();
      await http.close(100);
      await api.close();
      store.close();
    },
  };
}

export type SlackHarness = Awaited<ReturnType<typeof slackHarness>>;
