import { AREAS, INDUSTRIES, SIZE_BANDS } from '../domain/participant.ts';
import { buildDigest } from '../digest/build.ts';
import type { DigestModel, DigestPeriod } from '../digest/model.ts';
import type { ExportData } from '../export/model.ts';
import type { CoreDeps } from './context.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The digest of one period, compared with the period of equal length before it. */
export async function digestFor(deps: CoreDeps, period: DigestPeriod): Promise<DigestModel> {
  const length = period.end.getTime() - period.start.getTime();
  const previous = { start: new Date(period.start.getTime() - length), end: period.start };
  const input = await deps.store.reports.digestInput(period, previous);
  return buildDigest(input, { topics: deps.settings.topics, areas: AREAS, industries: INDUSTRIES, sizes: SIZE_BANDS });
}

/** The last seven days up to now, or from `since`: what `digest --preview` shows by default. */
export function previewPeriod(now: Date, since?: Date): DigestPeriod {
  return { start: since ?? new Date(now.getTime() - WEEK_MS), end: now };
}

export async function exportPublished(deps: CoreDeps): Promise<ExportData> {
  return deps.store.reports.exportData(deps.clock());
}
