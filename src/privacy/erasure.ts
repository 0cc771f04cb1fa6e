import { parseDigest, serializeDigest } from '../digest/serialize.ts';

/**
 * A digest already rendered into the outbox, with an erased person's suggestions taken out (text,
 * company and segment go with them). Null when the payload cannot be read: it is then purged whole.
 */
export function scrubDigest(digest: unknown, suggestionIds: ReadonlySet<number>): unknown {
  let model;
  try {
    model = parseDigest(digest);
  } catch {
    return null;
  }
  const topics = model.topics.map((t) => {
    const kept = t.suggestions.filter((s) => !suggestionIds.has(s.id));
    return { ...t, count: t.count - (t.suggestions.length - kept.length), suggestions: kept };
  });
  return serializeDigest({ ...model, topics: topics.filter((t) => t.count > 0) });
}

/** Whether a rendered digest holds any of these suggestions. */
export function digestMentions(digest: unknown, suggestionIds: ReadonlySet<number>): boolean {
  const topics = (digest as { topics?: { suggestions?: { id?: unknown }[] }[] } | null)?.topics ?? [];
  return topics.some((t) => (t.suggestions ?? []).some((s) => typeof s.id === 'number' && suggestionIds.has(s.id)));
}
