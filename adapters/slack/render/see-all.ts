import type { DigestSuggestion } from '../../../src/digest/model.ts';
import { catalog, formatNumber, label, type Locale } from '../../../src/i18n/index.ts';
import { SEE_ALL_PAGE } from '../../../src/usecases/reports.ts';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { DIGEST_ACTIONS, periodText, seeAllValue, suggestionBlock, suggestionLine, type SeeAllTarget } from './digest.ts';
import { escapeMrkdwn, plain, section, LIMITS } from './text.ts';

/**
 * One page of a digest topic's suggestions in a modal, one line each with its "…" menu (reply to
 * the sender, read the whole text), and buttons to the previous and next page. A page is 50
 * suggestions, so a view stays far under 100 blocks and Slack's 250 kB.
 */
export function seeAllModal(locale: Locale, timeZone: string, target: SeeAllTarget, suggestions: DigestSuggestion[]) {
  return seeAllPage(locale, timeZone, target, suggestions);
}

/** A suggestion's whole text, with the button to answer its sender: what the "…" menu's "show" opens. */
export function fullTextModal(locale: Locale, suggestion: DigestSuggestion) {
  const s = catalog(locale).slack;
  return { type: 'modal' as const, title: plain(suggestionRef(suggestion.id), LIMITS.modalTitle), close: plain(s.close, LIMITS.modalTitle), blocks: [suggestionBlock(locale, suggestion, LIMITS.text - 400)] };
}

function seeAllPage(locale: Locale, timeZone: string, target: SeeAllTarget, suggestions: DigestSuggestion[]) {
  const s = catalog(locale).slack;
  const first = target.page * SEE_ALL_PAGE;
  const period = periodText(locale, { start: new Date(target.start), end: new Date(target.end) }, timeZone);
  const blocks: unknown[] = [section(s.seeAllHeading({ topic: escapeMrkdwn(label(locale, 'topics', target.topic)), ...period }))];
  if (suggestions.length) {
    const range = { from: formatNumber(locale, first + 1), to: formatNumber(locale, first + suggestions.length), total: formatNumber(locale, Math.max(target.count, first + suggestions.length)) };
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(s.seeAllRange(range)) }] });
    blocks.push(...suggestions.map((x) => suggestionLine(locale, x)));
  } else blocks.push(section(escapeMrkdwn(s.seeAllEmpty)));

  const page = (p: number, text: string) => ({ type: 'button', action_id: p < target.page ? DIGEST_ACTIONS.previous : DIGEST_ACTIONS.next, text: plain(text, LIMITS.buttonText), value: seeAllValue({ ...target, page: p }) });
  // A full page may be followed by more: the next one says so if it is empty.
  const nav = [...(target.page > 0 ? [page(target.page - 1, s.previous)] : []), ...(suggestions.length === SEE_ALL_PAGE ? [page(target.page + 1, s.next)] : [])];
  if (nav.length) blocks.push({ type: 'actions', elements: nav });
  return {
    type: 'modal' as const,
    title: plain(s.seeAllTitle, LIMITS.modalTitle),
    close: plain(s.close, LIMITS.modalTitle),
    blocks,
  };
}
