import type { PollView } from '../../src/usecases/polls.ts';
import type { SendResult } from '../../src/ports/delivery.ts';
import type { WebClient } from './api/clients.ts';
import { classifySlackError } from './api/errors.ts';
import type { PollPost, PollPosts } from './poll-posts.ts';
import { renderPollMessage } from './render/poll.ts';

export type CopyUpdate = { kind: 'updated' } | { kind: 'forgotten' } | { kind: 'failed'; failure: Extract<SendResult, { ok: false }> };

/**
 * What Slack says when this one message is beyond reach: it, or its channel, is gone, or the bot may
 * no longer change it. Not the token's or the workspace's errors (`invalid_auth`, `token_revoked`,
 * …): a rotated or expired token says nothing about the messages, and forgetting them then would
 * leave every copy without updates once the workspace is back.
 */
const COPY_GONE = new Set(['message_not_found', 'cant_update_message', 'channel_not_found', 'is_archived', 'not_in_channel']);

/**
 * Shows one recorded copy of a poll as the poll now stands (`chat.update`), for the updater (counts)
 * and the outbox (an edit, a delete) alike. A copy Slack no longer has, or will not let the bot
 * change, is forgotten, so no later update tries it again; any other failure is the caller's to weigh.
 */
export async function updatePollCopy(posts: PollPosts, client: WebClient, view: PollView, post: PollPost, timeZone: string): Promise<CopyUpdate> {
  try {
    await client.chat.update({ channel: post.channel, ts: post.ts, ...renderPollMessage(view, post.locale, timeZone) } as Parameters<WebClient['chat']['update']>[0]);
    return { kind: 'updated' };
  } catch (error) {
    const failure = classifySlackError(error);
    if (COPY_GONE.has(failure.error)) {
      await posts.forget(view.poll.id, post);
      return { kind: 'forgotten' };
    }
    return { kind: 'failed', failure };
  }
}
