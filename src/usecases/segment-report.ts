import { resultsVisible } from '../domain/poll.ts';
import type { DigestPeriod } from '../digest/model.ts';
import { buildSegmentReport } from '../report/build.ts';
import type { SegmentReport } from '../report/model.ts';
import type { CoreDeps } from './context.ts';

/**
 * Results by area, industry and size for a period (`innspill report`, the export's segment section):
 * only polls whose results may be shown now, and every cut under the small-group rule.
 */
export async function segmentReport(deps: CoreDeps, period: DigestPeriod): Promise<SegmentReport> {
  const raw = await deps.store.followUp.reportInput(period);
  const now = deps.clock();
  const visible = new Set(raw.polls.filter((p) => resultsVisible(p.poll, now)).map((p) => p.poll.id));
  return buildSegmentReport(
    {
      suggestions: raw.suggestions,
      polls: raw.polls.filter((p) => visible.has(p.poll.id)).map(({ poll, voters, counts }) => ({ id: poll.id, question: poll.question, options: poll.options, voters, counts })),
      votes: raw.votes.filter((v) => visible.has(v.pollId)),
      voters: raw.voters.filter((v) => visible.has(v.pollId)),
    },
    period,
    deps.settings.minGroupSize,
  );
}
