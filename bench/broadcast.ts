import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createCore } from '../adapters/cli/core.ts';
import { loadConfig } from '../adapters/cli/config.ts';
import { createDelivery } from '../adapters/cli/delivery.ts';
import { createPlatforms } from '../adapters/cli/platforms.ts';
import { REFERENCE_NAMESPACE, referenceKey } from '../adapters/teams/references.ts';
import { actorFrom } from '../src/domain/participant.ts';
import { PLATFORM_LIMITS } from '../src/outbox/policy.ts';
import { ARRIVAL_MARGIN } from '../src/outbox/rate-limit.ts';
import { GRANT_SPAN } from '../src/outbox/shared-windows.ts';
import type { BenchRow } from './digest.ts';
import type { Store } from '../src/ports/store.ts';
import { Activity } from '@microsoft/agents-activity';
import { startLimitedConnector, startLimitedSlack } from './fakes/rate-limited.ts';
import { questbackForBench } from './surveys.ts';

const SLACK_USERS = Number(process.env.BENCH_SLACK_USERS ?? 500);
const TENANTS = 5;
const TEAMS_USERS_PER_TENANT = Number(process.env.BENCH_TEAMS_USERS ?? 900);

/** The reference the adapter would have kept from the person's first message in a 1:1 chat. */
function referenceFor(serviceUrl: string, tenantId: string, userId: string) {
  const activity = Activity.fromObject({
    type: 'message',
    id: `first-${userId}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${userId}`, aadObjectId: userId, name: userId },
    recipient: { id: '28:bench-bot', name: 'Innspill' },
    conversation: { id: `a:${userId}`, tenantId, conversationType: 'personal' },
    channelData: { tenant: { id: tenantId } },
    text: 'hei',
  });
  return { ...activity.getConversationReference(), activityId: undefined };
}

/** What goes out: a poll to everyone, or the project's questback cut to ten questions. */
async function sendToEveryone(kind: 'poll' | 'survey', core: Awaited<ReturnType<typeof createCore>>['core'], member: ReturnType<typeof actorFrom>): Promise<void> {
  if (kind === 'survey') {
    const questback = questbackForBench();
    const survey = await core.surveys.create(member, { ...questback, questions: questback.questions.slice(0, 10) });
    await core.surveys.send(member, survey.id, { target: { kind: 'everyone' } });
    return;
  }
  const result = await core.createPollFromText(member, '"Hvilken dag passer for næringsfrokosten?" "Tirsdag" "Torsdag" --alle', { channelId: 'bench' });
  if (!result.ok) throw new Error(result.syntax.code);
}

/** Where the broadcast's database is, and how many replicas deliver from it. */
export interface BroadcastSetup {
  /** `DATABASE_URL` for PostgreSQL; SQLite in the temporary directory when absent. */
  databaseUrl?: string;
  /** Delivery workers, each on a store (a pool) and senders of its own, as that many `serve` replicas would run. */
  replicas?: number;
}

/** The people a broadcast goes to: 500 in a Slack workspace, 900 in each of five Teams tenants with their conversation references. */
async function seedEveryone(store: Store, connectorUrl: string, now: Date): Promise<void> {
  for (let i = 0; i < SLACK_USERS; i += 1) await store.participants.touch({ id: `slack:T1:U${i}`, platform: 'slack', workspaceId: 'T1', userId: `U${i}`, locale: 'nb', now });
  for (let t = 0; t < TENANTS; t += 1) {
    for (let i = 0; i < TEAMS_USERS_PER_TENANT; i += 1) {
      const tenantId = `tenant-${t}`;
      const userId = `aad-${t}-${i}`;
      await store.participants.touch({ id: `teams:${tenantId}:${userId}`, platform: 'teams', workspaceId: tenantId, userId, locale: 'nb', now });
      await store.platformState.put(REFERENCE_NAMESPACE, referenceKey({ kind: 'user', tenantId, userId }), referenceFor(connectorUrl, tenantId, userId), now);
    }
  }
}

