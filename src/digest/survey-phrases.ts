import { suggestionRef } from '../domain/suggestion.ts';
import { catalog, countOf, formatNumber, type Locale } from '../i18n/index.ts';
import { textIn } from '../surveys/definition.ts';
import { brief } from './phrases.ts';
import { formatDateTime, percent } from './format.ts';
import type { Dialect } from './markdown.ts';
import { countText } from './published-text.ts';
import type { DigestModel } from './model.ts';
import type { DigestSurvey, DigestSurveyText } from './surveys.ts';

/*
 * A survey's sentences in the digest, shared by the Markdown, Block Kit and Adaptive Card renderings.
 * Plain text: each renderer escapes it for its own markup.
 */

export const surveyTitle = (locale: Locale, s: DigestSurvey) => textIn(s.title, locale, locale);

/** "åpen til 7. des. 14:00", "åpen" or "stengt i perioden". */
export function surveyState(locale: Locale, s: DigestSurvey, timeZone: string): string {
  const c = catalog(locale).surveyResults;
  if (s.state === 'closed') return c.closed;
  return s.closesAt ? c.openUntil({ at: formatDateTime(locale, s.closesAt, timeZone) }) : c.open;
}

/** "12 av 40 har svart (30 %)", or "færre enn 5 av 40 har svart" with no rate that would give the count away. */
export function surveyAnswered(locale: Locale, s: DigestSurvey): string {
  const c = catalog(locale).surveyResults;
  const count = countText(locale, s.responses);
  const line = s.recipients > 0 ? c.answeredOf({ count, of: formatNumber(locale, s.recipients) }) : c.answered({ count });
  return s.responseRate === null ? line : `${line} (${percent(s.responseRate, locale)})`;
}

/** "5 nye svar siden forrige oppsummering", "færre enn 5 …"; nothing for a survey that closed. */
export function surveyNewResponses(locale: Locale, s: DigestSurvey): string | null {
  if (s.state === 'closed') return null;
  const noun = catalog(locale).surveyResults.newResponses;
  return s.newResponses.fewerThan === undefined ? countOf(locale, s.newResponses.count, noun) : `${countText(locale, s.newResponses)} ${noun.other}`;
}

/** How many new free-text answers will be published and how many wait for review; null when none. */
export function surveyNewTexts(locale: Locale, s: DigestSurvey): string | null {
  const { published, waiting } = s.newTexts;
  if (s.state === 'closed' || published + waiting === 0) return null;
  return catalog(locale).surveyResults.newTexts({ published: formatNumber(locale, published), waiting: formatNumber(locale, waiting) });
}

/** One new free-text answer: its number (to approve or hide it), the text cut short, and whether it waits. */
export function surveyTextLine(locale: Locale, t: DigestSurveyText): { ref: string; text: string; note: string | null } {
  return { ref: suggestionRef(t.id), text: brief(t.text, 200), note: t.waiting ? catalog(locale).surveyResults.waiting : null };
}

/** Where a member reads the whole results. */
export const surveyResultsCommand = (s: DigestSurvey) => `npx innspill survey results ${s.id}`;

/** The surveys as Markdown or plain text, after the polls. */
export function surveysText(model: DigestModel, locale: Locale, timeZone: string, d: Dialect): string[] {
  const surveys = model.surveys ?? [];
  if (!surveys.length) return [];
  const out = d.heading(2, catalog(locale).surveyResults.heading);
  for (const s of surveys) {
    out.push(`${d.strong(d.user(surveyTitle(locale, s)))} (${surveyState(locale, s, timeZone)})`);
    out.push(`${d.bullet} ${[surveyAnswered(locale, s), surveyNewResponses(locale, s)].filter(Boolean).join(' · ')}`);
    const texts = surveyNewTexts(locale, s);
    if (texts) out.push(`${d.bullet} ${texts}`);
    for (const t of s.state === 'open' ? s.newTexts.shown : []) {
      const line = surveyTextLine(locale, t);
      out.push(`  ${d.bullet} ${d.strong(line.ref)} ${d.user(line.text)}${line.note ? ` (${line.note})` : ''}`);
    }
    out.push(`${d.bullet} ${catalog(locale).surveyResults.results}: ${d.code(surveyResultsCommand(s))}`, '');
  }
  return out;
}
