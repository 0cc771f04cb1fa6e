import type { DigestFollowUp, DigestModel, DigestPeriod } from '../digest/model.ts';
import type { CoreDeps } from './context.ts';

/** Waiting suggestions listed by name in a digest; the rest are counted. */
const WAITING_SHOWN = 10;
const CHANGED_SHOWN = 30;
/** Counted beyond this, the queue is "more than" (the digest is a nudge, not the queue itself). */
const WAITING_COUNTED = 1000;

/** What waits for review now, and what changed status in the period: the digest's first section. */
export async function digestFollowUp(deps: CoreDeps, period: DigestPeriod): Promise<DigestFollowUp> {
  const [waiting, changed] = await Promise.all([deps.store.followUp.reviewQueue(WAITING_COUNTED), deps.store.followUp.statusChangesIn(period, CHANGED_SHOWN)]);
  return {
    waitingCount: waiting.length,
    waiting: waiting.slice(0, WAITING_SHOWN).map((s) => ({ id: s.id, topic: s.topic, text: s.text })),
    changed: changed.map((s) => ({ id: s.id, progress: s.progress, note: s.statusNote })),
  };
}

/** Adds the section; a period with something waiting or changed is not an empty one. */
export function withFollowUp(model: DigestModel, followUp: DigestFollowUp): DigestModel {
  const something = followUp.waitingCount > 0 || followUp.changed.length > 0;
  return { ...model, followUp, empty: model.empty && !something };
}
