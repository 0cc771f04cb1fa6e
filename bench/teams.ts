import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { ActivityHandler, CloudAdapter } from '@microsoft/agents-hosting';
import { pino } from 'pino';
import { createHttpServer } from '../adapters/http/server.ts';
import { createTeamsAdapter } from '../adapters/teams/index.ts';
import { buildAuthConfiguration } from '../adapters/teams/auth.ts';
import { readJsonObject, sdkRequest, sdkResponse } from '../adapters/teams/http-bridge.ts';
import { DEFAULT_TOPICS } from '../src/domain/suggestion.ts';
import { createInnspill } from '../src/innspill.ts';
import { createIdentityVault } from '../src/privacy/vault.ts';
import { openSqliteStore } from '../storage/index.ts';
import { startFakeConnector } from '../test/fakes/teams-connector.ts';
import type { BenchRow } from './digest.ts';

const DURATION_S = 8;
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

/** autocannon calls setupRequest before each request (its typings leave it out; its idReplacement miscounts content-length). */
type FreshRequest = autocannon.Request & { setupRequest(request: autocannon.Request): autocannon.Request };

async function load(url: string, serviceUrl: string) {
  let sent = 0;
  const requests: FreshRequest[] = [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: messageBody(serviceUrl, `bench-${(sent += 1)}`) }) }];
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, requests, connections: CONNECTIONS, duration: DURATION_S });
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

/** The bare SDK: an echo bot on CloudAdapter.process with the least hosting Node needs (no express here). */
async function bareEchoBot(): Promise<Server> {
  const adapter = new CloudAdapter(buildAuthConfiguration({ appId: null, appPassword: null, appType: 'MultiTenant', tenantId: null }));
  const bot = new ActivityHandler().onMessage(async (context, next) => {
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

/**
 * Message activities per second and p99 on /api/messages in anonymous mode (each one stores a
 * suggestion in SQLite and replies through a local fake Bot Connector), beside a bare Agents SDK
 * echo bot on the same connector in the same run.
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
    const ours = await load(`http://127.0.0.1:${port}/api/messages`, connector.url);
    const bare = await load(`http://127.0.0.1:${(echo.address() as AddressInfo).port}/api/messages`, connector.url);
    const ratio = bare.rps ? Math.round((ours.rps / bare.rps) * 100) / 100 : 0;
    return [
      {
        name: `Teams /api/messages, message → suggestion + reply (${CONNECTIONS} connections, ${DURATION_S} s)`,
        figures: {
          'req/s': ours.rps,
          'p99 (ms)': ours.p99,
          'bare SDK echo req/s': bare.rps,
          'bare p99 (ms)': bare.p99,
          'ratio (ours / bare)': ratio,
          'non-2xx + errors': ours.non2xx + ours.errors + bare.non2xx + bare.errors,
        },
        goal: '≥ 0.5× the bare echo bot, no failed requests',
        met: ratio >= 0.5 && ours.non2xx + ours.errors === 0,
      },
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
