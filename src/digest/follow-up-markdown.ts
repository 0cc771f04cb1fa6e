import { suggestionRef } from '../domain/suggestion.ts';
import { catalog, type Locale } from '../i18n/index.ts';
import { oneLine } from './format.ts';
import type { Dialect } from './markdown.ts';
import type { DigestModel } from './model.ts';

/**
 * After "needs you" (whose first items are what waits for review): how many wait in all, and what
 * changed status in the period, as Markdown or plain text.
 */
export function followUpText(model: DigestModel, locale: Locale, d: Dialect): string[] {
  const f = catalog(locale).followUp;
  const followUp = model.followUp;
  const out: string[] = [];
  if (!followUp) return out;
  if (followUp.waitingCount) out.push(f.digestWaiting({ count: followUp.waitingCount }), '');
  if (followUp.changed.length) {
    out.push(...d.heading(2, f.digestStatusChanges));
    for (const c of followUp.changed) out.push(`${d.bullet} ${d.strong(suggestionRef(c.id))}: ${f.progress[c.progress]}${c.note ? ` – ${d.user(oneLine(c.note))}` : ''}`);
    out.push('');
  }
  return out;
}
