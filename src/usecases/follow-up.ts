import { InnspillError } from '../errors.ts';
import { ANSWER_MAX, OPERATOR_ID, HIDE_REASON_MAX, STATUS_NOTE_MAX, boundedText, type Progress } from '../domain/follow-up.ts';
import { parseParticipantId, type Actor } from '../domain/participant.ts';
import { may } from '../domain/permissions.ts';
import type { Suggestion } from '../domain/suggestion.ts';
import type { NewOutboxMessage } from '../ports/outbox.ts';
import type { CoreDeps } from './context.ts';
import { localeOf } from './delivery.ts';
import { senderRoute } from './sender-route.ts';
import type { Delivery } from './suggestions.ts';

/** Suggestions shown in one review queue; the rest wait for the next look. */
export const QUEUE_LIMIT = 25;

/** Who moderates: a member on a platform, or the operator at the command line (`OPERATOR_ID`). */
export type Moderator = Pick<Actor, 'id'>;

async function requireMember(deps: CoreDeps, actor: Moderator): Promise<void> {
  // The operator holds the database and its key file anyway; the CLI acts as the project group.
  if (actor.id === OPERATOR_ID) return;
  if (!may({ id: actor.id, isMember: await deps.store.members.isMember(actor.id) }, 'moderate', deps.settings)) throw new InnspillError('not_allowed');
}

const found = (s: Suggestion | null): Suggestion => {
  if (!s) throw new InnspillError('suggestion_not_found');
  return s;
};

/** What waits for a member's look (see `awaitsReview`), oldest first. */
export async function reviewQueue(deps: CoreDeps, member: Moderator, limit = QUEUE_LIMIT): Promise<Suggestion[]> {
  await requireMember(deps, member);
  return deps.store.followUp.reviewQueue(limit);
}

/** One suggestion as members see it (original text, status, topic). */
export async function suggestionFor(deps: CoreDeps, member: Moderator, suggestionId: number): Promise<Suggestion> {
  await requireMember(deps, member);
  return found(await deps.store.suggestions.get(suggestionId));
}

export async function approve(deps: CoreDeps, member: Moderator, suggestionId: number): Promise<Suggestion> {
  await requireMember(deps, member);
  return found(await deps.store.followUp.approve({ suggestionId, memberId: member.id, now: deps.clock() }));
}

/** Hides a suggestion from everything published; the reason is kept for the group only. */
export async function hide(deps: CoreDeps, member: Moderator, suggestionId: number, rawReason?: string): Promise<Suggestion> {
  await requireMember(deps, member);
  const reason = boundedText(rawReason, HIDE_REASON_MAX, 'reason_too_long');
  return found(await deps.store.followUp.hide({ suggestionId, memberId: member.id, now: deps.clock(), reason }));
}

export async function restore(deps: CoreDeps, member: Moderator, suggestionId: number): Promise<Suggestion> {
  await requireMember(deps, member);
  return found(await deps.store.followUp.restore({ suggestionId, memberId: member.id, now: deps.clock() }));
}

export async function hiddenReason(deps: CoreDeps, member: Moderator, suggestionId: number): Promise<string | null> {
  await requireMember(deps, member);
  return deps.store.followUp.hiddenReason(suggestionId);
}

export async function moveTopic(deps: CoreDeps, member: Moderator, suggestionId: number, topic: string): Promise<Suggestion> {
  await requireMember(deps, member);
  if (!deps.settings.topics.includes(topic)) throw new InnspillError('unknown_topic', { topic });
  return found(await deps.store.followUp.moveTopic({ suggestionId, memberId: member.id, now: deps.clock(), topic }));
}

/**
 * Sets a suggestion's status and public note, and tells the sender in their language on their
 * platform (through the sealed route when anonymous), queued in the same transaction. A sender who
 * cannot be reached (deleted, or on the console) simply gets no notice; the status is set anyway.
 */
export async function setStatus(deps: CoreDeps, member: Moderator, suggestionId: number, progress: Progress, rawNote?: string): Promise<{ suggestion: Suggestion; notified: boolean }> {
  await requireMember(deps, member);
  const note = boundedText(rawNote, STATUS_NOTE_MAX, 'note_too_long');
  const now = deps.clock();
  let notice: NewOutboxMessage | null = null;
  try {
    const { senderId, ...route } = await senderRoute(deps, suggestionId);
    notice = {
      ...route,
      payload: { type: 'status', locale: await localeOf(deps, senderId), suggestionId, progress, note },
      dedupeKey: `status:${suggestionId}:${now.getTime()}:${progress}`,
      // Never the sender's id, as for replies: the outbox list must not tell who sent an anonymous suggestion.
      label: `status of #${suggestionId}`,
    };
  } catch (error) {
    // Gone, on the console, or past the reply window: the status is set, and no notice goes out.
    if (!(error instanceof InnspillError) || !['suggestion_not_found', 'not_reachable', 'reply_window_passed'].includes(error.code)) throw error;
  }
  const suggestion = found(await deps.store.followUp.setProgress({ suggestionId, memberId: member.id, now, progress, note }, notice));
  return { suggestion, notified: notice !== null };
}

/**
 * The sender answers what a member said (a reply or a status note). The answer goes to that member
 * as a reply about the suggestion, never as a new suggestion; only the sender may answer.
 */
export async function answerMember(deps: CoreDeps, sender: Actor, suggestionId: number, rawText: string, delivery: Delivery = {}): Promise<{ outboxId: number }> {
  const text = boundedText(rawText, ANSWER_MAX, 'suggestion_too_long');
  if (!text) throw new InnspillError('suggestion_empty');
  if (!(await deps.store.followUp.sentBy(suggestionId, [deps.vault.key(sender.id), deps.vault.anonymousKey(sender.id)]))) throw new InnspillError('not_sender');
  // The reply window holds both ways: past it, an anonymous sender is no longer linked to the suggestion.
  const target = await deps.store.suggestions.replyTarget(suggestionId);
  if (target?.anonymous && !target.sealedSender) throw new InnspillError('reply_window_passed', { days: deps.settings.replyWindowDays });
  const memberId = await deps.store.followUp.lastResponder(suggestionId);
  if (!memberId) throw new InnspillError('nobody_to_answer');
  const member = memberId === OPERATOR_ID ? null : parseParticipantId(memberId);
  if (!member || member.platform === 'console') throw new InnspillError('not_reachable');
  const now = deps.clock();
  const outboxId = await deps.store.followUp.recordAnswer(
    { suggestionId, memberId, text, now },
    {
      platform: member.platform,
      workspaceId: member.workspaceId,
      recipient: { kind: 'user', userId: member.userId },
      payload: { type: 'answer', locale: await localeOf(deps, memberId), suggestionId, text },
      dedupeKey: `answer:${suggestionId}:${delivery.dedupeKey ?? now.getTime()}`,
      label: `answer on #${suggestionId} to ${memberId}`,
    },
  );
  return { outboxId };
}
