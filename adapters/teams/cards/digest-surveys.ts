import type { DigestModel } from '../../../src/digest/model.ts';
import { surveyAnswered, surveyNewResponses, surveyNewTexts, surveyResultsCommand, surveyState, surveyTextLine, surveyTitle } from '../../../src/digest/survey-phrases.ts';
import { catalog, type Locale } from '../../../src/i18n/index.ts';
import { plain, run, type Element } from './elements.ts';

/**
 * The digest's surveys on the Teams card: per survey one container (title, state, how many answered
 * and what is new, up to three new free-text answers by number, the command for the whole results),
 * kept whole on one card. Titles and answers go only into TextRuns.
 */
export function surveyItems(model: DigestModel, locale: Locale, timeZone: string): Element[] {
  const c = catalog(locale).surveyResults;
  return (model.surveys ?? []).map((s) => {
    const texts = surveyNewTexts(locale, s);
    return {
      type: 'Container',
      separator: true,
      items: [
        plain([run(surveyTitle(locale, s), { weight: 'Bolder' }), run(` (${surveyState(locale, s, timeZone)})`, { subtle: true })]),
        plain([run([surveyAnswered(locale, s), surveyNewResponses(locale, s)].filter(Boolean).join(' · '))], { spacing: 'None' }),
        ...(texts ? [plain([run(texts)], { spacing: 'None' })] : []),
        ...(s.state === 'open' ? s.newTexts.shown : []).map((t) => {
          const line = surveyTextLine(locale, t);
          return plain([run(`${line.ref} `, { weight: 'Bolder' }), run(line.text), ...(line.note ? [run(` (${line.note})`, { subtle: true })] : [])], { spacing: 'None' });
        }),
        plain([run(`${c.results}: `, { subtle: true, size: 'Small' }), run(surveyResultsCommand(s), { monospace: true, size: 'Small' })]),
      ],
    };
  });
}
