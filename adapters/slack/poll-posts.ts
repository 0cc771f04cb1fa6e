import type { PlatformStateStore } from '../../src/ports/store.ts';
import type { Locale } from '../../src/i18n/index.ts';

const NAMESPACE = 'slack.poll_post';
/** A poll to everyone has a copy per participant: a refresh lists them all, not a first page. */
const EVERY_COPY = 1_000_000;

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
    /** Every copy in one workspace, in a fixed order (by key), so a refresh cut short resumes where it stopped. */
    inWorkspace: async (pollId: number, teamId: string) => (await state.list<PollPost>(NAMESPACE, `${pollId}:${teamId}:`, EVERY_COPY)).map((r) => r.value),
    forget: (pollId: number, post: PollPost) => state.delete(NAMESPACE, key(pollId, post)),
  };
}

export type PollPosts = ReturnType<typeof createPollPosts>;
