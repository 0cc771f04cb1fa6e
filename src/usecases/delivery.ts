import { InnspillError } from '../errors.ts';
import { parseParticipantId, type Actor } from '../domain/participant.ts';
import { may } from '../domain/permissions.ts';
import { resolveLocale } from '../i18n/locale.ts';
import { serializeDigest } from '../digest/serialize.ts';
import type { Recipient } from '../ports/delivery.ts';
import type { DigestRun, NewOutboxMessage } from '../ports/outbox.ts';
import type { CoreDeps } from './context.ts';
import type { Delivery } from './suggestions.ts';
import { digestFor } from './reports.ts';
import { sealRecipient } from './privacy.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;
export const REPLY_MAX_LENGTH = 2000;

/** A channel that gets every digest besides the members (DIGEST_CHANNELS). */
export interface DigestChannel {
  platform: 'slack' | 'teams';
  workspaceId: string;
  channelId: string;
}

export interface DigestRunResult {
  run: DigestRun;
  /** Outbox ids, one per member or channel reached. */
  messageIds: number[];
  /** Members no platform can reach (console ids): reported, never queued. */
  unreachable: string[];
}

async function localeOf(deps: CoreDeps, id: string) {
  return resolveLocale((await deps.store.participants.get(id))?.locale, deps.settings.defaultLocale);
}

/**
 * Builds the digest of the period since the last one and queues it for every member (and digest
 * channel) in the same transaction that claims the slot; a slot already claimed, by this process
 * or another, queues nothing. Returns null then.
 */
export async function runDigest(deps: CoreDeps, options: { slot: Date; manual: boolean }): Promise<DigestRunResult | null> {
  const now = deps.clock();
  const latest = await deps.store.digestRuns.latest();
  if (!options.manual && latest && latest.slot.getTime() >= options.slot.getTime()) return null;
  const period = { start: latest?.periodEnd ?? new Date(options.slot.getTime() - WEEK_MS), end: now };
  const model = await digestFor(deps, period);
  const quiet = model.empty && deps.settings.emptyDigest === 'skip';

  const messages: NewOutboxMessage[] = [];
  const unreachable: string[] = [];
  const digest = serializeDigest(model);
  for (const id of quiet ? [] : await deps.store.members.list()) {
    const ref = parseParticipantId(id);
    if (ref.platform === 'console') {
      unreachable.push(id);
      continue;
    }
    const recipient: Recipient = { kind: 'user', userId: ref.userId };
    messages.push({ platform: ref.platform, workspaceId: ref.workspaceId, recipient, payload: { type: 'digest', locale: await localeOf(deps, id), digest }, dedupeKey: id, label: id });
  }
  for (const channel of quiet ? [] : deps.settings.digestChannels) {
    const label = `${channel.platform}:${channel.workspaceId}:${channel.channelId}`;
    messages.push({
      platform: channel.platform,
      workspaceId: channel.workspaceId,
      recipient: { kind: 'channel', channelId: channel.channelId },
      payload: { type: 'digest', locale: deps.settings.defaultLocale, digest },
      dedupeKey: label,
      label,
    });
  }
  const recorded = await deps.store.digestRuns.record({ slot: options.slot, periodStart: period.start, periodEnd: period.end, manual: options.manual }, messages, now);
  return recorded ? { ...recorded, unreachable } : null;
}

/**
 * A member answers a suggestion's sender. The reply reaches them in a direct message through the
 * outbox, also when the suggestion was anonymous: the sealed sender is opened only here, and the
 * member is never told who it is.
 */
export async function replyToSender(deps: CoreDeps, member: Actor, suggestionId: number, rawText: string, delivery: Delivery = {}): Promise<{ outboxId: number }> {
  if (!may({ id: member.id, isMember: await deps.store.members.isMember(member.id) }, 'moderate', deps.settings)) throw new InnspillError('not_allowed');
  const text = rawText.trim();
  if (!text) throw new InnspillError('suggestion_empty');
  if ([...text].length > REPLY_MAX_LENGTH) throw new InnspillError('suggestion_too_long', { max: REPLY_MAX_LENGTH, length: [...text].length });
  const target = await deps.store.suggestions.replyTarget(suggestionId);
  if (!target) throw new InnspillError('suggestion_not_found');
  if (target.anonymous && !target.sealedSender) throw new InnspillError('reply_window_passed', { days: deps.settings.replyWindowDays });
  const senderId = target.senderId ?? (target.sealedSender ? deps.vault.open(target.sealedSender) : null);
  if (!senderId) throw new InnspillError('suggestion_not_found');
  const ref = parseParticipantId(senderId);
  if (ref.platform === 'console') throw new InnspillError('not_reachable');
  const now = deps.clock();
  const outboxId = await deps.store.suggestions.recordReply(
    { suggestionId, memberId: member.id, text, now },
    {
      platform: ref.platform,
      workspaceId: ref.workspaceId,
      // To an anonymous sender the recipient stays sealed until the worker sends it.
      recipient: target.anonymous ? { kind: 'sealed', sealed: sealRecipient(deps, ref) } : { kind: 'user', userId: ref.userId },
      payload: { type: 'reply', locale: await localeOf(deps, senderId), suggestionId, text },
      dedupeKey: `reply:${suggestionId}:${member.id}:${delivery.dedupeKey ?? now.getTime()}`,
      // Never the sender's id: operators reading `outbox list` must not learn who sent an anonymous suggestion.
      label: `reply to #${suggestionId}`,
    },
  );
  return { outboxId };
}
