import type { DigestSuggestion } from '../../../src/digest/model.ts';
import { catalog, formatNumber, label, type Locale } from '../../../src/i18n/index.ts';
import { SEE_ALL_PAGE } from '../../../src/usecases/reports.ts';
import { DIGEST_ACTIONS, periodText, seeAllValue, suggestionBlock, type SeeAllTarget } from './digest.ts';
import { escapeMrkdwn, plain, section, LIMITS } from './text.ts';

/**
 * How much of each suggestion a page shows: as much as fits a section with its tags, less when the
 * page would pass Slack's 250 kB per view (`view_too_large`), as fifty long texts of emoji could.
 */
const TEXT_MAX = [2200, 1000, 400] as const;
const VIEW_BYTES = 240_000;

/**
 * One page of a digest topic's suggestions in a modal, each with its Reply button, and buttons to
 * the previous and next page. A page is 50 suggestions, so a view stays far under 100 blocks.
 */
export function seeAllModal(locale: Locale, timeZone: string, target: SeeAllTarget, suggestions: DigestSuggestion[]) {
  const [widest, ...narrower] = TEXT_MAX;
  let view = seeAllPage(locale, timeZone, target, suggestions, widest);
  for (const max of narrower) {
    if (Buffer.byteLength(JSON.stringify(view)) <= VIEW_BYTES) break;
    view = seeAllPage(locale, timeZone, target, suggestions, max);
  }
  return view;
}

function seeAllPage(locale: Locale, timeZone: string, target: SeeAllTarget, suggestions: DigestSuggestion[], textMax: number) {
  const s = catalog(locale).slack;
  const first = target.page * SEE_ALL_PAGE;
  const period = periodText(locale, { start: new Date(target.start), end: new Date(target.end) }, timeZone);
  const blocks: unknown[] = [section(s.seeAllHeading({ topic: escapeMrkdwn(label(locale, 'topics', target.topic)), ...period }))];
  if (suggestions.length) {
    const range = { from: formatNumber(locale, first + 1), to: formatNumber(locale, first + suggestions.length), total: formatNumber(locale, Math.max(target.count, first + suggestions.length)) };
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(s.seeAllRange(range)) }] });
    blocks.push(...suggestions.map((x) => suggestionBlock(locale, x, textMax)));
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
