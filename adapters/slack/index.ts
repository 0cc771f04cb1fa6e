import { App, ErrorCode, type Authorize, type CodedError, type InstallationStore } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Innspill } from '../../src/innspill.ts';
import type { Locale } from '../../src/i18n/index.ts';
import type { PlatformSender } from '../../src/ports/delivery.ts';
import type { PlatformStateStore } from '../../src/ports/store.ts';
import type { SealBox } from '../../src/privacy/seal.ts';
import type { PollUpdateGate } from '../../src/usecases/poll-updates.ts';
import type { Route } from '../http/server.ts';
import { createClientPool, type TokenSource } from './api/clients.ts';
import { createResponder } from './api/responder.ts';
import { createBackground } from './background.ts';
import { createDirectVotes } from './direct-votes.ts';
import { createDmChannels } from './dm-channels.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerActions } from './handlers/actions.ts';
import { registerCommands } from './handlers/commands.ts';
import type { HandlerDeps } from './handlers/deps.ts';
import { registerEvents } from './handlers/events.ts';
import { registerFollowUpViews } from './handlers/follow-up.ts';
import { registerViews } from './handlers/views.ts';
import { registerSurveyViews } from './handlers/surveys.ts';
import { createLocaleCache } from './locale.ts';
import { createInstallationStore } from './oauth/installation-store.ts';
import { createInstaller, type OAuthConfig } from './oauth/installer.ts';
import { createPollPosts } from './poll-posts.ts';
import { createPollUpdater } from './poll-updater.ts';
import { InnspillHttpReceiver } from './receiver.ts';
import { InnspillSocketReceiver } from './socket-receiver.ts';
import { COMMAND, POLL_COMMAND } from './render/messages.ts';
import { createSlackSender } from './sender.ts';

export { HANDLED_EVENTS } from './handlers/events.ts';
export { BOT_SCOPES } from './oauth/installer.ts';

/** The commands the app registers; manifest.json must declare exactly these. */
export const HANDLED_COMMANDS = [COMMAND, POLL_COMMAND] as const;

/** Slack's part of the configuration (the shape adapters/cli/config.ts produces). */
export interface SlackAdapterConfig {
  signingSecret: string | null;
  apiUrl: string;
  appToken: string | null;
  auth: { mode: 'single'; botToken: string } | ({ mode: 'oauth' } & OAuthConfig);
}

export interface SlackAdapterOptions {
  core: Innspill;
  state: PlatformStateStore;
  config: SlackAdapterConfig;
  defaultLocale: Locale;
  logger: Logger;
  /** Seals what must not be readable from the database alone: the OAuth installations' tokens. */
  secrets: SealBox;
  /** Milliseconds since the epoch for the signature's age check; tests set it. */
  nowMs?: () => number;
  /** How long a poll waits for more clicks before its message is updated. */
  pollUpdateDelayMs?: number;
  /** Takes turns with other processes on the database at updating a poll's messages. */
  pollUpdateGate?: PollUpdateGate;
  /** How long one outbox attempt at refreshing a poll's copies may run (tests set it low). */
  refreshBudgetMs?: number;
}

export interface SlackAdapter {
  app: App;
  receiver: InnspillHttpReceiver | InnspillSocketReceiver;
  /** Empty in Socket Mode (events come over the socket), except the OAuth pages. */
  routes: Route[];
  sender: PlatformSender;
  mode: 'http' | 'socket';
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when every follow-up call and poll update has run (tests, shutdown). */
  idle(): Promise<void>;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { core, state, config, logger } = options;
  const log = logger.child({ adapter: 'slack' });
  const clock = core.clock;
  const clients = createClientPool({ apiUrl: config.apiUrl });
  const posts = createPollPosts(state, clock);
  const background = createBackground(log);
  const responder = createResponder(log);
  const dmChannels = createDmChannels(state, clock);

