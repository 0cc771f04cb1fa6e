import { ZodError } from 'zod';
import { parseDigest } from '../../src/digest/serialize.ts';
import type { Innspill } from '../../src/innspill.ts';
import { catalog, type Locale } from '../../src/i18n/index.ts';
import type { OutboundMessage, PartProgress, PlatformSender, SendResult } from '../../src/ports/delivery.ts';
import { partsLeft } from '../../src/outbox/parts.ts';
import type { ClientPool, TokenSource, WebClient } from './api/clients.ts';
import { classifySlackError } from './api/errors.ts';
import type { DmChannels } from './dm-channels.ts';
import type { PollPosts } from './poll-posts.ts';
import type { PollUpdater } from './poll-updater.ts';
import { updatePollCopy } from './poll-copy.ts';
import { publishPoll } from './publish.ts';
import { packDigest } from './render/digest.ts';
import { replyMessage } from './render/messages.ts';
import { answerMessage, statusMessage } from './render/follow-up.ts';
import type { SlackMessage } from './render/poll.ts';
import { surveyInvitation } from './render/survey.ts';

/**
 * Well inside the outbox worker's wait for one send (30 s): past it, the worker would count the
 * attempt as timed out and start another over the same copies while this one still ran.
 */
const REFRESH_BUDGET_MS = 20_000;

/**
 * The outbox's way out to Slack: one attempt per message, its failure classified (429 with
 * Retry-After, retryable, gone), never retried here. A user is reached in their chat with the bot,
 * whose channel is opened once and kept. A digest too long for one message goes out in parts, in
 * order, and a retry resumes after the last part Slack accepted.
 */
