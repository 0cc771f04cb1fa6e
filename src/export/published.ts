import { isPublished, type PublishMode } from '../domain/follow-up.ts';
import { suggestionRef, type Suggestion } from '../domain/suggestion.ts';
import { scrubPersonalData } from '../privacy/scrub.ts';
import type { ExportSource } from './model.ts';

/**
 * The suggestions the public may read: those `isPublished` lets through, without anything that
 * names the sender (no company, no id) and with e-mail addresses, phone numbers and national
 * identity numbers taken out of the text. Members keep the original. An anonymous one's segment is
 * coarsened afterwards by `publishExport`, like every other small-group rule.
 */
export function publishedSuggestions(consented: readonly Suggestion[], mode: PublishMode): ExportSource['suggestions'] {
  return consented
    // A survey's free text is published with its survey's results, once it has closed (`surveys/follow-up.ts`).
    .filter((s) => !s.survey && isPublished(s, mode))
    .map((s) => ({
      ref: suggestionRef(s.id),
      date: s.createdAt.toISOString().slice(0, 10),
      createdAt: s.createdAt.toISOString(),
      topic: s.topic,
      text: scrubPersonalData(s.text),
      area: s.segment.area,
      industry: s.segment.industry,
      sizeBand: s.segment.sizeBand,
      status: s.progress,
      note: s.statusNote === null ? null : scrubPersonalData(s.statusNote),
      anonymous: s.anonymous,
    }));
}
