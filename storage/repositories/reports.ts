import type { Database } from 'better-sqlite3';
import type { DigestInput, DigestPeriod, DigestSuggestion, Participation, PeriodTotals } from '../../src/digest/model.ts';
import type { PollResult } from '../../src/polls/results.ts';
import type { ReportStore } from '../../src/ports/store.ts';
import { segmentGroupCounter } from './participants.ts';
import { segmentFromRow, type SegmentColumns } from './rows.ts';
import { toPoll } from './polls.ts';
import { HOUR_MS } from './activity.ts';

/** An anonymous suggestion whose sealed sender retention removed can no longer be answered. */
export const REPLY_CLOSED = '(anonymous = 1 AND sealed_sender IS NULL) AS reply_closed';

/** Suggestions listed per topic in a digest; the rest are counted ("and N more"). */
export const DIGEST_PER_TOPIC = 100;

type Range = { start: number; end: number };
export type DigestSuggestionRow = SegmentColumns & { id: number; topic: string; text: string; anonymous: number; company_name: string | null; created_at: number; reply_closed: number };

export function toDigestSuggestion(s: DigestSuggestionRow): DigestSuggestion {
  return {
    id: s.id,
    topic: s.topic,
    text: s.text,
    anonymous: s.anonymous === 1,
    companyName: s.company_name,
    segment: segmentFromRow(s),
    createdAt: new Date(s.created_at),
    ...(s.reply_closed ? { replyClosed: true as const } : {}),
  };
}

/**
 * The digest's and export's queries. Volume stays in SQLite: suggestions are listed up to a limit
 * per topic and counted beyond it, poll counts come from the running tallies, and active people
 * from the hourly activity table, so a week of a million votes reads a few thousand rows. Survey
 * free-text answers are rows of `suggestions` too (`survey_id` set): the digest shows them with
 * their survey, never as suggestions.
 */
export function createReportStore(db: Database): ReportStore {
  const suggestions = db.prepare<Range & { perTopic: number }, DigestSuggestionRow>(
    `SELECT * FROM (
       SELECT id, topic, text, anonymous, company_name, area, industry, size_band, created_at, ${REPLY_CLOSED},
              row_number() OVER (PARTITION BY topic ORDER BY created_at, id) AS n
       FROM suggestions WHERE created_at >= @start AND created_at < @end AND status = 'new' AND survey_id IS NULL
     ) WHERE n <= @perTopic ORDER BY created_at, id`,
  );
  const page = db.prepare<Range & { topic: string; offset: number; limit: number }, DigestSuggestionRow>(
    `SELECT id, topic, text, anonymous, company_name, area, industry, size_band, created_at, ${REPLY_CLOSED} FROM suggestions
     WHERE created_at >= @start AND created_at < @end AND status = 'new' AND survey_id IS NULL AND topic = @topic
     ORDER BY created_at, id LIMIT @limit OFFSET @offset`,
  );
  const topicCounts = db.prepare<Range, { topic: string; n: number }>(
    "SELECT topic, count(*) AS n FROM suggestions WHERE created_at >= @start AND created_at < @end AND status = 'new' AND survey_id IS NULL GROUP BY topic",
  );
  const topicAreas = db.prepare<Range, { topic: string; area: string | null; n: number }>(
    "SELECT topic, area, count(*) AS n FROM suggestions WHERE created_at >= @start AND created_at < @end AND status = 'new' AND survey_id IS NULL GROUP BY topic, area",
  );
  // Activity is kept by the hour: a person counts in a period if they were active in an hour that starts in it.
  const active = db.prepare<{ from: number; to: number }, SegmentColumns>(
    'SELECT area, industry, size_band, max(last_at) FROM activity WHERE hour >= @from AND hour < @to GROUP BY person_key',
  );
  const totals = db.prepare<Range & { from: number; to: number }, PeriodTotals>(
    `SELECT
       (SELECT count(*) FROM suggestions WHERE created_at >= @start AND created_at < @end AND status = 'new' AND survey_id IS NULL) AS suggestions,
       (SELECT count(*) FROM votes WHERE voted_at >= @start AND voted_at < @end) AS votes,
       (SELECT count(DISTINCT person_key) FROM activity WHERE hour >= @from AND hour < @to) AS participants`,
  );
  const allPolls = db.prepare<[], Parameters<typeof toPoll>[0]>('SELECT * FROM polls ORDER BY id');
  const allTallies = db.prepare<[], TallyRow>('SELECT poll_id, option, votes FROM poll_tallies');
  const segmentGroups = segmentGroupCounter(db);

  const hours = (r: Range) => ({ from: Math.ceil(r.start / HOUR_MS), to: Math.ceil(r.end / HOUR_MS) });

  function participation(r: Range): Participation {
    const result: Participation = { participants: 0, byArea: new Map(), byIndustry: new Map(), bySize: new Map() };
    const bump = (map: Map<string | null, number>, key: string | null) => map.set(key, (map.get(key) ?? 0) + 1);
    for (const row of active.iterate(hours(r))) {
      result.participants += 1;
      bump(result.byArea, row.area);
      bump(result.byIndustry, row.industry);
      bump(result.bySize, row.size_band);
    }
    return result;
  }

  const range = (p: DigestPeriod): Range => ({ start: p.start.getTime(), end: p.end.getTime() });
  const totalsOf = (r: Range) => totals.get({ ...r, ...hours(r) })!;

  return {
    async digestInput(period, previous): Promise<Omit<DigestInput, 'polls'>> {
      const r = range(period);
      return {
        period,
        suggestions: suggestions.all({ ...r, perTopic: DIGEST_PER_TOPIC }).map(toDigestSuggestion),
        topicCounts: new Map(topicCounts.all(r).map((t) => [t.topic, t.n])),
        previousTopicCounts: new Map(previous ? topicCounts.all(range(previous)).map((t) => [t.topic, t.n]) : []),
        topicAreas: topicAreas.all(r).map((t) => ({ topic: t.topic, area: t.area, count: t.n })),
        participation: participation(r),
        totals: totalsOf(r),
        previous: previous ? totalsOf(range(previous)) : null,
        segmentGroups: segmentGroups(),
      };
    },
    async suggestionsIn(period, topic, offset, limit) {
      return page.all({ ...range(period), topic, offset, limit }).map(toDigestSuggestion);
    },
    pollTallies: async () => toPollResults(allPolls.all(), allTallies.all()),
  };
}

export interface TallyRow {
  poll_id: number;
  option: number;
  votes: number;
}

/** Polls in id order with their running counts (an option with no row has none). */
export function toPollResults(polls: Parameters<typeof toPoll>[0][], tallies: TallyRow[]): PollResult[] {
  const counts = new Map<number, TallyRow[]>();
  for (const t of tallies) {
    const list = counts.get(t.poll_id);
    if (list) list.push(t);
    else counts.set(t.poll_id, [t]);
  }
  return polls.map((row) => {
    const poll = toPoll(row);
    const result = Array.from({ length: poll.options.length }, () => 0);
    for (const t of counts.get(poll.id) ?? []) if (t.option < result.length) result[t.option] = t.votes;
    return { poll, counts: result, voters: row.voters };
  });
}
