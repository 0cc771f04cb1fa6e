import type { Innspill } from '../../src/innspill.ts';
import type { PlatformSender } from '../../src/ports/delivery.ts';
import type { Store } from '../../src/ports/store.ts';
import type { SealBox } from '../../src/privacy/seal.ts';
import type { Route } from '../http/server.ts';
import { createSlackAdapter } from '../slack/index.ts';
import { createTeamsAdapter } from '../teams/index.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

export interface Platforms {
  routes: Route[];
  senders: PlatformSender[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The Slack and Teams adapters as configured: their routes for the server, their senders for the outbox. */
export function createPlatforms(config: Config, { core, store, secrets }: { core: Innspill; store: Store; secrets: SealBox }, logger: Logger): Platforms {
  const routes: Route[] = [];
  const senders: PlatformSender[] = [];
  const starters: (() => Promise<void>)[] = [];
  const stoppers: (() => Promise<void>)[] = [];

  // Teams: mounted when configured, or anonymous (direct loopback callers only) when TEAMS_LOCAL=1 asks for it.
  if (config.teams.appId || config.teamsLocal) {
    const teams = createTeamsAdapter({ core, settings: config.teams, state: store.platformState, logger });
    routes.push(...teams.routes);
    senders.push(teams.sender);
  }

  // Slack: POST /slack/events (plus the OAuth pages), or Socket Mode when SLACK_APP_TOKEN is set.
  if (config.slack) {
    const slack = createSlackAdapter({ core, state: store.platformState, config: config.slack, defaultLocale: config.defaultLocale, logger, secrets });
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