export function createSlackSender(deps: {
  core: Innspill;
  clients: ClientPool;
  tokens: TokenSource;
  posts: PollPosts;
  updater: PollUpdater;
  dmChannels: DmChannels;
  /** A poll sent to a person speaks their language if it is known (never looked up from here). */
  localeOf: (teamId: string, userId: string) => Locale;
  defaultLocale: Locale;
  /** How long one attempt at refreshing a poll's copies may run before it leaves the rest to the next. */
  refreshBudgetMs?: number;
}): PlatformSender {
  const refreshBudgetMs = deps.refreshBudgetMs ?? REFRESH_BUDGET_MS;
  async function post(client: WebClient, channel: string, body: SlackMessage): Promise<string> {
    const result = await client.chat.postMessage({ channel, ...body } as Parameters<WebClient['chat']['postMessage']>[0]);
    return result.ts!;
  }

  /** Posts what is left of a digest; returns the last message's ts and how many posts it took. */
  async function postParts(client: WebClient, progress: PartProgress | undefined, channel: string, parts: SlackMessage[]): Promise<{ ref: string | undefined; calls: number }> {
    const { left, accepted } = partsLeft(parts, progress);
    let ref: string | undefined;
    for (const [index, part] of left.entries()) {
      ref = await post(client, channel, part);
      await accepted(index);
    }
    return { ref, calls: left.length };
  }

  /**
   * Shows every copy of the poll recorded in this workspace as the poll now stands (an edit, a
   * delete), one `chat.update` each, in a fixed order. A 429 (with its Retry-After) or a passing
   * failure ends the attempt, and the retry resumes after the copies already updated, whose count the
   * outbox keeps (`parts`); a copy Slack no longer has is forgotten. A copy that cannot be updated
   * for good is passed over, and its error reported once every other copy was tried.
   */
  async function refreshCopies(client: WebClient, teamId: string, pollId: number, progress: PartProgress | undefined): Promise<SendResult> {
    const view = await deps.core.viewPoll(pollId);
    const copies = await deps.posts.inWorkspace(pollId, teamId);
    // Forgotten copies leave the list, so the count of those updated is where the next try starts.
    let done = Math.min(progress?.sent ?? 0, copies.length);
    let calls = 0;
    let refused: string | null = null;
    const started = performance.now();
    for (const post of copies.slice(done)) {
      // A poll to everyone has a copy per person: a long list goes on in the next attempt, at once.
      if (calls > 0 && performance.now() - started >= refreshBudgetMs) return { ok: false, retryable: true, progressed: true, calls, error: 'poll_refresh_continues' };
      calls += 1;
      const outcome = await updatePollCopy(deps.posts, client, view, post, deps.core.settings.timeZone);
      if (outcome.kind === 'forgotten') continue;
      if (outcome.kind === 'failed') {
        // A 429 or a passing failure: try again later. The workspace unreachable: no copy can be.
        if (outcome.failure.retryable || outcome.failure.gone) return { ...outcome.failure, calls };
        refused ??= outcome.failure.error;
      }
      done += 1;
      await progress?.record(done);
    }
    return refused === null ? { ok: true, calls } : { ok: false, retryable: false, error: refused };
  }

  return {
    platform: 'slack',
    async deliver(message: OutboundMessage): Promise<SendResult> {
      const { payload, recipient, workspaceId: teamId } = message;
      const token = await deps.tokens.botToken(teamId);
      if (!token) return { ok: false, retryable: false, gone: true, error: 'no_installation' };
      const client = deps.clients.forTeam(teamId, token);
      // Every copy in the workspace, found in Slack's own records: no one conversation to open.
      // Slack's failures are weighed inside; anything else thrown (the database busy) the worker retries.
      if (payload.type === 'poll_refresh') return await refreshCopies(client, teamId, payload.pollId, message.parts);
      if (recipient.kind === 'workspace') return { ok: false, retryable: false, error: 'slack_needs_a_conversation' };
      let cached = false;
      try {
        // Decided when due, before any call: no reminder to someone who answered, nothing to someone who said stop.
        let invitation: SlackMessage | null = null;
        if (payload.type === 'poll_reminder') {
          const decision = await deps.core.pollPlans.reminder(payload);
          if (!decision.send) return { ok: true, platformRef: `skipped:${decision.reason}`, calls: 0 };
        }
        if (payload.type === 'survey') {
          const decision = await deps.core.surveys.delivery(payload);
          if (!decision.send) return { ok: true, platformRef: `skipped:${decision.reason}`, calls: 0 };
          invitation = surveyInvitation(decision, deps.defaultLocale, deps.core.settings.timeZone);
        }
        let channel: string;
        if (recipient.kind === 'channel') channel = recipient.channelId;
        else ({ channel, cached } = await deps.dmChannels.channelOf(client, teamId, recipient.userId));
        switch (payload.type) {
          case 'poll': {
            const locale = recipient.kind === 'user' ? deps.localeOf(teamId, recipient.userId) : deps.defaultLocale;
            return { ok: true, platformRef: await publishPoll(deps, client, { teamId, channel, locale }, payload.pollId) };
          }
          case 'poll_reminder': {
            // The poll again, under a line saying why, so the reminder can be voted in at once.
            const locale = recipient.kind === 'user' ? deps.localeOf(teamId, recipient.userId) : deps.defaultLocale;
            return { ok: true, platformRef: await publishPoll(deps, client, { teamId, channel, locale }, payload.pollId, catalog(locale).pollPlans.reminder) };
          }
          case 'reply':
            return { ok: true, platformRef: await post(client, channel, replyMessage(payload.locale, payload.suggestionId, payload.text)) };
          case 'status':
            return { ok: true, platformRef: await post(client, channel, statusMessage(payload.locale, payload.suggestionId, payload.progress, payload.note)) };
          case 'answer':
            return { ok: true, platformRef: await post(client, channel, answerMessage(payload.locale, payload.suggestionId, payload.text)) };
          case 'survey':
            return { ok: true, platformRef: await post(client, channel, invitation!) };
          case 'digest': {
            const parts = packDigest(parseDigest(payload.digest), { locale: payload.locale, timeZone: deps.core.settings.timeZone });
            const { ref, calls } = await postParts(client, message.parts, channel, parts);
            return ref === undefined ? { ok: true, calls } : { ok: true, platformRef: ref, calls };
          }
        }
      } catch (error) {
        // A digest that does not parse will not parse on a retry either.
        if (error instanceof ZodError) return { ok: false, retryable: false, error: 'digest_invalid' };
        const failure = classifySlackError(error);
        // A kept chat Slack no longer knows: open it afresh on the next try rather than give up.
        if (cached && recipient.kind === 'user' && failure.error === 'channel_not_found') {
          await deps.dmChannels.forget(teamId, recipient.userId);
          return { ok: false, retryable: true, error: failure.error };
        }
        return failure;
      }
    },
  };
}
