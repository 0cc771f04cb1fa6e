import type { PlatformStateStore } from '../../src/ports/store.ts';
import type { Locale } from '../../src/i18n/index.ts';

const NAMESPACE = 'slack.poll_post';

/** One Slack message showing a poll; every copy is updated when the counts change. */
export interface PollPost {
  teamId: string;
  channel: string;
  ts: string;
  locale: Locale;
}

/** Where each poll was posted, kept in the platform state store so restarts keep updating old copies. */
export function createPollPosts(state: PlatformStateStore, clock: () => Date) {
  const key = (pollId: number, post: Pick<PollPost, 'teamId' | 'channel' | 'ts'>) => `${pollId}:${post.teamId}:${post.channel}:${post.ts}`;
  return {
    record: (pollId: number, post: PollPost) => state.put(NAMESPACE, key(pollId, post), post, clock()),
    list: async (pollId: number) => (await state.list<PollPost>(NAMESPACE, `${pollId}:`)).map((r) => r.value),
    forget: (pollId: number, post: PollPost) => state.delete(NAMESPACE, key(pollId, post)),
  };
}

export type PollPosts = ReturnType<typeof createPollPosts>;
