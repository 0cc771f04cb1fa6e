import type { Locale } from '../i18n/locale.ts';
import type { Progress } from '../domain/follow-up.ts';

/**
 * Messages the bot starts on its own (digests, polls sent to everyone, replies to a sender) leave
 * through the durable outbox; each platform adapter implements `PlatformSender` to make the call.
 * A sender tries once and says precisely how it went; retries, backoff and rate limits are the
 * outbox worker's job, so a sender never retries on its own.
 */

/**
 * Who a message goes to. `workspace`: no one conversation, for a message about every copy of a poll
 * a platform keeps in the workspace (a Slack refresh, which finds the copies in Slack's own records).
 */
export type Recipient = { kind: 'user'; userId: string } | { kind: 'channel'; channelId: string } | { kind: 'workspace' };

export type OutboundPayload =
  | { type: 'digest'; locale: Locale; digest: unknown }
  | { type: 'poll'; pollId: number }
  | { type: 'reply'; locale: Locale; suggestionId: number; text: string }
  /** A suggestion's new status (and note), to its sender. */
  | { type: 'status'; locale: Locale; suggestionId: number; progress: Progress; note: string | null }
  /** A sender's answer, to the member who replied or set the status. */
  | { type: 'answer'; locale: Locale; suggestionId: number; text: string }
  | { type: 'survey'; surveyId: number; participantId: string; reminder: boolean }
  /** A reminder of a poll sent to everyone, to one participant; decided when due (not voted, not stopped). */
  | { type: 'poll_reminder'; pollId: number; participantId: string }
  /**
   * A poll's posted copies shown again as the poll now stands: edited, or deleted. With an activity
   * id, that one copy (Teams, where the outbox knows each); without, every copy the platform
   * recorded in the workspace (Slack, which records its own posts: channel, chats, reminders).
   */
  | { type: 'poll_refresh'; pollId: number; activityId?: string };

export interface OutboundMessage {
  id: number;
  platform: 'slack' | 'teams';
  /** Slack team id or Teams tenant id: the unit rate limits and tenancy are counted in. */
  workspaceId: string;
  recipient: Recipient;
  payload: OutboundPayload;
  /** 1 on the first try. */
  attempt: number;
  /** How far a message in several parts got on earlier tries, kept in the outbox (the worker always gives it; none: nothing sent yet, nothing kept). */
  parts?: PartProgress;
}

/**
 * A platform may take a message in several parts (a digest longer than one Block Kit message or
 * Adaptive Card). Neither platform has an idempotency key, so each part is recorded in the outbox
 * the moment it is accepted: a retry, or a restart, continues with the first part not yet accepted.
 */
export interface PartProgress {
  /** Parts, from the first, the platform accepted on earlier tries. */
  sent: number;
  /** Records that the first `sent` parts are accepted. */
  record(sent: number): Promise<void>;
}

export type SendResult =
  /** `calls`: platform calls the message took (a digest in parts), so the worker's pacing counts them all. */
  | { ok: true; platformRef?: string; calls?: number }
  | {
      ok: false;
      /** 429: wait this long before this workspace's next call. */
      retryAfterMs?: number;
      /** 5xx, timeouts, connection errors: worth another try with backoff. */
      retryable: boolean;
      /** The recipient can no longer be reached (uninstalled, blocked, 403): stop for good. */
      gone?: boolean;
      /**
       * Part of the work was done and recorded (`parts`), and the rest is to follow at once: a long
       * job cut into attempts that each end well within the worker's wait. Not a failed try.
       */
      progressed?: boolean;
      /** Platform calls made before it stopped, for the worker's pacing. */
      calls?: number;
      error: string;
    };

export interface PlatformSender {
  platform: 'slack' | 'teams';
  deliver(message: OutboundMessage): Promise<SendResult>;
}
