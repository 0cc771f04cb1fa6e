import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudAdapter, ConnectionManager, type AuthProviderFactory } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { Innspill } from '../../src/innspill.ts';
import type { PlatformSender } from '../../src/ports/delivery.ts';
import type { PlatformStateStore } from '../../src/ports/store.ts';
import type { Route } from '../http/server.ts';
import { buildAuthConfiguration, fromLoopback, throughProxy, type AuthorityOverrides, type TeamsAuthSettings } from './auth.ts';
import { checkActivity } from './activity-shape.ts';
import { TeamsBot } from './bot.ts';
import { authorize, BodyError, isActivityShapeError, readJsonObject, refuse, sdkRequest, sdkResponse } from './http-bridge.ts';
import { createReferenceBook } from './references.ts';
import { createTeamsSender } from './sender.ts';

import { MESSAGES_PATH } from './paths.ts';

export { MESSAGES_PATH };

export interface TeamsAdapterOptions {
  core: Innspill;
  settings: TeamsAuthSettings;
  state: PlatformStateStore;
  logger: Logger;
  /** Sovereign clouds, and tests with their own key server. */
  authority?: AuthorityOverrides;
  /** How outbound calls get their token: MSAL by default; tests give a stub that needs no Entra. */
  tokenProviders?: AuthProviderFactory;
  /** A proactive send that takes longer counts as a timeout (default 15 s). */
  sendTimeoutMs?: number;
}

export interface TeamsAdapter {
  routes: Route[];
  sender: PlatformSender;
  /** True without MicrosoftAppId: loopback callers only, no token checks. */
  anonymous: boolean;
}

/**
 * The Teams adapter: `POST /api/messages` on the shared server, through the Agents SDK's CloudAdapter,
 * and a PlatformSender for the outbox. With MicrosoftAppId every request must carry a valid Bot
 * Framework token; without it only loopback callers are served (Agents Playground, Bot Framework Emulator).
 */
export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { core, settings, logger } = options;
  const anonymous = !settings.appId;
  const authConfig = buildAuthConfiguration(settings, options.authority);
  let adapter: CloudAdapter;
  try {
    // The service URL a request names must match the one its token was issued for.
    adapter = new CloudAdapter(authConfig, undefined, undefined, { validateServiceUrl: !anonymous });
  } catch (error) {
    // The SDK refuses anonymous mode when NODE_ENV=production; a Slack-only deployment still starts.
    if (!anonymous) throw error;
    logger.error({ err: error }, 'Teams is switched off: MicrosoftAppId is not set and NODE_ENV=production forbids anonymous mode');
    return switchedOff();
  }
  if (options.tokenProviders) adapter.connectionManager = new ConnectionManager(options.tokenProviders, undefined, undefined, authConfig);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'Teams turn failed');
  };
  if (anonymous) {
    logger.warn(
      { path: MESSAGES_PATH },
      'Teams runs in anonymous mode (TEAMS_LOCAL=1, no MicrosoftAppId): /api/messages checks no tokens and serves only direct loopback callers, none that came through a proxy. Fine for the Agents Playground or the Bot Framework Emulator; set MicrosoftAppId and MicrosoftAppPassword before Teams can reach the bot.',
    );
  }

  const references = createReferenceBook(options.state, core.clock);
  const bot = new TeamsBot({ core, references, logger, anonymous });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (anonymous && !fromLoopback(req)) {
      refuse(res, 401, 'loopback_only');
      return;
    }
    if (anonymous && throughProxy(req)) {
      refuse(res, 401, 'anonymous_mode_refuses_proxied_requests');
      return;
    }
    const request = sdkRequest(req);
    const response = sdkResponse(res);
    if (!(await authorize(adapter, request, response))) {
      if (!res.writableEnded) res.end();
      return;
    }
    try {
      request.body = await readJsonObject(req);
    } catch (error) {
      if (error instanceof BodyError) return refuse(res, error.status, error.code);
      throw error;
    }
    const shape = checkActivity(request.body);
    if (!shape.ok) {
      logger.debug({ issue: shape.issue }, 'Teams activity of an unexpected shape refused');
      return refuse(res, 400, 'invalid_activity');
    }
    try {
      await adapter.process(request, response, (context) => bot.run(context));
    } catch (error) {
      if (!isActivityShapeError(error)) throw error;
      return refuse(res, 400, 'invalid_activity');
    }
    if (!res.writableEnded) res.end();
  }

  const sender = createTeamsSender({
    adapter,
    core,
    references,
    identity: settings.appId ?? {},
    timeoutMs: options.sendTimeoutMs ?? 15_000,
  });
  return { routes: [{ method: 'POST', path: MESSAGES_PATH, handle }], sender, anonymous };
}

/** Teams without credentials in production: the endpoint says so, and the outbox stops trying. */
function switchedOff(): TeamsAdapter {
  return {
    routes: [{ method: 'POST', path: MESSAGES_PATH, handle: (_req, res) => refuse(res, 503, 'teams_not_configured') }],
    sender: { platform: 'teams', deliver: async () => ({ ok: false, retryable: false, error: 'teams_not_configured' }) },
    anonymous: true,
  };
}
