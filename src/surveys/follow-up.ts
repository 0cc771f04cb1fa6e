import { isPublished, type PublishMode } from '../domain/follow-up.ts';
import { catalog, type Locale } from '../i18n/index.ts';
import type { Suggestion } from '../domain/suggestion.ts';
import type { SurveyTextAnswer } from '../ports/surveys.ts';
import { scrubPersonalData } from '../privacy/scrub.ts';
import type { Answers } from './answers.ts';
import type { SurveyDefinition } from './definition.ts';

/**
 * Survey free text in the follow-up loop. Each answer to a `text` or `longtext` question is also a
 * follow-up item (a suggestion marked with its survey and question), so the review queue,
 * approve/hide/restore, topics and statuses work on it unchanged, on every surface. It is
 * anonymous (the respondent's pseudonym for that survey, no sender, no segment) and consented: a
 * survey's answers are gathered to be published, after moderation and once the survey closes.
 */

/** The response's free-text answers as follow-up items, each with a topic proposed from its words. */
export function textAnswersOf(definition: SurveyDefinition, answers: Answers, topicOf: (text: string) => string): SurveyTextAnswer[] {
  return definition.questions.flatMap((q) => {
    const answer = answers[q.id];
    if ((q.type !== 'text' && q.type !== 'longtext') || typeof answer !== 'string' || !answer.trim()) return [];
    return [{ questionId: q.id, text: answer, topic: topicOf(answer) }];
  });
}

/**
 * The free text of a survey the public may read: nothing while it runs, and once it is closed the
 * answers `isPublished` lets through (moderation under PUBLISH_MODE), scrubbed of personal data,
 * grouped by question in the survey's order.
 */
export function publishedTexts(items: readonly Suggestion[], mode: PublishMode, closed: boolean): Map<string, string[]> {
  const byQuestion = new Map<string, string[]>();
  if (!closed) return byQuestion;
  for (const item of items) {
    if (!item.survey || !isPublished(item, mode)) continue;
    const list = byQuestion.get(item.survey.questionId) ?? [];
    list.push(scrubPersonalData(item.text));
    byQuestion.set(item.survey.questionId, list);
  }
  return byQuestion;
}

/**
 * An item's topic as the review queue shows it on every surface: the topic's name, "(foreslått)" when
 * the topic was proposed from the words, and " · svar på undersøkelse 1 (expectation)" for a survey answer.
 */
export function reviewTopic(locale: Locale, s: Pick<Suggestion, 'topicProposed' | 'survey'>, topicName: string): string {
  const c = catalog(locale);
  const proposed = s.topicProposed ? ` ${c.followUp.proposed}` : '';
  const answer = s.survey ? ` · ${c.surveyResults.answerTo({ id: s.survey.id, question: s.survey.questionId })}` : '';
  return `${topicName}${proposed}${answer}`;
}
