import { suggestionRef } from '../domain/suggestion.ts';
import { catalog, label, type Locale } from '../i18n/index.ts';
import { oneLine } from './format.ts';
import { escapeMarkdown } from './markdown.ts';
import type { DigestModel } from './model.ts';

/** The digest's first section in Markdown: what waits for review, and what changed status. */
export function followUpMarkdown(model: DigestModel, locale: Locale): string[] {
  const f = catalog(locale).followUp;
  const out: string[] = [];
  const followUp = model.followUp;
  if (!followUp) return out;
  if (followUp.waitingCount) {
    out.push(`## ${f.digestWaiting({ count: followUp.waitingCount })}`, '');
    for (const w of followUp.waiting) out.push(`- ${suggestionRef(w.id)} · ${escapeMarkdown(label(locale, 'topics', w.topic))}: ${escapeMarkdown(oneLine(w.text).slice(0, 200))}`);
    out.push('');
  }
  if (followUp.changed.length) {
    out.push(`## ${f.digestStatusChanges}`, '');
    for (const c of followUp.changed) out.push(`- ${suggestionRef(c.id)}: ${f.progress[c.progress]}${c.note ? ` – ${escapeMarkdown(oneLine(c.note))}` : ''}`);
    out.push('');
  }
  return out;
}