/**
 * A member sends one poll (or a ten-question survey) to 5,000 participants (500 in a Slack workspace, 900 in each of five Teams
 * tenants) through the real outbox and senders, against fakes that answer 429 the moment a published
 * limit would be broken. It should finish in the time the limits allow, with no 429 and no duplicate.
 * With several replicas, each has its own pool and owner id, and they keep the limits together
 * through the send windows they share in the database.
 */
export async function benchBroadcast(kind: 'poll' | 'survey' = 'poll', setup: BroadcastSetup = {}): Promise<BenchRow[]> {
  const replicas = setup.replicas ?? 1;
  const dir = mkdtempSync(join(tmpdir(), 'innspill-broadcast-'));
  const slackRate = PLATFORM_LIMITS.slack.workspace[0]!.limit;
  const teamsRate = PLATFORM_LIMITS.teams.workspace[0]!.limit;
  const slack = await startLimitedSlack(slackRate);
  const connector = await startLimitedConnector(teamsRate);
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'broadcast.db'),
    ...(setup.databaseUrl ? { DATABASE_URL: setup.databaseUrl } : {}),
    SLACK_SIGNING_SECRET: 'bench-secret',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: `${slack.url}api/`,
    // Teams without an app id, as against the Agents Playground: without it no Teams sender exists and every Teams message goes dead.
    TEAMS_LOCAL: 'on',
    LOG_LEVEL: 'silent',
  });
  const logger = pino({ level: 'silent' });
  const cores: Awaited<ReturnType<typeof createCore>>[] = [];
  try {
    for (let r = 0; r < replicas; r += 1) cores.push(await createCore(config, { logger }));
    const { store, core } = cores[0]!;
    const now = new Date();
    await seedEveryone(store, connector.url, now);
    const member = actorFrom({ platform: 'console', workspaceId: 'local', userId: 'member' }, 'nb');
    await core.members.add(member.id, now);
    const deliveries = await Promise.all(
      cores.map(async (c) => createDelivery({ config, core: c.core, store: c.store, senders: (await createPlatforms(config, c, logger)).senders, logger })),
    );

    const started = performance.now();
    await sendToEveryone(kind, core, member);
    const queued = (performance.now() - started) / 1000;
    for (const d of deliveries) d.worker.start();
    const total = SLACK_USERS + TENANTS * TEAMS_USERS_PER_TENANT;
    for (;;) {
      const open = await store.outbox.list(['pending', 'sending'], 1);
      if (!open.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(deliveries.map((d) => d.worker.stop()));
    const dead = (await store.outbox.list(['dead'], total)).length;
    const delivered = [...slack.delivered.values(), ...connector.delivered.values()];
    const duplicates = delivered.filter((n) => n > 1).length;
    // What the limits allow, with the worker's safety margins (arrival, and a shared grant's span): the slowest workspace, each at its rate.
    const atLimit = Math.max((SLACK_USERS - 1) / slackRate, (TEAMS_USERS_PER_TENANT - 1) / teamsRate) * (1 + ARRIVAL_MARGIN + GRANT_SPAN);
    const where = setup.databaseUrl ? `, ${replicas === 1 ? 'one replica' : `${replicas} replicas`} on PostgreSQL` : '';
    return [
      {
        name: `${kind === 'poll' ? 'poll' : '10-question survey'} to ${total.toLocaleString('en')} participants${where} (Slack ${slackRate}/s per workspace, Teams ${teamsRate}/s per tenant)`,
        figures: {
          'time (s)': Math.round(seconds * 10) / 10,
          'of which queueing (s)': Math.round(queued * 10) / 10,
          'at the limits (s)': Math.round(atLimit * 10) / 10,
          'ratio': Math.round((seconds / atLimit) * 100) / 100,
          delivered: delivered.length,
          duplicates,
          dead,
          '429 from Slack': slack.rejected,
          '429 from Teams': connector.rejected,
        },
        goal: 'all delivered, no duplicate, within 10 % of the limits',
        met: delivered.length === total && duplicates === 0 && dead === 0 && seconds <= atLimit * 1.1,
      },
    ];
  } finally {
    for (const c of cores) await c.store.close();
    await slack.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
