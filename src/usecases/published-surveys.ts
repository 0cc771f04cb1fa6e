import { publishedTexts } from '../surveys/follow-up.ts';
import { publishSurvey, type PublishedSurvey } from '../surveys/publish.ts';
import { aggregateSurvey } from '../surveys/results.ts';
import type { CoreDeps } from './context.ts';
import { surveyClosedAt } from './surveys.ts';

/**
 * The surveys the public may see: only those that have closed (nothing of a running survey is
 * published), with their results under the small-group rule and the free text members let through.
 */
export async function publishedSurveys(deps: CoreDeps): Promise<PublishedSurvey[]> {
  const now = deps.clock();
  const found: PublishedSurvey[] = [];
  for (const survey of await deps.store.surveys.list()) {
    const sends = await deps.store.surveys.sends(survey.id);
    const closedAt = surveyClosedAt(survey, sends);
    if (!closedAt || closedAt > now) continue;
    const [responses, items] = await Promise.all([deps.store.surveys.responses(survey.id), deps.store.surveys.textAnswers(survey.id)]);
    const recipients = sends.reduce((n, s) => n + s.recipients, 0);
    const results = aggregateSurvey(survey.definition, responses, recipients, deps.settings.minGroupSize);
    found.push(publishSurvey(survey, closedAt, results, publishedTexts(items, deps.settings.publishMode, true), deps.settings.minGroupSize));
  }
  return found;
}
