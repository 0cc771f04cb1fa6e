import { AREAS, INDUSTRIES, SIZE_BANDS } from '../domain/participant.ts';
import { buildDigest } from '../digest/build.ts';
import type { DigestModel, DigestPeriod, DigestSuggestion } from '../digest/model.ts';
import type { Actor } from '../domain/participant.ts';
import { may } from '../domain/permissions.ts';
import { InnspillError } from '../errors.ts';
import type { ExportData } from '../export/model.ts';
import { publishExport } from '../export/publish.ts';
import type { CoreDeps } from './context.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The digest of one period, compared with the period of equal length before it. */
export async function digestFor(deps: CoreDeps, period: DigestPeriod): Promise<DigestModel> {
  const length = period.end.getTime() - period.start.getTime();
  const previous = { start: new Date(period.start.getTime() - length), end: period.start };
  const input = await deps.store.reports.digestInput(period, previous);
  return buildDigest(input, { topics: deps.settings.topics, areas: AREAS, industries: INDUSTRIES, sizes: SIZE_BANDS, minGroupSize: deps.settings.minGroupSize });
}

/** The last seven days up to now, or from `since`: what `digest --preview` shows by default. */
export function previewPeriod(now: Date, since?: Date): DigestPeriod {
  return { start: since ?? new Date(now.getTime() - WEEK_MS), end: now };
}

export const SEE_ALL_PAGE = 50;

/** A page of a digest topic's suggestions, for a member who asked to see them all. */
export async function digestSuggestions(deps: CoreDeps, member: Actor, period: DigestPeriod, topic: string, page: number): Promise<DigestSuggestion[]> {
  if (!may({ id: member.id, isMember: await deps.store.members.isMember(member.id) }, 'digest', deps.settings)) throw new InnspillError('not_allowed');
  return deps.store.reports.suggestionsIn(period, topic, Math.max(0, page) * SEE_ALL_PAGE, SEE_ALL_PAGE);
}

export async function exportPublished(deps: CoreDeps): Promise<ExportData> {
  return publishExport(await deps.store.reports.exportData(deps.clock()), deps.settings.minGroupSize);
}
