import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { ActivityHandler, CloudAdapter, type InvokeResponse } from '@microsoft/agents-hosting';
import { pino } from 'pino';
import { createHttpServer } from '../adapters/http/server.ts';
import { createTeamsAdapter } from '../adapters/teams/index.ts';
import { buildAuthConfiguration } from '../adapters/teams/auth.ts';
import { readJsonObject, sdkRequest, sdkResponse } from '../adapters/teams/http-bridge.ts';
import { actorFrom } from '../src/domain/participant.ts';
import { DEFAULT_TOPICS } from '../src/domain/suggestion.ts';
import { createInnspill } from '../src/innspill.ts';
import { createIdentityVault } from '../src/privacy/vault.ts';
import { openSqliteStore } from '../storage/index.ts';
import { startFakeConnector } from '../test/fakes/teams-connector.ts';
import type { BenchRow } from './digest.ts';

/** Each load is measured for SLICES × SLICE_S seconds, in turns with the others (see inTurns). */
const SLICES = 4;
const SLICE_S = 2;
const DURATION_S = SLICES * SLICE_S;
const CONNECTIONS = 10;

/** A personal-chat message as Teams sends it, each with its own activity id (a repeat would be a redelivery). */
function messageBody(serviceUrl: string, id: string): string {
  return JSON.stringify({
    type: 'message',
    id,
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:bench-user', aadObjectId: 'aad-bench' },
    conversation: { conversationType: 'personal', id: 'a:bench', tenantId: 'tenant-bench' },
    recipient: { id: '28:bench-bot' },
    locale: 'nb-NO',
    textFormat: 'plain',
    text: 'Bedre kollektivtilbud mellom Askim og Mysen',
  });
}

const TENANT = 'tenant-bench';
/** Voters click in turn, each many times: their references are stored once, then only read. */
const VOTERS = 200;

