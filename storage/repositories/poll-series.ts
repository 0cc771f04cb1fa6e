import type { Database } from 'better-sqlite3';
import { toMs } from './rows.ts';

export interface SeriesRow {
  id: number;
  cron: string;
  close_after_ms: number | null;
  remind_after_ms: string;
  next_at: number | null;
  rounds: number;
  created_at: number;
}

/** The rows of recurring polls (`poll_series`), used inside the poll store's transactions. */
export function createSeriesRows(db: Database) {
  const insert = db.prepare<[string, number | null, string, number, number], { id: number }>(
    'INSERT INTO poll_series (cron, close_after_ms, remind_after_ms, next_at, rounds, created_at) VALUES (?, ?, ?, ?, 1, ?) RETURNING id',
  );
  const due = db.prepare<[number], SeriesRow>('SELECT * FROM poll_series WHERE next_at IS NOT NULL AND next_at <= ? ORDER BY next_at, id');
  // Only the process that finds the series still at the expected time moves it on and starts the round.
  const advance = db.prepare<[number | null, number, number], { rounds: number }>(
    'UPDATE poll_series SET next_at = ?, rounds = rounds + 1 WHERE id = ? AND next_at = ? RETURNING rounds',
  );
  const first = db.prepare<[number], { id: number }>('SELECT id FROM polls WHERE series_id = ? ORDER BY round LIMIT 1');
  return {
    insert: (s: { cron: string; nextAt: Date; closeAfterMs: number | null; remindAfterMs: number[] }, now: Date) =>
      insert.get(s.cron, s.closeAfterMs, JSON.stringify(s.remindAfterMs), s.nextAt.getTime(), now.getTime())!.id,
    due: (now: Date) => due.all(now.getTime()),
    advance(seriesId: number, expected: Date, next: Date | null): { round: number; firstPollId: number } | null {
      const row = advance.get(toMs(next), seriesId, expected.getTime());
      const firstPoll = row ? first.get(seriesId) : undefined;
      return row && firstPoll ? { round: row.rounds, firstPollId: firstPoll.id } : null;
    },
  };
}
