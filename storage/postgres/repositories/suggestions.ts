import type { NewSuggestion, SuggestionStore } from '../../../src/ports/store.ts';
import { toSuggestion, type SuggestionRow } from '../../repositories/suggestions.ts';
import type { Db } from '../pool.ts';
import { recordAndQueueOnce } from './outbox.ts';
import { recordActivity } from './activity.ts';

export function createPgSuggestionStore(db: Db): SuggestionStore {
  return {
    recordReply: (r, message) =>
      db.tx((c) =>
        recordAndQueueOnce(c, message, r.now, () =>
          c.run('INSERT INTO replies (suggestion_id, member_id, text, created_at) VALUES ($1, $2, $3, $4)', [r.suggestionId, r.memberId, r.text, r.now.getTime()]),
        ),
      ),
    async add(s: NewSuggestion) {
      // The unique dedupe key decides: a replay (on this replica or another) inserts nothing and finds the first.
      const row = await db.tx(async (c) => {
        const [inserted] = await c.query<SuggestionRow>(
          `INSERT INTO suggestions (workspace_key, sender_key, sender_id, sealed_sender, topic, text, anonymous, publishable,
             company_name, area, industry, size_band, created_at, dedupe_key, topic_proposed)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
           ON CONFLICT (dedupe_key) DO NOTHING RETURNING *`,
          [
            s.workspaceKey,
            s.senderKey,
            s.senderId,
            s.sealedSender,
            s.topic,
            s.text,
            s.anonymous ? 1 : 0,
            s.publishable ? 1 : 0,
            s.companyName,
            s.segment.area,
            s.segment.industry,
            s.segment.sizeBand,
            s.createdAt.getTime(),
            s.dedupeKey ?? null,
            s.topicProposed ? 1 : 0,
          ],
        );
        if (inserted) await recordActivity(c, s.activityKey, s.segment, s.createdAt);
        return inserted;
      });
      if (row) return { suggestion: toSuggestion(row), duplicate: false };
      const [first] = await db.query<SuggestionRow>('SELECT * FROM suggestions WHERE dedupe_key = $1', [s.dedupeKey!]);
      return { suggestion: toSuggestion(first!), duplicate: true };
    },
    async get(id) {
      const [row] = await db.query<SuggestionRow>('SELECT * FROM suggestions WHERE id = $1', [id]);
      return row ? toSuggestion(row) : null;
    },
    listBySenders: async (senderKeys, limit) =>
      (await db.query<SuggestionRow>('SELECT * FROM suggestions WHERE sender_key = ANY($1::text[]) ORDER BY created_at DESC, id DESC LIMIT $2', [senderKeys, limit])).map(
        toSuggestion,
      ),
    async replyTarget(id) {
      const [row] = await db.query<{ sender_id: string | null; sealed_sender: string | null; anonymous: number }>(
        'SELECT sender_id, sealed_sender, anonymous FROM suggestions WHERE id = $1',
        [id],
      );
      return row ? { senderId: row.sender_id, sealedSender: row.sealed_sender, anonymous: row.anonymous === 1 } : null;
    },
  };
}
