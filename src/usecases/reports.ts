import { AREAS, INDUSTRIES, SIZE_BANDS } from '../domain/participant.ts';
import { buildDigest } from '../digest/build.ts';
import type { DigestModel, DigestPeriod, DigestSuggestion, PollSegmentCut } from '../digest/model.ts';
import { DIMENSIONS, type SegmentReport } from '../report/model.ts';
import { NOT_GIVEN } from '../report/build.ts';
import type { Actor } from '../domain/participant.ts';
import { may } from '../domain/permissions.ts';
import { InnspillError } from '../errors.ts';
import type { ExportData } from '../export/model.ts';
import { publishedSuggestions } from '../export/published.ts';
import { publishExport } from '../export/publish.ts';
import { digestFollowUp, withFollowUp } from './digest-follow-up.ts';
import { digestSurveys, withSurveys } from './digest-surveys.ts';
import { segmentReport } from './segment-report.ts';
import { digestPolls, exportedPolls } from '../polls/results.ts';
import { publishedSurveys } from './published-surveys.ts';
import type { CoreDeps } from './context.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The digest of one period, compared with the period of equal length before it. */
export async function digestFor(deps: CoreDeps, period: DigestPeriod): Promise<DigestModel> {
  const length = period.end.getTime() - period.start.getTime();
  const previous = { start: new Date(period.start.getTime() - length), end: period.start };
  const [aggregates, polls] = await Promise.all([deps.store.reports.digestInput(period, previous), deps.store.reports.pollTallies()]);
  const input = { ...aggregates, polls: digestPolls(polls, period) };
  const model = buildDigest(input, { topics: deps.settings.topics, areas: AREAS, industries: INDUSTRIES, sizes: SIZE_BANDS, minGroupSize: deps.settings.minGroupSize });
  const followedUp = withFollowUp(withPollSegments(model, await segmentReport(deps, period)), await digestFollowUp(deps, period));
  return withSurveys(followedUp, await digestSurveys(deps, period));
}

/**
 * Each poll whose results the digest shows, cut by area, industry and size where a group has at
 * least the small-group size of voters: the report's cuts, so digest and report never disagree.
 */
function withPollSegments(model: DigestModel, report: SegmentReport): DigestModel {
  const byId = new Map(report.polls.map((p) => [p.id, p]));
  const polls = model.polls.map((poll) => {
    const r = byId.get(poll.id);
    if (!r || poll.results) return poll;
    const segments: PollSegmentCut[] = DIMENSIONS.map((dimension) => ({
      dimension,
      // The report's "not given" key becomes the digest's empty one, which every renderer labels "not given".
      groups: r.bySegment[dimension].shown.map((g) => ({ key: g.key === NOT_GIVEN ? '' : g.key, voters: g.voters, shares: g.options.map((n) => (g.voters ? n / g.voters : 0)) })),
    })).filter((cut) => cut.groups.length > 0);
    return segments.length ? { ...poll, segments } : poll;
  });
  return { ...model, polls };
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

/** What the public may see; which suggestions that is, is decided by `isPublished` (publish mode, moderation). */
export async function exportPublished(deps: CoreDeps): Promise<ExportData> {
  const now = deps.clock();
  const [polls, segmentGroups, consented, segments, surveys] = await Promise.all([
    deps.store.reports.pollTallies(),
    deps.store.participants.segmentGroups(),
    deps.store.followUp.consented(),
    segmentReport(deps, { start: new Date(0), end: now }),
    publishedSurveys(deps),
  ]);
  // One rule for what is public: `isPublished` chooses and scrubs, then the small-group rule coarsens.
  const published = publishExport({ generatedAt: now, segmentGroups, polls: exportedPolls(polls, now), suggestions: publishedSuggestions(consented, deps.settings.publishMode) }, deps.settings.minGroupSize);
  return { ...published, segments, surveys };
}
