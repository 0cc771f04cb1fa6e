import * as z from 'zod';
import { catalog } from '../../../src/i18n/index.ts';
import type { Answers } from '../../../src/surveys/answers.ts';
import { textIn } from '../../../src/surveys/definition.ts';
import { cardPages, inputIdOf, surveyCard } from '../cards/survey-card.ts';
import type { Reply } from '../reply.ts';
import { explain, type Turn } from './turn.ts';

const submission = z.object({ surveyId: z.coerce.number().int().positive(), page: z.coerce.number().int().min(0).max(29) }).loose();

/**
 * A survey card's Action.Execute: the page's inputs (Teams sends every input, a multi-select as
 * comma-separated keys) are read into answers and saved by the core, which refuses what is wrong;
 * the card then shows the next page, the problems on the same page, or the thanks.
 */
export async function answerSurvey(turn: Turn, value: unknown): Promise<Reply> {
  const { core, locale } = turn;
  const s = catalog(locale).surveys;
  const fallback = core.settings.defaultLocale;
  const parsed = submission.safeParse(value);
  if (!parsed.success) return { text: catalog(locale).teams.staleCard };
  const { surveyId, page } = parsed.data;
  const fields = parsed.data as Record<string, unknown>;
  try {
    const current = await core.surveys.forAnswering(turn.actor, surveyId);
    const definition = current.survey.definition;
    const pages = cardPages(definition);
    const questions = pages[page];
    if (!questions) return { text: catalog(locale).teams.staleCard };
    const answers: Answers = {};
    for (const q of questions) {
      const raw = fields[inputIdOf(q.id)];
      if (raw === undefined || raw === null || raw === '') continue;
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        // Not what a card sends: passed on as it is, for the core to refuse.
        answers[q.id] = raw as Answers[string];
        continue;
      }
      const text = String(raw);
      answers[q.id] = q.type === 'multiple' ? text.split(',').filter(Boolean) : q.type === 'scale' && /^\d$/.test(text) ? Number(text) : text;
    }
    const last = page === pages.length - 1;
    const saved = await core.surveys.save(turn.actor, surveyId, answers, { only: questions.map((q) => q.id), finish: last });
    if (!saved.ok) {
      const problems = saved.issues.map((i) => {
        const q = definition.questions.find((x) => x.id === i.questionId);
        return `${q ? textIn(q.text, locale, fallback) : i.questionId}: ${s.problems[i.problem]({ limit: i.limit ?? 0 })}`;
      });
      return { card: surveyCard(surveyId, definition, { ...current.answers, ...answers }, page, locale, fallback, { problems }) };
    }
    if (!last) return { card: surveyCard(surveyId, definition, saved.answers, page + 1, locale, fallback) };
    // The answers stay on the card under the thanks, so they can be changed until the survey closes.
    return { card: surveyCard(surveyId, definition, saved.answers, 0, locale, fallback, { heading: s.thanks }) };
  } catch (error) {
    return { text: explain(turn, error) };
  }
}
