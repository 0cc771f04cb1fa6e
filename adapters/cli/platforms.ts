import type { Innspill } from '../../src/innspill.ts';
import type { PlatformSender } from '../../src/ports/delivery.ts';
import type { Store } from '../../src/ports/store.ts';
import type { SealBox } from '../../src/privacy/seal.ts';
import { createPollUpdateGate } from '../../src/usecases/poll-updates.ts';
import type { Route } from '../http/server.ts';
import type { TeamsAdapter } from '../teams/index.ts';
import { MESSAGES_PATH } from '../teams/paths.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { newOwnerId } from './delivery.ts';

export interface Platforms {
  routes: Route[];
  senders: PlatformSender[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Slack and Teams adapters as configured: their routes for the server, their senders for the
 * outbox. Each adapter (and its SDK, the heaviest code there is) loads only when it is used, so the
 * commands that need neither start at once.
 */
export async function createPlatforms(config: Config, { core, store, secrets }: { core: Innspill; store: Store; secrets: SealBox }, logger: Logger): Promise<Platforms> {
  const routes: Route[] = [];
  const senders: PlatformSender[] = [];
  const starters: (() => Promise<void>)[] = [];
  const stoppers: (() => Promise<void>)[] = [];

  // Teams: mounted when configured, or anonymous (direct loopback callers only) when TEAMS_LOCAL=1
  // asks for it. With an app id it loads now, so a wrong setting stops the start; anonymous (a local
  // trial) it loads with the first activity or Teams message.
  if (config.teams.appId || config.teamsLocal) {
    let teams: Promise<TeamsAdapter> | null = null;
    const loadTeams = () =>
      (teams ??= import('../teams/index.ts').then(({ createTeamsAdapter }) =>
        createTeamsAdapter({ core, settings: config.teams, state: store.platformState, logger }),
      ));
    if (config.teams.appId) await loadTeams();
    routes.push({ method: 'POST', path: MESSAGES_PATH, handle: async (req, res) => (await loadTeams()).routes.find((r) => r.path === MESSAGES_PATH)!.handle(req, res) });
    senders.push({ platform: 'teams', deliver: async (message) => (await loadTeams()).sender.deliver(message) });
  }

  // Slack: POST /slack/events (plus the OAuth pages), or Socket Mode when SLACK_APP_TOKEN is set.
  if (config.slack) {
    const { createSlackAdapter } = await import('../slack/index.ts');
    // One update per poll per second across every process on the database: Slack's pace for chat.update on one message.
    const pollUpdateGate = createPollUpdateGate({ leases: store.leases, clock: core.clock, holder: newOwnerId(), intervalMs: 1000 });
    const slack = createSlackAdapter({ core, state: store.platformState, config: config.slack, defaultLocale: config.defaultLocale, logger, secrets, pollUpdateGate });
    routes.push(...slack.routes);
    senders.push(slack.sender);
    starters.push(slack.start);
    stoppers.push(slack.stop);
  }

  return {
    routes,
    senders,
    async start() {
      for (const start of starters) await start();
    },
    async stop() {
      for (const stop of stoppers.reverse()) await stop();
    },
  };
}
