import type { Participant } from '../../../src/domain/participant.ts';
import type { ParticipantStore, TouchParticipant } from '../../../src/ports/store.ts';
import type { SegmentGroup } from '../../../src/privacy/published.ts';
import { dayOf, toParticipant, type Row } from '../../repositories/participants.ts';
import type { Conn, Db } from '../pool.ts';

/** Creates or refreshes a participant inside the caller's transaction (a vote's, say); seen-times by the day. */
export async function touchParticipant(c: Conn, p: TouchParticipant): Promise<Participant> {
  const day = dayOf(p.now);
  const [row] = await c.query<Row>(
    `INSERT INTO participants (id, platform, workspace_id, user_id, locale, first_seen, last_seen)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (id) DO UPDATE SET locale = excluded.locale,
       last_seen = CASE WHEN $7 THEN participants.last_seen ELSE excluded.last_seen END
     RETURNING *`,
    [p.id, p.platform, p.workspaceId, p.userId, p.locale, day, Boolean(p.quiet)],
  );
  return toParticipant(row!);
}

/** How many participants have each full segment, for the small-group rule. */
export const segmentGroups = (c: Conn): Promise<SegmentGroup[]> =>
  c.query<SegmentGroup>('SELECT area, industry, size_band AS "sizeBand", count(*) AS count FROM participants GROUP BY area, industry, size_band');

export function createPgParticipantStore(db: Db): ParticipantStore {
  return {
    touch: (p) => touchParticipant(db, p),
    segmentGroups: () => segmentGroups(db),
    async get(id) {
      const [row] = await db.query<Row>('SELECT * FROM participants WHERE id = $1', [id]);
      return row ? toParticipant(row) : null;
    },
    async saveProfile(id, p, now) {
      await db.run('UPDATE participants SET company_name = $1, area = $2, industry = $3, size_band = $4, last_seen = $5 WHERE id = $6', [
        p.companyName ?? null,
        p.area ?? null,
        p.industry ?? null,
        p.sizeBand ?? null,
        dayOf(now),
        id,
      ]);
    },
    async list(platform) {
      const rows = platform
        ? await db.query<Row>('SELECT * FROM participants WHERE platform = $1 ORDER BY id COLLATE "C"', [platform])
        : await db.query<Row>('SELECT * FROM participants ORDER BY id COLLATE "C"');
      return rows.map(toParticipant);
    },
  };
}
