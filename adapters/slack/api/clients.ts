import { webApi } from '@slack/bolt';

export type WebClient = webApi.WebClient;

/**
 * One Web API client per workspace: @slack/web-api pauses a client's whole queue on a 429, so a
 * shared client would let one busy workspace stall every other. These clients never retry by
 * themselves (`retries: 0`, rate-limited calls rejected): the caller decides, with Retry-After.
 */
export interface ClientPool {
  forTeam(teamId: string, token: string): WebClient;
  drop(teamId: string): void;
}

export function createClientPool(options: { apiUrl: string; timeoutMs?: number }): ClientPool {
  const clients = new Map<string, { token: string; client: WebClient }>();
  return {
    forTeam(teamId, token) {
      const known = clients.get(teamId);
      if (known && known.token === token) return known.client;
      const client = new webApi.WebClient(token, {
        slackApiUrl: options.apiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: options.timeoutMs ?? 10_000,
        teamId,
        logLevel: webApi.LogLevel.ERROR,
      });
      clients.set(teamId, { token, client });
      return client;
    },
    drop(teamId) {
      clients.delete(teamId);
    },
  };
}

/** Where a workspace's bot token comes from: the environment (one workspace) or the installation store. */
export interface TokenSource {
  botToken(teamId: string): Promise<string | null>;
}
