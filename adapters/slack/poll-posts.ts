import type { PlatformStateStore } from '../../src/ports/store.ts';
import type { Locale } from '../../src/i18n/index.ts';

const NAMESPACE = 'slack.poll_post';
/** A poll to everyone has a copy per participant: every listing takes them all, not a first page. */
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
  const copies = async (prefix: string) => (await state.list<PollPost>(NAMESPACE, prefix, EVERY_COPY)).map((r) => r.value);
  return {
    record: (pollId: number, post: PollPost) => state.put(NAMESPACE, key(pollId, post), post, clock()),
    list: (pollId: number) => copies(`${pollId}:`),
    /** Every copy in one workspace, in a fixed order (by key), so a refresh cut short resumes where it stopped. */
    inWorkspace: (pollId: number, teamId: string) => copies(`${pollId}:${teamId}:`),
    forget: (pollId: number, post: PollPost) => state.delete(NAMESPACE, key(pollId, post)),
  };
}

export type PollPosts = ReturnType<typeof createPollPosts>;
