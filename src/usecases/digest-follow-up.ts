import type { AttentionItem, DigestFollowUp, DigestModel, DigestPeriod, DigestSuggestion } from '../digest/model.ts';
import type { Suggestion } from '../domain/suggestion.ts';
import type { CoreDeps } from './context.ts';

/** Waiting suggestions put into "needs you" by name (the oldest few, so the rest of it still shows); the rest are counted. */
const WAITING_SHOWN = 3;
const CHANGED_SHOWN = 30;
/** Senders' answers in "needs you": each asks a member to read on, so all of a week's (up to this many) are there. */
const ANSWERS_SHOWN = 20;
/** Counted beyond this, the queue is "more than" (the digest is a nudge, not the queue itself). */
const WAITING_COUNTED = 1000;

/** A waiting suggestion as the digest shows it: members read the original text; an anonymous one carries only its stored (k-level) segment. */
function digestSuggestion(s: Suggestion): DigestSuggestion {
  return { id: s.id, topic: s.topic, text: s.text, anonymous: s.anonymous, companyName: s.anonymous ? null : s.companyName, segment: s.segment, createdAt: s.createdAt };
}

/** What waits for review now (the oldest few as attention items), and what changed status in the period. */
export async function digestFollowUp(deps: CoreDeps, period: DigestPeriod): Promise<{ review: AttentionItem[]; followUp: DigestFollowUp }> {
  const [waiting, changed, answers] = await Promise.all([
    deps.store.followUp.reviewQueue(WAITING_COUNTED),
    deps.store.followUp.statusChangesIn(period, CHANGED_SHOWN),
    deps.store.followUp.answersIn(period, ANSWERS_SHOWN),
  ]);
  return {
    review: [
      ...answers.map((a): AttentionItem => ({ kind: 'answer', suggestion: digestSuggestion(a.suggestion), text: a.text })),
      ...waiting.slice(0, WAITING_SHOWN).map((s): AttentionItem => ({ kind: 'review', suggestion: digestSuggestion(s) })),
    ],
    followUp: { waitingCount: waiting.length, changed: changed.map((s) => ({ id: s.id, progress: s.progress, note: s.statusNote })) },
  };
}

/** Review items open "needs you" (they ask the most of a member); a period with something waiting or changed is not an empty one. */
export function withFollowUp(model: DigestModel, { review, followUp }: Awaited<ReturnType<typeof digestFollowUp>>): DigestModel {
  const something = review.length > 0 || followUp.waitingCount > 0 || followUp.changed.length > 0;
  return { ...model, attention: [...review, ...model.attention], followUp, empty: model.empty && !something };
}
