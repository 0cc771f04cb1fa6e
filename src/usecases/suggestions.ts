import { InnspillError } from '../errors.ts';
import { segmentOf, workspaceKey, type Actor } from '../domain/participant.ts';
import { validSuggestionText } from '../domain/suggestion.ts';
import type { CoreDeps } from './context.ts';
import { proposeTopic } from '../topics/match.ts';
import { publishableSegment } from '../privacy/published.ts';

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
  const keywords = input.topic ? undefined : deps.settings.topicKeywords?.();
  const proposed = keywords !== undefined;
  const topic = input.topic ?? (keywords ? proposeTopic(text, keywords, deps.settings.topics) : 'other');
  if (!deps.settings.topics.includes(topic)) throw new InnspillError('unknown_topic', { topic });
  const now = deps.clock();
  const anonymous = input.anonymous ?? false;
  const participant = await deps.store.participants.touch({ ...actor, locale: actor.locale, now, quiet: anonymous });
  return deps.store.suggestions.add({
    workspaceKey: workspaceKey(actor),
    // An anonymous suggestion gets a pseudonym of its own purpose: nothing joins it to the person's named ones.
    senderKey: anonymous ? deps.vault.anonymousKey(actor.id) : deps.vault.key(actor.id),
    activityKey: deps.vault.activityKey(actor.id),
    senderId: anonymous ? null : actor.id,
    sealedSender: anonymous ? deps.vault.seal(actor.id) : null,
    topic,
    text,
    anonymous,
    publishable: input.publishable ?? false,
    companyName: anonymous ? null : (participant.profile?.companyName ?? null),
    // An anonymous suggestion keeps only the part of its segment enough others share, so even the
    // database file holds no label that points at one company.
    segment: anonymous
      ? publishableSegment(segmentOf(participant.profile), await deps.store.participants.segmentGroups(), deps.settings.minGroupSize)
      : segmentOf(participant.profile),
    createdAt: now,
    ...(delivery.dedupeKey ? { dedupeKey: delivery.dedupeKey } : {}),
    ...(proposed ? { topicProposed: true } : {}),
  });
}
