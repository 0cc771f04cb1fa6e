import type { Database } from 'better-sqlite3';
import { suggestionRef } from '../../src/domain/suggestion.ts';
import { isPollOpen, resultsVisible } from '../../src/domain/poll.ts';
import type { DigestInput, DigestPeriod, DigestPollInput, Participation, PeriodTotals } from '../../src/digest/model.ts';
import type { ExportData } from '../../src/export/model.ts';
import type { ReportStore } from '../../src/ports/store.ts';
import { segmentFromRow, type SegmentColumns } from './rows.ts';
import { toPoll } from './polls.ts';

/**
 * The digest's and export's queries. Volume is aggregated here (counts per option, one segment per
 * active person), so the core's digest builder works on small data even for a busy year.
 */
export function createReportStore(db: Database): ReportStore {
  const suggestions = db.prepare<[number, number], SegmentColumns & { id: number; topic: string; text: string; anonymous: number; company_name: string | null; created_at: number }>(
    `SELECT id, topic, text, anonymous, company_name, area, industry, size_band, created_at FROM suggestions
     WHERE created_at >= ? AND created_at < ? AND status = 'new' ORDER BY created_at, id`,
  );
  // One row per active person (suggested or voted in the period), with the segment of their latest act.
  const active = db.prepare<{ start: number; end: number }, SegmentColumns>(
    `SELECT area, industry, size_band, max(t) FROM (
       SELECT sender_key AS k, area, industry, size_band, created_at AS t FROM suggestions WHERE created_at >= @start AND created_at < @end
       UNION ALL
       SELECT voter_key, area, industry, size_band, voted_at FROM votes WHERE voted_at >= @start AND voted_at < @end
     ) GROUP BY k`,
  );
  const totals = db.prepare<{ start: number; end: number }, PeriodTotals>(
    `SELECT
       (SELECT count(*) FROM suggestions WHERE created_at >= @start AND created_at < @end AND status = 'new') AS suggestions,
       (SELECT count(*) FROM votes WHERE voted_at >= @start AND voted_at < @end) AS votes,
       (SELECT count(*) FROM (SELECT sender_key FROM suggestions WHERE created_at >= @start AND created_at < @end
                              UNION SELECT voter_key FROM votes WHERE voted_at >= @start AND voted_at < @end)) AS participants`,
  );
  // Polls that were open at some moment of the period.
  const polls = db.prepare<{ start: number; end: number }, Parameters<typeof toPoll>[0]>(
    `SELECT * FROM polls WHERE created_at < @end AND (closed_at IS NULL OR closed_at >= @start) AND (closes_at IS NULL OR closes_at >= @start)
     ORDER BY id`,
  );
  const pollCounts = db.prepare<{ start: number; end: number; id: number }, { option: number; n: number; recent: number }>(
    `SELECT option, count(*) AS n, sum(voted_at >= @start AND voted_at < @end) AS recent FROM votes WHERE poll_id = @id GROUP BY option`,
  );
  const pollVoters = db.prepare<[number], { n: number }>('SELECT count(DISTINCT voter_key) AS n FROM votes WHERE poll_id = ?');
  const published = db.prepare<[], SegmentColumns & { id: number; topic: string; text: string; created_at: number }>(
    `SELECT id, topic, text, area, industry, size_band, created_at FROM suggestions WHERE publishable = 1 AND status = 'new' ORDER BY created_at, id`,
  );
  const allPolls = db.prepare<[], Parameters<typeof toPoll>[0]>('SELECT * FROM polls ORDER BY id');

  function participation(range: { start: number; end: number }): Participation {
    const result: Participation = { participants: 0, byArea: new Map(), byIndustry: new Map(), bySize: new Map() };
    const bump = (map: Map<string | null, number>, key: string | null) => map.set(key, (map.get(key) ?? 0) + 1);
    for (const row of active.iterate(range)) {
      result.participants += 1;
      bump(result.byArea, row.area);
      bump(result.byIndustry, row.industry);
      bump(result.bySize, row.size_band);
    }
    return result;
  }

  function pollResults(id: number, range: { start: number; end: number }, optionCount: number) {
    const counts = Array.from({ length: optionCount }, () => 0);
    let recent = 0;
    for (const c of pollCounts.all({ ...range, id })) {
      if (c.option < optionCount) counts[c.option] = c.n;
      recent += c.recent;
    }
    return { counts, recent, voters: pollVoters.get(id)!.n };
  }

  const range = (p: DigestPeriod) => ({ start: p.start.getTime(), end: p.end.getTime() });

  return {
    async digestInput(period, previous): Promise<DigestInput> {
      const r = range(period);
      const pollInputs: DigestPollInput[] = polls.all(r).map((row) => {
        const poll = toPoll(row);
        const { counts, recent, voters } = pollResults(poll.id, r, poll.options.length);
        return {
          id: poll.id,
          question: poll.question,
          options: poll.options,
          counts,
          voters,
          votesInPeriod: recent,
          closed: !isPollOpen(poll, period.end),
          everyone: poll.audience.kind === 'everyone',
        };
      });
      return {
        period,
        suggestions: suggestions.all(r.start, r.end).map((s) => ({
          id: s.id,
          topic: s.topic,
          text: s.text,
          anonymous: s.anonymous === 1,
          companyName: s.company_name,
          segment: segmentFromRow(s),
          createdAt: new Date(s.created_at),
        })),
        polls: pollInputs,
        participation: participation(r),
        totals: totals.get(r)!,
        previous: previous ? totals.get(range(previous))! : null,
      };
    },
    async exportData(now): Promise<ExportData> {
      return {
        generatedAt: now,
        suggestions: published.all().map((s) => ({
          ref: suggestionRef(s.id),
          date: new Date(s.created_at).toISOString().slice(0, 10),
          topic: s.topic,
          text: s.text,
          area: s.area,
          industry: s.industry,
          sizeBand: s.size_band,
        })),
        polls: allPolls
          .all()
          .map(toPoll)
          .filter((p) => resultsVisible(p, now))
          .map((p) => {
            const { counts, voters } = pollResults(p.id, { start: 0, end: 0 }, p.options.length);
            return { id: p.id, question: p.question, closed: !isPollOpen(p, now), voters, options: p.options.map((label, i) => ({ label, votes: counts[i]! })) };
          }),
      };
    },
  };
}
