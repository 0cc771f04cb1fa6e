import type { Area, Industry, SizeBand } from '../domain/participant.ts';
import { pollResults, publishableCount, publishableSegment } from '../privacy/published.ts';
import type { ExportData, ExportSource } from './model.ts';

/** The export as the public may see it: anonymous suggestions' segments and small polls under the small-group rule. */
export function publishExport(source: ExportSource, k: number): ExportData {
  return {
    generatedAt: source.generatedAt,
    suggestions: source.suggestions.map(({ anonymous, ...s }) => {
      if (!anonymous) return s;
      const shown = publishableSegment({ area: s.area as Area | null, industry: s.industry as Industry | null, sizeBand: s.sizeBand as SizeBand | null }, source.segmentGroups, k);
      return { ...s, area: shown.area, industry: shown.industry, sizeBand: shown.sizeBand };
    }),
    polls: source.polls.map((p) => {
      const voters = publishableCount(p.voters, k);
      const withheld = pollResults({ anonymous: p.anonymous, hiddenUntilClose: false, voters: p.voters }, k) === 'too_few_voters';
      return {
        id: p.id,
        question: p.question,
        closed: p.closed,
        voters: voters.fewerThan === undefined ? voters.count : null,
        ...(voters.fewerThan !== undefined ? { votersFewerThan: voters.fewerThan } : {}),
        ...(withheld ? { withheld: 'too_few_voters' as const } : {}),
        options: p.options.map((o) => ({ label: o.label, votes: withheld ? null : o.votes })),
      };
    }),
  };
}
