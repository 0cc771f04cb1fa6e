import type { Database } from 'better-sqlite3';
import type { Segment } from '../../src/domain/participant.ts';

export const HOUR_MS = 3_600_000;

/**
 * Notes that a person (by their activity pseudonym) did something this hour, inside the caller's
 * transaction. `last_at` is the hour itself: an exact time would equal an anonymous vote's or
 * suggestion's and tie the two together.
 */
export function activityRecorder(db: Database): (personKey: string, segment: Segment, at: Date) => void {
  const upsert = db.prepare<[string, number, string | null, string | null, string | null, number]>(
    `INSERT INTO activity (person_key, hour, area, industry, size_band, last_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (hour, person_key) DO UPDATE SET area = excluded.area, industry = excluded.industry,
       size_band = excluded.size_band, last_at = excluded.last_at`,
  );
  return (key, segment, at) => {
    const hour = Math.floor(at.getTime() / HOUR_MS);
    upsert.run(key, hour, segment.area, segment.industry, segment.sizeBand, hour * HOUR_MS);
  };
}
