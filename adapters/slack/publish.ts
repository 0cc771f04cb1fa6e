import type { Innspill } from '../../src/innspill.ts';
import type { Locale } from '../../src/i18n/index.ts';
import type { WebClient } from './api/clients.ts';
import type { PollPosts } from './poll-posts.ts';
import type { PollUpdater } from './poll-updater.ts';
import { renderPollMessage } from './render/poll.ts';
import { escapeMrkdwn, section } from './render/text.ts';

/** Posts a poll's message and records where, so every copy is kept current. Returns the message ts. */
export async function publishPoll(
  deps: { core: Innspill; posts: PollPosts; updater: PollUpdater },
  client: WebClient,
  where: { teamId: string; channel: string; locale: Locale },
  pollId: number,
  /** A line above the poll (a reminder), in this copy only: later updates show the poll alone. */
  lead?: string,
): Promise<string> {
  const view = await deps.core.viewPoll(pollId);
  const rendered = renderPollMessage(view, where.locale, deps.core.settings.timeZone);
  const message = lead ? { text: `${lead} ${rendered.text}`, blocks: [section(escapeMrkdwn(lead)), ...rendered.blocks] } : rendered;
  const result = await client.chat.postMessage({ channel: where.channel, ...message } as Parameters<WebClient['chat']['postMessage']>[0]);
  const ts = result.ts!;
  await deps.posts.record(pollId, { teamId: where.teamId, channel: result.channel ?? where.channel, ts, locale: where.locale });
  deps.updater.watchClosing(view.poll);
  return ts;
}
