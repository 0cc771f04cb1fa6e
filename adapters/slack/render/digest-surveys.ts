import type { DigestModel } from '../../../src/digest/model.ts';
import { surveyAnswered, surveyNewResponses, surveyNewTexts, surveyResultsCommand, surveyState, surveyTextLine, surveyTitle } from '../../../src/digest/survey-phrases.ts';
import { catalog, type Locale } from '../../../src/i18n/index.ts';
import { escapedWithin, escapeMrkdwn, section } from './text.ts';

/**
 * The digest's surveys in Block Kit: per survey one section (title, state, how many answered and
 * what is new, up to three new free-text answers by number) and a context line with the command
 * for the whole results. Each survey's blocks stay together in one message part.
 */
export function surveyBlocks(model: DigestModel, locale: Locale, timeZone: string): Record<string, unknown>[][] {
  const c = catalog(locale).surveyResults;
  return (model.surveys ?? []).map((s) => {
    const lines = [
      `*${escapedWithin(surveyTitle(locale, s), 200)}* (${escapeMrkdwn(surveyState(locale, s, timeZone))})`,
      escapeMrkdwn([surveyAnswered(locale, s), surveyNewResponses(locale, s)].filter(Boolean).join(' · ')),
    ];
    const texts = surveyNewTexts(locale, s);
    if (texts) lines.push(escapeMrkdwn(texts));
    for (const t of s.state === 'open' ? s.newTexts.shown : []) {
      const line = surveyTextLine(locale, t);
      lines.push(`• *${line.ref}* ${escapedWithin(line.text, 400)}${line.note ? ` _(${escapeMrkdwn(line.note)})_` : ''}`);
    }
    return [section(lines.join('\n')), { type: 'context', elements: [{ type: 'mrkdwn', text: `${escapeMrkdwn(c.results)}: \`${surveyResultsCommand(s)}\`` }] }];
  });
}
