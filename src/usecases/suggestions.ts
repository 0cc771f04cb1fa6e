import { InnspillError } from '../errors.ts';
import { segmentOf, workspaceKey, type Actor } from '../domain/participant.ts';
import { validSuggestionText } from '../domain/suggestion.ts';
import type { CoreDeps } from './context.ts';
import { proposeTopic } from '../topics/match.ts';

export interface SuggestionInput {
  text: string;
  topic?: string | undefined;
  anonymous?: boolean | undefined;
  publishable?: boolean | undefined;
}

export interface Delivery {
  /** The platform's id for this delivery (Slack event_id, Teams activity id); a replay is stored once. */
  dedupeKey?: string | undefined;
}

export async function submitSuggestion(deps: CoreDeps, actor: Actor, input: SuggestionInput, delivery: Delivery = {}) {
  const text = validSuggestionText(input.text);
  // No topic chosen (a direct message, `/innspill <text>`): propose one from the words, marked as proposed.
  const proposed = !input.topic && deps.settings.topicKeywords !== undefined;
  const topic = input.topic ?? (proposed ? proposeTopic(text, deps.settings.topicKeywords!, deps.settings.topics) : 'other');
  if (!deps.settings.topics.includes(topic)) throw new InnspillError('unknown_topic', { topic });
  const now = deps.clock();
  const participant = await deps.store.participants.touch({ ...actor, locale: actor.locale, now });
  const anonymous = input.anonymous ?? false;
  return deps.store.suggestions.add({
    workspaceKey: workspaceKey(actor),
    senderKey: deps.vault.key(actor.id),
    senderId: anonymous ? null : actor.id,
    sealedSender: anonymous ? deps.vault.seal(actor.id) : null,
    topic,
    text,
    anonymous,
    publishable: input.publishable ?? false,
    companyName: anonymous ? null : (participant.profile?.companyName ?? null),
    segment: segmentOf(participant.profile),
    createdAt: now,
    ...(delivery.dedupeKey ? { dedupeKey: delivery.dedupeKey } : {}),
    ...(proposed ? { topicProposed: true } : {}),
  });
}
