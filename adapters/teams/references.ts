import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type { Actor } from '../../src/domain/participant.ts';
import type { PlatformStateStore } from '../../src/ports/store.ts';
import { baseConversationId, tenantOf } from './identity.ts';

export const REFERENCE_NAMESPACE = 'teams.conversation';

/**
 * What a reference is kept for, within its tenant: a person's 1:1 chat with the bot; a channel or group
 * chat the bot is in; or where a person was last seen outside a 1:1 chat (their Teams account and the
 * region's serviceUrl), from which a 1:1 chat can be opened when they have none yet.
 */
export type ReferenceTarget =
  | { kind: 'user'; tenantId: string; userId: string }
  | { kind: 'member'; tenantId: string; userId: string }
  | { kind: 'conversation'; tenantId: string; conversationId: string };

export function referenceKey(target: ReferenceTarget): string {
  return target.kind === 'conversation' ? `${target.tenantId}:conversation:${target.conversationId}` : `${target.tenantId}:${target.kind}:${target.userId}`;
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
 * Only a new or changed reference is written: a reference rarely changes, and a card click in a
 * channel would otherwise cost two writes beside its vote.
 */
export function createReferenceBook(state: PlatformStateStore, clock: () => Date) {
  return {
    async remember(activity: Activity, target: ReferenceTarget): Promise<void> {
      const reference = activity.getConversationReference();
      // A channel reference posts new top-level messages, not replies in the thread it was seen in.
      const conversation = { ...reference.conversation, id: target.kind === 'conversation' ? target.conversationId : reference.conversation.id };
      const stored: ConversationReference = { ...reference, conversation, activityId: undefined };
      const key = referenceKey(target);
      const known = await state.get<ConversationReference>(REFERENCE_NAMESPACE, key);
      if (known && JSON.stringify(known) === JSON.stringify(stored)) return;
      await state.put(REFERENCE_NAMESPACE, key, stored, clock());
    },
    find: (target: ReferenceTarget) => state.get<ConversationReference>(REFERENCE_NAMESPACE, referenceKey(target)),
    forget: (target: ReferenceTarget) => state.delete(REFERENCE_NAMESPACE, referenceKey(target)),
  };
}

export type ReferenceBook = ReturnType<typeof createReferenceBook>;
