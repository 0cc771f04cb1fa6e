import type { AttentionItem } from '../digest/model.ts';
import { parseDigest, serializeDigest } from '../digest/serialize.ts';

/**
 * A digest already rendered into the outbox, with an erased person's suggestions taken out wherever
 * the digest holds them (the full list, the topics' examples, what needs a member): text, company and
 * segment go with them. Null when the payload cannot be read: it is then purged whole.
 */
export function scrubDigest(digest: unknown, suggestionIds: ReadonlySet<number>): unknown {
  let model;
  try {
    model = parseDigest(digest);
  } catch {
    return null;
  }
  const gone = (id: number) => suggestionIds.has(id);
  const topics = model.topics.map((t) => {
    const kept = t.suggestions.filter((s) => !gone(s.id));
    return { ...t, count: t.count - (t.suggestions.length - kept.length), suggestions: kept };
  });
  const attention = model.attention.flatMap((item): AttentionItem[] => {
    if (item.kind === 'closingPoll') return [item];
    if (gone(item.suggestion.id)) return [];
    return item.kind === 'similar' ? [{ ...item, similarIds: item.similarIds.filter((id) => !gone(id)) }] : [item];
  });
  const themes = model.themes.map((t) => ({ ...t, samples: t.samples.filter((s) => !gone(s.id)) }));
  const followUp = model.followUp && { ...model.followUp, changed: model.followUp.changed.filter((c) => !gone(c.id)) };
  return serializeDigest({ ...model, topics: topics.filter((t) => t.count > 0), themes, attention, ...(followUp ? { followUp } : {}) });
}

/** Whether a rendered digest holds any of these suggestions, anywhere in it. */
export function digestMentions(digest: unknown, suggestionIds: ReadonlySet<number>): boolean {
  const d = digest as {
    topics?: { suggestions?: { id?: unknown }[] }[];
    themes?: { samples?: { id?: unknown }[] }[];
    attention?: { suggestion?: { id?: unknown }; similarIds?: unknown[] }[];
    followUp?: { changed?: { id?: unknown }[] };
  } | null;
  const has = (id: unknown) => typeof id === 'number' && suggestionIds.has(id);
  return (
    (d?.topics ?? []).some((t) => (t.suggestions ?? []).some((s) => has(s.id))) ||
    (d?.themes ?? []).some((t) => (t.samples ?? []).some((s) => has(s.id))) ||
    (d?.attention ?? []).some((a) => has(a.suggestion?.id) || (a.similarIds ?? []).some(has)) ||
    (d?.followUp?.changed ?? []).some((c) => has(c.id))
  );
}