  let authorize: Authorize<boolean>;
  let tokens: TokenSource;
  let installationStore: InstallationStore | null = null;
  const routes: Route[] = [];
  if (config.auth.mode === 'oauth') {
    const store = createInstallationStore(state, options.secrets, clock);
    installationStore = store;
    const { installer, routes: oauthRoutes } = createInstaller(config.auth, { installationStore: store, apiUrl: config.apiUrl, logger: boltLogger(log) });
    authorize = (source) => installer.authorize(source);
    tokens = {
      botToken: async (teamId) => {
        try {
          return (await store.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token ?? null;
        } catch {
          return null;
        }
      },
    };
    routes.push(...oauthRoutes);
  } else {
    const botToken = config.auth.botToken;
    authorize = async () => ({ botToken });
    tokens = { botToken: async () => botToken };
  }

  const locales = createLocaleCache({ clients, tokens, defaultLocale: options.defaultLocale, logger: log });
  const updater = createPollUpdater({ core, posts, clients, tokens, logger: log, delayMs: options.pollUpdateDelayMs ?? 1000, ...(options.pollUpdateGate ? { gate: options.pollUpdateGate } : {}) });

  const socket = config.appToken !== null;
  let receiver: InnspillHttpReceiver | InnspillSocketReceiver;
  if (socket) receiver = new InnspillSocketReceiver({ appToken: config.appToken!, apiUrl: config.apiUrl, logger: log });
  else {
    if (!config.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required unless SLACK_APP_TOKEN selects Socket Mode');
    const http = new InnspillHttpReceiver({ signingSecret: config.signingSecret, logger: log, ...(options.nowMs ? { nowMs: options.nowMs } : {}) });
    receiver = http;
    routes.unshift(http.route());
  }

  const app = new App({
    receiver,
    authorize,
    logger: boltLogger(log),
    // We filter our own and other bots' messages ourselves; Bolt's filter needs auth.test first.
    ignoreSelf: false,
    convoStore: false,
    clientOptions: { slackApiUrl: config.apiUrl, retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 5000 } },
  });

  app.error(async (error: CodedError) => {
    // A workspace without an installation (uninstalled, or never installed): answered, not retried.
    if (error.code === ErrorCode.AuthorizationError) {
      log.warn({ err: error.original ?? error }, 'slack request from a workspace without an installation ignored');
      return;
    }
    throw error;
  });

  const deps: HandlerDeps = {
    core,
    locales,
    background,
    responder,
    posts,
    updater,
    dmChannels,
    logger: log,
    async uninstall(teamId, enterpriseId) {
      clients.drop(teamId);
      await dmChannels.forgetTeam(teamId);
      if (installationStore?.deleteInstallation) {
        await installationStore.deleteInstallation({ teamId, enterpriseId, isEnterpriseInstall: false });
      }
    },
  };
  if (receiver instanceof InnspillHttpReceiver) receiver.takeVotes(createDirectVotes(deps, log));
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerFollowUpViews(app, deps);
  registerSurveyViews(app, deps);
  registerEvents(app, deps);

  const idle = async () => {
    await background.idle();
    await updater.idle();
    await background.idle();
    await responder.idle();
  };

  return {
    app,
    receiver,
    routes,
    mode: socket ? 'socket' : 'http',
    sender: createSlackSender({
      core,
      clients,
      tokens,
      posts,
      updater,
      dmChannels,
      localeOf: locales.cachedLocale,
      defaultLocale: options.defaultLocale,
      ...(options.refreshBudgetMs === undefined ? {} : { refreshBudgetMs: options.refreshBudgetMs }),
    }),
    start: async () => {
      // The database is where locales live; the cache must not answer a restart in the default language.
      locales.remember(await core.storedLocales('slack'));
      if (socket) await app.start();
    },
    async stop() {
      updater.stop();
      await background.idle();
      if (socket) await app.stop();
    },
    idle,
  };
}
