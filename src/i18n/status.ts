import type { Suggestion } from '../domain/suggestion.ts';
import { catalog } from './index.ts';
import type { Locale } from './locale.ts';

/** Where a suggestion stands, as its sender reads it in "mine": hidden, or its status. */
export function statusText(s: Pick<Suggestion, 'status' | 'progress'>, locale: Locale): string {
  const c = catalog(locale);
  return s.status === 'hidden' ? c.messages.statusHidden : c.followUp.progress[s.progress];
}
