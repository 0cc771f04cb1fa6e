import { ZodError } from 'zod';
import type { DigestModel } from '../../src/digest/model.ts';
import { parseDigest } from '../../src/digest/serialize.ts';
import type { Innspill } from '../../src/innspill.ts';
import type { Locale } from '../../src/i18n/index.ts';
import type { OutboundMessage, PlatformSender, SendResult } from '../../src/ports/delivery.ts';
import type { ClientPool, TokenSource, WebClient } from './api/clients.ts';
import { classifySlackError } from './api/errors.ts';
import type { PollPosts } from './poll-posts.ts';
import type { PollUpdater } from './poll-updater.ts';
import { publishPoll } from './publish.ts';
import { renderDigestMessage } from './render/digest.ts';
import { replyMessage } from './render/messages.ts';
import type { SlackMessage } from './render/poll.ts';

/** Renders a digest payload for Slack; the default is `renderDigestMessage`, a richer one may be passed. */
export type DigestRenderer = (payload: { locale: Locale; digest: DigestModel }, timeZone: string) => SlackMessage;

const defaultDigest: DigestRenderer = ({ locale, digest }, timeZone) => renderDigestMessage(digest, locale, timeZone);

/**
 * The outbox's way out to Slack: one attempt per message, its failure classified (429 with
 * Retry-After, retryable, gone), never retried here. A user is reached in their chat with the bot.
 */
export function createSlackSender(deps: {
  core: Innspill;
  clients: ClientPool;
  tokens: TokenSource;
  posts: PollPosts;
  updater: PollUpdater;
  /** A poll sent to a person speaks their language if it is known (never looked up from here). */
  localeOf: (teamId: string, userId: string) => Locale;
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
      const token = await deps.tokens.botToken(teamId);
      if (!token) return { ok: false, retryable: false, gone: true, error: 'no_installation' };
      const client = deps.clients.forTeam(teamId, token);
      try {
        const channel = await channelFor(client, message);
        switch (payload.type) {
          case 'poll': {
            const locale = message.recipient.kind === 'user' ? deps.localeOf(teamId, message.recipient.userId) : deps.defaultLocale;
            return { ok: true, platformRef: await publishPoll(deps, client, { teamId, channel, locale }, payload.pollId) };
          }
          case 'reply':
            return { ok: true, platformRef: await post(client, channel, replyMessage(payload.locale, payload.suggestionId, payload.text)) };
          case 'digest': {
            const render = deps.renderDigest ?? defaultDigest;
            return { ok: true, platformRef: await post(client, channel, render({ locale: payload.locale, digest: parseDigest(payload.digest) }, deps.core.settings.timeZone)) };
          }
        }
      } catch (error) {
        // A digest that does not parse will not parse on a retry either.
        if (error instanceof ZodError) return { ok: false, retryable: false, error: 'digest_invalid' };
        return classifySlackError(error);
      }
    },
  };
}
