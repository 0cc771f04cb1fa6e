import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type { Actor } from '../../src/domain/participant.ts';
import type { PlatformStateStore } from '../../src/ports/store.ts';
import { baseConversationId, tenantOf } from './identity.ts';

export const REFERENCE_NAMESPACE = 'teams.conversation';

/** A person's 1:1 chat with the bot, or a channel or group chat the bot is in, keyed within its tenant. */
export type ReferenceTarget = { kind: 'user'; tenantId: string; userId: string } | { kind: 'conversation'; tenantId: string; conversationId: string };

export function referenceKey(target: ReferenceTarget): string {
  return target.kind === 'user' ? `${target.tenantId}:user:${target.userId}` : `${target.tenantId}:conversation:${target.conversationId}`;
}

/** Where this activity's conversation is kept: by the person in a 1:1 chat, else by the chat or channel. */
export function targetOf(activity: Activity, actor: Actor | null): ReferenceTarget | null {
  const tenantId = actor?.workspaceId ?? tenantOf(activity);
  const conversationId = activity.conversation?.id;
  if (!tenantId || !conversationId) return null;
  if (isPersonal(activity)) return actor ? { kind: 'user', tenantId, userId: actor.userId } : null;
  return { kind: 'conversation', tenantId, conversationId: baseConversationId(conversationId) };
}

/** A 1:1 chat; local tools that leave out the conversation type only do 1:1 chats. */
export function isPersonal(activity: Activity): boolean {
  const type = activity.conversation?.conversationType;
  return type ? type === 'personal' : !activity.conversation?.isGroup;
}

/**
 * Conversation references (with the serviceUrl of the tenant's region) for proactive messages: kept on
 * install and on every message, removed on uninstall or when Teams says the bot can no longer write there.
 */
export function createReferenceBook(state: PlatformStateStore, clock: () => Date) {
  return {
    async remember(activity: Activity, target: ReferenceTarget): Promise<void> {
      const reference = activity.getConversationReference();
      // A channel reference posts new top-level messages, not replies in the thread it was seen in.
      const conversation = { ...reference.conversation, id: target.kind === 'conversation' ? target.conversationId : reference.conversation.id };
      const stored: ConversationReference = { ...reference, conversation, activityId: undefined };
      await state.put(REFERENCE_NAMESPACE, referenceKey(target), stored, clock());
    },
    find: (target: ReferenceTarget) => state.get<ConversationReference>(REFERENCE_NAMESPACE, referenceKey(target)),
    forget: (target: ReferenceTarget) => state.delete(REFERENCE_NAMESPACE, referenceKey(target)),
  };
}

export type ReferenceBook = ReturnType<typeof createReferenceBook>;