/** An Action.Execute vote on a poll card in a channel, as Teams sends it. */
function voteBody(serviceUrl: string, id: string, n: number, pollId: number): string {
  const voter = `aad-voter-${n % VOTERS}`;
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id,
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${voter}`, aadObjectId: voter },
    conversation: { conversationType: 'channel', isGroup: true, id: '19:bench@thread.tacv2;messageid=1', tenantId: TENANT },
    recipient: { id: '28:bench-bot' },
    channelData: { tenant: { id: TENANT } },
    locale: 'nb-NO',
    value: { action: { type: 'Action.Execute', id: 'a1', verb: 'poll.vote', data: { pollId, option: n % 4, verb: 'poll.vote' } } },
  });
}

/** autocannon calls setupRequest before each request (its typings leave it out; its idReplacement miscounts content-length). */
type FreshRequest = autocannon.Request & { setupRequest(request: autocannon.Request): autocannon.Request };

async function slice(url: string, body: (n: number) => string, counter: { sent: number }) {
  const requests: FreshRequest[] = [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: body((counter.sent += 1)) }) }];
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, requests, connections: CONNECTIONS, duration: SLICE_S });
  return { total: result.requests.total, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

/**
 * The loads in turns, slice by slice (the order turning each round): on a shared machine whose
 * load swings from one minute to the next, each then meets the same conditions. Per load: requests
 * over its time, the median slice's p99, and every failure.
 */
async function inTurns<K extends string>(loads: Record<K, { url: string; body: (n: number) => string }>) {
  const keys = Object.keys(loads) as K[];
  const slices = Object.fromEntries(keys.map((k) => [k, [] as Awaited<ReturnType<typeof slice>>[]])) as Record<K, Awaited<ReturnType<typeof slice>>[]>;
  const counters = Object.fromEntries(keys.map((k) => [k, { sent: 0 }])) as Record<K, { sent: number }>;
  for (let i = 0; i < SLICES; i += 1) {
    for (const k of i % 2 === 0 ? keys : [...keys].reverse()) slices[k].push(await slice(loads[k].url, loads[k].body, counters[k]));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.fromEntries(
    keys.map((k) => {
      const s = slices[k];
      const sum = (f: (x: (typeof s)[number]) => number) => s.reduce((n, x) => n + f(x), 0);
      return [k, { rps: Math.round(sum((x) => x.total) / DURATION_S), p99: median(s.map((x) => x.p99)), non2xx: sum((x) => x.non2xx), errors: sum((x) => x.errors) }];
    }),
  ) as Record<K, { rps: number; p99: number; non2xx: number; errors: number }>;
}

/** The bare SDK's answer to a card click: a card, with nothing stored. */
class BareBot extends ActivityHandler {
  protected override async onInvokeActivity(): Promise<InvokeResponse> {
    const card = { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Du har stemt: Tirsdag.' }] };
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }
}

/** The bare SDK: an echo bot on CloudAdapter.process with the least hosting Node needs (no express here). */
async function bareEchoBot(): Promise<Server> {
  const adapter = new CloudAdapter(buildAuthConfiguration({ appId: null, appPassword: null, appType: 'MultiTenant', tenantId: null }));
  const bot = new BareBot().onMessage(async (context, next) => {
    await context.sendActivity(`Echo: ${context.activity.text}`);
    await next();
  });
  const server = createServer((req, res) => {
    readJsonObject(req)
      .then(async (body) => {
        const request = { ...sdkRequest(req, body), user: { name: 'anonymous' } };
        await adapter.process(request, sdkResponse(res), (context) => bot.run(context));
      })
      // autocannon drops connections mid-request when its time is up.
      .catch(() => (res.statusCode = 500))
      .finally(() => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

type Load = { rps: number; p99: number; non2xx: number; errors: number };

/** One table row: ours beside the bare bot's, measured in the same run, and the ratio the goal names. */
function compared(name: string, ours: Load, bare: Load, goal: number, bareName: string, extra: Record<string, number> = {}): BenchRow {
  const ratio = bare.rps ? Math.round((ours.rps / bare.rps) * 100) / 100 : 0;
  return {
    name,
    figures: {
      'req/s': ours.rps,
      'p99 (ms)': ours.p99,
      [`${bareName} req/s`]: bare.rps,
      'bare p99 (ms)': bare.p99,
      'ratio (ours / bare)': ratio,
      'non-2xx + errors': ours.non2xx + ours.errors + bare.non2xx + bare.errors,
      ...extra,
    },
    goal: `≥ ${goal}× the ${bareName}, no failed requests`,
    met: ratio >= goal && ours.non2xx + ours.errors === 0,
  };
}

/**
 * Message activities per second and p99 on /api/messages in anonymous mode (each one stores a
 * suggestion in SQLite and replies through a local fake Bot Connector), beside a bare Agents SDK
 * echo bot on the same connector in the same run; then Action.Execute votes on a channel poll
 * (each answered with the poll's card), beside the bare bot answering with a card.
 */
export async function benchTeams(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-bench-teams-'));
  const connector = await startFakeConnector();
  const store = openSqliteStore(join(dir, 'bench.db'));
  const logger = pino({ level: 'silent' });
  const core = createInnspill({
    store,
    vault: createIdentityVault(randomBytes(32)),
    clock: () => new Date(),
    settings: { topics: DEFAULT_TOPICS, defaultLocale: 'nb', timeZone: 'Europe/Oslo', participantPolls: true, digestChannels: [], emptyDigest: 'skip', minGroupSize: 5, publishMode: 'review', retentionDays: 30, replyWindowDays: 180 },
  });
  const teams = createTeamsAdapter({ core, settings: { appId: null, appPassword: null, appType: 'MultiTenant', tenantId: null }, state: store.platformState, logger });
  const http = createHttpServer(teams.routes, logger);
  const echo = await bareEchoBot();
  try {
    const { port } = await http.listen(0, '127.0.0.1');
    const oursUrl = `http://127.0.0.1:${port}/api/messages`;
    const bareUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/api/messages`;
    const message = (n: number) => messageBody(connector.url, `bench-${n}`);

    const creator = actorFrom({ platform: 'teams', workspaceId: TENANT, userId: 'aad-creator' }, 'nb');
    const poll = await core.createPoll(
      creator,
      { question: 'Hvilken dag passer best?', options: ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag'], multipleChoice: false, anonymous: false, resultsAfterClose: false, everyone: false, closes: null },
      { channelId: '19:bench@thread.tacv2' },
    );
    const vote = (n: number) => voteBody(connector.url, `vote-${n}`, n, poll.id);
    const { ours, bare, oursVotes, bareVotes } = await inTurns({
      ours: { url: oursUrl, body: message },
      bare: { url: bareUrl, body: message },
      oursVotes: { url: oursUrl, body: vote },
      bareVotes: { url: bareUrl, body: vote },
    });
    return [
      // The yardstick for votes is the bare echo bot; the bare bot answering the same clicks
      // with a fixed card (storing nothing, reading nothing) is shown beside it.
      compared(`Teams Action.Execute votes in a channel → vote + card (${CONNECTIONS} connections, ${DURATION_S} s)`, oursVotes, bare, 0.9, 'bare SDK echo', {
        'bare SDK fixed-card req/s': bareVotes.rps,
        'ratio to fixed card': bareVotes.rps ? Math.round((oursVotes.rps / bareVotes.rps) * 100) / 100 : 0,
      }),
      compared(`Teams /api/messages, message → suggestion + reply (${CONNECTIONS} connections, ${DURATION_S} s)`, ours, bare, 0.5, 'bare SDK echo'),
    ];
  } finally {
    await http.close(1000);
    await new Promise<void>((resolve) => echo.close(() => resolve()));
    echo.closeAllConnections();
    await connector.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchTeams()) process.stdout.write(`${JSON.stringify(row, null, 2)}\n`);
}
