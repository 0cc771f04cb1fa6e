import type { IncomingMessage, ServerResponse } from 'node:http';
import { InstallProvider } from '@slack/oauth';
import type { InstallationStore, Logger } from '@slack/bolt';
import type { Route } from '../../http/server.ts';

/** The bot scopes manifest.json asks for, and no more: see the manifest test. */
export const BOT_SCOPES = ['chat:write', 'commands', 'im:history', 'im:write', 'users:read'] as const;

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
}

/**
 * OAuth v2 for many workspaces: `/slack/install` sends the installer to Slack with a signed state
 * (and a cookie binding it to the browser), `/slack/oauth_redirect` trades the code for tokens
 * through `oauth.v2.access` on SLACK_API_URL and stores the installation.
 */
export function createInstaller(config: OAuthConfig, deps: { installationStore: InstallationStore; apiUrl: string; logger: Logger }) {
  const installer = new InstallProvider({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    stateSecret: config.stateSecret,
    installationStore: deps.installationStore,
    directInstall: true,
    logger: deps.logger,
    clientOptions: { slackApiUrl: deps.apiUrl },
    installUrlOptions: { scopes: [...BOT_SCOPES] },
  });
  const routes: Route[] = [
    { method: 'GET', path: '/slack/install', handle: (req: IncomingMessage, res: ServerResponse) => installer.handleInstallPath(req, res) },
    { method: 'GET', path: '/slack/oauth_redirect', handle: (req: IncomingMessage, res: ServerResponse) => installer.handleCallback(req, res) },
  ];
  return { installer, routes };
}
