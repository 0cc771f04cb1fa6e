import { InnspillError } from '../errors.ts';
import { parseParticipantId } from '../domain/participant.ts';
import type { NewOutboxMessage } from '../ports/outbox.ts';
import type { CoreDeps } from './context.ts';
import { sealRecipient } from './privacy.ts';

/**
 * Where a message to a suggestion's sender goes (a member's reply, a status notice): their own id,
 * or for an anonymous suggestion a recipient sealed in the outbox until the worker sends it, opened
 * only here and never shown to anyone. Throws `suggestion_not_found` when the sender is gone
 * (deleted), `reply_window_passed` when retention has dropped an anonymous sender's sealed copy, and
 * `not_reachable` for the console, which has no platform to post to.
 */
export async function senderRoute(deps: CoreDeps, suggestionId: number): Promise<{ senderId: string } & Pick<NewOutboxMessage, 'platform' | 'workspaceId' | 'recipient'>> {
  const target = await deps.store.suggestions.replyTarget(suggestionId);
  if (!target) throw new InnspillError('suggestion_not_found');
  if (target.anonymous && !target.sealedSender) throw new InnspillError('reply_window_passed', { days: deps.settings.replyWindowDays });
  const senderId = target.senderId ?? (target.sealedSender ? deps.vault.open(target.sealedSender) : null);
  if (!senderId) throw new InnspillError('suggestion_not_found');
  const ref = parseParticipantId(senderId);
  if (ref.platform === 'console') throw new InnspillError('not_reachable');
  return {
    senderId,
    platform: ref.platform,
    workspaceId: ref.workspaceId,
    recipient: target.anonymous ? { kind: 'sealed', sealed: sealRecipient(deps, ref) } : { kind: 'user', userId: ref.userId },
  };
}
