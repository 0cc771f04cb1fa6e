import type { DigestModel, DigestPeriod } from '../digest/model.ts';
import { digestSurvey, surveyNews, type DigestSurvey } from '../digest/surveys.ts';
import type { CoreDeps } from './context.ts';
import { isSurveyOpen, surveyClosedAt } from './surveys.ts';

/** The surveys of a digest: each running at the period's end, and each that closed in it. */
export async function digestSurveys(deps: CoreDeps, period: DigestPeriod): Promise<DigestSurvey[]> {
  const found: DigestSurvey[] = [];
  for (const survey of await deps.store.surveys.list()) {
    const sends = await deps.store.surveys.sends(survey.id);
    const open = isSurveyOpen(survey, sends, period.end);
    const closed = surveyClosedAt(survey, sends);
    if (!open && !(closed && closed >= period.start && closed < period.end)) continue;
    const [responses, newResponses, texts] = await Promise.all([
      deps.store.surveys.responses(survey.id),
      deps.store.surveys.newResponses(survey.id, period),
      open ? deps.store.surveys.textAnswers(survey.id) : [],
    ]);
    const input = {
      id: survey.id,
      title: survey.definition.title,
      state: open ? ('open' as const) : ('closed' as const),
      closesAt: survey.closesAt,
      recipients: sends.reduce((n, s) => n + s.recipients, 0),
      responses: responses.filter((r) => r.complete).length,
      newResponses,
      texts,
    };
    found.push(digestSurvey(input, period, deps.settings.publishMode, deps.settings.minGroupSize));
  }
  return found;
}

/** The surveys join the digest; a period in which one closed or got answers is not an empty one. */
export function withSurveys(model: DigestModel, surveys: DigestSurvey[]): DigestModel {
  if (!surveys.length) return model;
  return { ...model, surveys, empty: model.empty && !surveys.some(surveyNews) };
}
