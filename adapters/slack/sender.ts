import type { Innspill } from '../../src/innspill.ts';
import type { Locale } from '../../src/i18n/index.ts';
import type { OutboundMessage, PlatformSender, SendResult } from '../../src/ports/delivery.ts';
import type { ClientPool, TokenSource, WebClient } from './api/clients.ts';
import { classifySlackError } from './api/errors.ts';
import type { PollPosts } from './poll-posts.ts';
import { publishPoll } from './publish.ts';
import { replyMessage } from './render/messages.ts';
import type { SlackMessage } from './render/poll.ts';

/** Renders a digest payload for Slack. Issue 5 brings the full Block Kit digest; until then none is set. */
export type DigestRenderer = (payload: { locale: Locale; digest: unknown }) => SlackMessage;

/**
 * The outbox's way out to Slack: one attempt per message, its failure classified (429 with
 * Retry-After, retryable, gone), never retried here. A user is reached in their chat with the bot.
 */
export function createSlackSender(deps: {
  core: Innspill;
  clients: ClientPool;
  tokens: TokenSource;
  posts: PollPosts;
  defaultLocale: Locale;
  renderDigest?: DigestRenderer;
}): PlatformSender {
  async function channelFor(client: WebClient, message: OutboundMessage): Promise<string> {
    if (message.recipient.kind === 'channel') return message.recipient.channelId;
    const opened = await client.conversations.open({ users: message.recipient.userId });
    return opened.channel!.id!;
  }

  async function post(client: WebClient, channel: string, body: SlackMessage): Promise<string> {
    const result = await client.chat.postMessage({ channel, ...body } as Parameters<WebClient['chat']['postMessage']>[0]);
    return result.ts!;
  }

  return {
    platform: 'slack',
    async deliver(message): Promise<SendResult> {
      const { payload, workspaceId: teamId } = message;
      if (payload.type === 'digest' && !deps.renderDigest) return { ok: false, retryable: false, error: 'digest_rendering_not_available' };
      const token = await deps.tokens.botToken(teamId);
      if (!token) return { ok: false, retryable: false, gone: true, error: 'no_installation' };
      const client = deps.clients.forTeam(teamId, token);
      try {
        const channel = await channelFor(client, message);
        switch (payload.type) {
          case 'poll':
            return { ok: true, platformRef: await publishPoll(deps, client, { teamId, channel, locale: deps.defaultLocale }, payload.pollId) };
          case 'reply':
            return { ok: true, platformRef: await post(client, channel, replyMessage(payload.locale, payload.suggestionId, payload.text)) };
          case 'digest':
            return { ok: true, platformRef: await post(client, channel, deps.renderDigest!(payload)) };
        }
      } catch (error) {
        return classifySlackError(error);
      }
    },
  };
}
