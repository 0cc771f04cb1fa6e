import type { Segment } from '../../../src/domain/participant.ts';
import { HOUR_MS } from '../../repositories/activity.ts';
import type { Conn } from '../pool.ts';

/** Notes that a person did something this hour, inside the caller's transaction; `last_at` is the hour itself (see SQLite's). */
export async function recordActivity(c: Conn, personKey: string, segment: Segment, at: Date): Promise<void> {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  await c.run(
    `INSERT INTO activity (person_key, hour, area, industry, size_band, last_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (hour, person_key) DO UPDATE SET area = excluded.area, industry = excluded.industry,
       size_band = excluded.size_band, last_at = excluded.last_at`,
    [personKey, hour, segment.area, segment.industry, segment.sizeBand, hour * HOUR_MS],
  );
}
