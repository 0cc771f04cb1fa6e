import type { DigestInput, DigestPeriod, Participation, PeriodTotals } from '../../../src/digest/model.ts';
import type { ReportStore } from '../../../src/ports/store.ts';
import { HOUR_MS } from '../../repositories/activity.ts';
import type { Row as PollRow } from '../../repositories/polls.ts';
import { DIGEST_PER_TOPIC, REPLY_CLOSED, toDigestSuggestion, toPollResults, type DigestSuggestionRow, type TallyRow } from '../../repositories/reports.ts';
import type { SegmentColumns } from '../../repositories/rows.ts';
import type { Db } from '../pool.ts';
import { segmentGroups } from './participants.ts';

type Range = { start: number; end: number };

/** The digest's and export's queries, as SQLite's: listed up to a limit per topic, counted beyond it. */
export function createPgReportStore(db: Db): ReportStore {
  const hours = (r: Range) => ({ from: Math.ceil(r.start / HOUR_MS), to: Math.ceil(r.end / HOUR_MS) });
  const range = (p: DigestPeriod): Range => ({ start: p.start.getTime(), end: p.end.getTime() });
  const digestSuggestions = (rows: DigestSuggestionRow[]) => rows.map((r) => toDigestSuggestion({ ...r, reply_closed: r.reply_closed ? 1 : 0 }));

  const topicCounts = async (r: Range) =>
    db.query<{ topic: string; n: number }>("SELECT topic, count(*) AS n FROM suggestions WHERE created_at >= $1 AND created_at < $2 AND status = 'new' AND survey_id IS NULL GROUP BY topic", [r.start, r.end]);

  async function totals(r: Range): Promise<PeriodTotals> {
    const h = hours(r);
    const [row] = await db.query<PeriodTotals>(
      `SELECT
         (SELECT count(*) FROM suggestions WHERE created_at >= $1 AND created_at < $2 AND status = 'new' AND survey_id IS NULL) AS suggestions,
         (SELECT count(*) FROM votes WHERE voted_at >= $1 AND voted_at < $2) AS votes,
         (SELECT count(DISTINCT person_key) FROM activity WHERE hour >= $3 AND hour < $4) AS participants`,
      [r.start, r.end, h.from, h.to],
    );
    return row!;
  }

  // Activity is kept by the hour: a person counts in a period if they were active in an hour that starts in it, with their latest segment.
  async function participation(r: Range): Promise<Participation> {
    const h = hours(r);
    const result: Participation = { participants: 0, byArea: new Map(), byIndustry: new Map(), bySize: new Map() };
    const bump = (map: Map<string | null, number>, key: string | null) => map.set(key, (map.get(key) ?? 0) + 1);
    const rows = await db.query<SegmentColumns>(
      'SELECT DISTINCT ON (person_key) area, industry, size_band FROM activity WHERE hour >= $1 AND hour < $2 ORDER BY person_key, last_at DESC',
      [h.from, h.to],
    );
    for (const row of rows) {
      result.participants += 1;
      bump(result.byArea, row.area);
      bump(result.byIndustry, row.industry);
      bump(result.bySize, row.size_band);
    }
    return result;
  }

  return {
    async digestInput(period, previous): Promise<Omit<DigestInput, 'polls'>> {
      const r = range(period);
      const suggestions = await db.query<DigestSuggestionRow>(
        `SELECT * FROM (
           SELECT id, topic, text, anonymous, company_name, area, industry, size_band, created_at, ${REPLY_CLOSED},
                  row_number() OVER (PARTITION BY topic ORDER BY created_at, id) AS n
           FROM suggestions WHERE created_at >= $1 AND created_at < $2 AND status = 'new' AND survey_id IS NULL
         ) AS listed WHERE n <= $3 ORDER BY created_at, id`,
        [r.start, r.end, DIGEST_PER_TOPIC],
      );
      const topicAreas = await db.query<{ topic: string; area: string | null; n: number }>(
        "SELECT topic, area, count(*) AS n FROM suggestions WHERE created_at >= $1 AND created_at < $2 AND status = 'new' AND survey_id IS NULL GROUP BY topic, area",
        [r.start, r.end],
      );
      return {
        period,
        suggestions: digestSuggestions(suggestions),
        topicCounts: new Map((await topicCounts(r)).map((t) => [t.topic, t.n])),
        previousTopicCounts: new Map(previous ? (await topicCounts(range(previous))).map((t) => [t.topic, t.n]) : []),
        topicAreas: topicAreas.map((t) => ({ topic: t.topic, area: t.area, count: t.n })),
        participation: await participation(r),
        totals: await totals(r),
        previous: previous ? await totals(range(previous)) : null,
        segmentGroups: await segmentGroups(db),
      };
    },
    async suggestionsIn(period, topic, offset, limit) {
      const r = range(period);
      return digestSuggestions(
        await db.query<DigestSuggestionRow>(
          `SELECT id, topic, text, anonymous, company_name, area, industry, size_band, created_at, ${REPLY_CLOSED} FROM suggestions
           WHERE created_at >= $1 AND created_at < $2 AND status = 'new' AND survey_id IS NULL AND topic = $3
           ORDER BY created_at, id LIMIT $4 OFFSET $5`,
          [r.start, r.end, topic, limit, offset],
        ),
      );
    },
    pollTallies: async () =>
      toPollResults(await db.query<PollRow>('SELECT * FROM polls ORDER BY id'), await db.query<TallyRow>('SELECT poll_id, option, votes FROM poll_tallies')),
  };
}
