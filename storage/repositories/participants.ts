import type { Database } from 'better-sqlite3';
import type { Participant, Platform, Profile } from '../../src/domain/participant.ts';
import type { ParticipantStore, TouchParticipant } from '../../src/ports/store.ts';
import type { SegmentGroup } from '../../src/privacy/published.ts';

export interface Row {
  id: string;
  platform: string;
  workspace_id: string;
  user_id: string;
  locale: string | null;
  company_name: string | null;
  area: string | null;
  industry: string | null;
  size_band: string | null;
  first_seen: number;
  last_seen: number;
}

export function toParticipant(row: Row): Participant {
  const profile: Profile = {};
  if (row.company_name) profile.companyName = row.company_name;
  if (row.area) profile.area = row.area as Profile['area'];
  if (row.industry) profile.industry = row.industry as Profile['industry'];
  if (row.size_band) profile.sizeBand = row.size_band as Profile['sizeBand'];
  return {
    id: row.id,
    platform: row.platform as Platform,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    locale: row.locale,
    profile: Object.keys(profile).length ? profile : null,
    firstSeen: new Date(row.first_seen),
    lastSeen: new Date(row.last_seen),
  };
}

const DAY_MS = 86_400_000;

/**
 * First and last seen are kept by the day only: a time to the millisecond would equal the time of
 * the person's anonymous suggestion or vote and name its sender.
 */
export const dayOf = (at: Date): number => Math.floor(at.getTime() / DAY_MS) * DAY_MS;

/**
 * Creates or refreshes a participant inside the caller's transaction (a vote's, say). Someone new
 * is one plain insert, whose row is what was given (no profile yet): an upsert that hands the row
 * back costs twice that, on the path every first click takes. Someone known is refreshed and read
 * back in one statement.
 */
export function participantToucher(db: Database): (p: TouchParticipant) => Participant {
  const create = db.prepare<[string, string, string, string, string, number, number]>(
    `INSERT INTO participants (id, platform, workspace_id, user_id, locale, first_seen, last_seen)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const refresh = db.prepare<[string, number, number, string], Row>(
    'UPDATE participants SET locale = ?, last_seen = CASE WHEN ? THEN last_seen ELSE ? END WHERE id = ? RETURNING *',
  );
  return (p) => {
    const day = dayOf(p.now);
    if (create.run(p.id, p.platform, p.workspaceId, p.userId, p.locale, day, day).changes === 1) {
      return { id: p.id, platform: p.platform as Platform, workspaceId: p.workspaceId, userId: p.userId, locale: p.locale, profile: null, firstSeen: new Date(day), lastSeen: new Date(day) };
    }
    return toParticipant(refresh.get(p.locale, p.quiet ? 1 : 0, day, p.id)!);
  };
}

/** How many participants have each full segment, for the small-group rule. */
export function segmentGroupCounter(db: Database): () => SegmentGroup[] {
  const groups = db.prepare<[], SegmentGroup>(
    'SELECT area, industry, size_band AS sizeBand, count(*) AS count FROM participants GROUP BY area, industry, size_band',
  );
  return () => groups.all();
}

export function createParticipantStore(db: Database): ParticipantStore {
  const touch = participantToucher(db);
  const byId = db.prepare<[string], Row>('SELECT * FROM participants WHERE id = ?');
  const all = db.prepare<[], Row>('SELECT * FROM participants ORDER BY id');
  const onPlatform = db.prepare<[string], Row>('SELECT * FROM participants WHERE platform = ? ORDER BY id');
  const profile = db.prepare<[string | null, string | null, string | null, string | null, number, string]>(
    'UPDATE participants SET company_name = ?, area = ?, industry = ?, size_band = ?, last_seen = ? WHERE id = ?',
  );

  const groups = segmentGroupCounter(db);

  return {
    touch: async (p: TouchParticipant) => touch(p),
    segmentGroups: async () => groups(),
    async get(id) {
      const row = byId.get(id);
      return row ? toParticipant(row) : null;
    },
    async saveProfile(id, p, now) {
      profile.run(p.companyName ?? null, p.area ?? null, p.industry ?? null, p.sizeBand ?? null, dayOf(now), id);
    },
    async list(platform) {
      return (platform ? onPlatform.all(platform) : all.all()).map(toParticipant);
    },
  };
}
