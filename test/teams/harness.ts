import { pino, type Logger } from 'pino';
import type { AuthProviderFactory } from '@microsoft/agents-hosting';
import { createHttpServer } from '../../adapters/http/server.ts';
import { createTeamsAdapter } from '../../adapters/teams/index.ts';
import type { AuthorityOverrides, TeamsAuthSettings } from '../../adapters/teams/auth.ts';
import { testCore } from '../helpers/core.ts';
import { startFakeConnector, type FakeConnector } from '../fakes/teams-connector.ts';

export const TENANT = 'tenant-1';
export const BOT_ID = '28:bot-app';

const ANONYMOUS: TeamsAuthSettings = { appId: null, appPassword: null, appType: 'MultiTenant', tenantId: null };

/** The real Teams adapter on the real HTTP server (127.0.0.1:0), a real core, and a fake Bot Connector. */
export async function startTeams(options: { settings?: TeamsAuthSettings; authority?: AuthorityOverrides; tokenProviders?: AuthProviderFactory; host?: string; sendTimeoutMs?: number; logger?: Logger } = {}) {
  const { core, store, clock } = testCore();
  const connector = await startFakeConnector();
  const logger = options.logger ?? pino({ level: 'silent' });
  const teams = createTeamsAdapter({
    core,
    settings: options.settings ?? ANONYMOUS,
    state: store.platformState,
    logger,
    ...(options.authority ? { authority: options.authority } : {}),
    ...(options.tokenProviders ? { tokenProviders: options.tokenProviders } : {}),
    // The production default: on a busy machine a send to the local fake took over 2 s (load 22), and
    // a test that does not test the timeout must not see one. Timeout tests pass their own.
    sendTimeoutMs: options.sendTimeoutMs ?? 15_000,
  });
  const http = createHttpServer(teams.routes, logger);
  const { port } = await http.listen(0, options.host ?? '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  let seq = 0;

  return {
    core,
    store,
    clock,
    teams,
    connector,
    port,
    base,
    /** POSTs an activity (or any body) to /api/messages and returns status and parsed body. */
    async post(body: unknown, headers: Record<string, string> = {}, url = `${base}/api/messages`) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : null };
    },
    nextId: () => `activity-${++seq}`,
    async close() {
      await http.close(100);
      await connector.close();
      store.close();
    },
  };
}

export type TeamsHarness = Awaited<ReturnType<typeof startTeams>>;

export interface Person {
  aad: string;
  name?: string;
  locale?: string;
  tenant?: string;
}

const conversationOf = (kind: 'personal' | 'channel' | 'groupChat', person: Person, conversationId?: string) =>
  kind === 'personal'
    ? { conversationType: 'personal', id: conversationId ?? `a:chat-${person.aad}`, tenantId: person.tenant ?? TENANT }
    : { conversationType: kind, isGroup: true, id: conversationId ?? '19:channel-1@thread.tacv2;messageid=171', tenantId: person.tenant ?? TENANT };

/** An activity as Teams sends it (see protocols.md B). */
export function activity(connector: FakeConnector, person: Person, fields: Record<string, unknown>, kind: 'personal' | 'channel' | 'groupChat' = 'personal') {
  return {
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: 'msteams',
    from: { id: `29:${person.aad}`, name: person.name ?? 'Kari Nordmann', aadObjectId: person.aad },
    conversation: conversationOf(kind, person),
    recipient: { id: BOT_ID, name: 'Innspill' },
    locale: person.locale ?? 'nb-NO',
    entities: [{ type: 'clientInfo', locale: person.locale ?? 'nb-NO', country: 'NO', platform: 'Web' }],
    channelData: { tenant: { id: person.tenant ?? TENANT }, ...(kind === 'channel' ? { team: { id: '19:team' }, channel: { id: '19:channel-1@thread.tacv2' } } : {}) },
    ...fields,
  };
}

export function message(connector: FakeConnector, person: Person, text: string, kind: 'personal' | 'channel' | 'groupChat' = 'personal') {
  return activity(connector, person, { type: 'message', textFormat: 'plain', text }, kind);
}

/** A message @mentioning the bot, as channels and group chats deliver it. */
export function mention(connector: FakeConnector, person: Person, text: string, kind: 'channel' | 'groupChat' = 'channel') {
  const at = '<at>Innspill</at>';
  return activity(
    connector,
    person,
    {
      type: 'message',
      textFormat: 'plain',
      text: `${at}&nbsp;${text}`,
      entities: [{ type: 'mention', text: at, mentioned: { id: BOT_ID, name: 'Innspill' } }, { type: 'clientInfo', locale: person.locale ?? 'nb-NO' }],
    },
    kind,
  );
}

/** A Universal Action click: `adaptiveCard/action` with the verb and the card's data merged with its inputs. */
export function execute(connector: FakeConnector, person: Person, verb: string, data: Record<string, unknown> = {}, kind: 'personal' | 'channel' = 'personal') {
  return activity(connector, person, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', id: 'a1', verb, data: { ...data, verb } } } }, kind);
}

/** The Action.Submit fallback: a message with an empty text and the inputs in `value`. */
export function submit(connector: FakeConnector, person: Person, verb: string, data: Record<string, unknown> = {}) {
  return activity(connector, person, { type: 'message', text: '', value: { ...data, verb } });
}
