import type { PollView } from '../../src/usecases/polls.ts';
import type { SendResult } from '../../src/ports/delivery.ts';
import type { WebClient } from './api/clients.ts';
import { classifySlackError } from './api/errors.ts';
import type { PollPost, PollPosts } from './poll-posts.ts';
import { renderPollMessage } from './render/poll.ts';

export type CopyUpdate = { kind: 'updated' } | { kind: 'forgotten' } | { kind: 'failed'; failure: Extract<SendResult, { ok: false }> };

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
    if (failure.gone || failure.error === 'message_not_found' || failure.error === 'cant_update_message') {
      await posts.forget(view.poll.id, post);
      return { kind: 'forgotten' };
    }
    return { kind: 'failed', failure };
  }
}
